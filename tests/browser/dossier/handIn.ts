// Shared steps of the dossier browser tests: a hand-in on the Leitung's tablet and what it stored.
import type { Page } from 'playwright-core';

/** Hands in the dossier of the current period at /mappe; it waits on the device when offline. */
export async function handIn(page: Page): Promise<void> {
	await page.goto('/mappe');
	await page.getByRole('button', { name: 'Mappe abgeben' }).click();
	await page.getByRole('button', { name: 'Ja, abgeben' }).click();
	await page.getByText('Abgabe festgehalten').or(page.getByText('Beim Server angekommen')).first().waitFor();
}

export interface StoredHandIn {
	submissionId: string;
	state: string;
	dossier: { id: string; version: number } | null;
	snapshot: {
		facility: { id: string; name: string };
		readiness: { areas: { areaId: string; title: string; points: number; pointsRequired: number }[] };
		evidence: { id: string; title: string; criterionIds: string[]; attachment: { sha256: string } | null }[];
	};
}

/** The hand-ins the tablet keeps in its workspace (`meta` rows `dossier.submission.*`), read raw. */
export async function storedHandIns(page: Page): Promise<StoredHandIn[]> {
	return page.evaluate(async () => {
		const request = <T>(r: IDBRequest<T>) =>
			new Promise<T>((resolve, reject) => {
				r.onsuccess = () => resolve(r.result);
				r.onerror = () => reject(r.error);
			});
		const found: StoredHandIn[] = [];
		for (const info of await indexedDB.databases()) {
			if (!info.name) continue;
			const db = await request(indexedDB.open(info.name));
			if (db.objectStoreNames.contains('meta')) {
				const rows = await request(db.transaction('meta').objectStore('meta').getAll());
				for (const row of rows as { key: string; value: StoredHandIn }[])
					if (row.key.startsWith('dossier.submission.')) found.push(row.value);
			}
			db.close();
		}
		return found;
	});
}

/** Serious and critical WCAG A/AA problems axe finds inside `selector` (axe injected before). */
export async function seriousViolations(page: Page, selector: string): Promise<string[]> {
	return page.evaluate(async (include) => {
		type Result = { violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] };
		const axe = (window as unknown as { axe: { run: (c: object, o: object) => Promise<Result> } }).axe;
		const { violations } = await axe.run(
			{ include: [include] },
			{ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }
		);
		return violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	}, selector);
}
