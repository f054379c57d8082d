// What the browser tests read from the app and its stored data, besides what is on screen.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import catalogue from '$lib/domain/catalogue/familienzentrum-nrw-2027-arbeitsfassung.json';

export const firstCriterion = catalogue.criteria[0] as { id: string; title: string };

/** Sample values for dynamic route segments, so that every page route can be opened. */
const sampleParams: Record<string, string> = {
	'kriterien/[id]': firstCriterion.id,
	'kriterien/[criterionId]': firstCriterion.id,
	'bereiche/[id]': catalogue.areas[0].id,
	'bereiche/[areaId]': catalogue.areas[0].id
};

/**
 * Every page route of the app as a URL path: `src/routes` folders holding a `+page.svelte`, route
 * groups dropped, dynamic segments filled from `sampleParams` (routes with unknown ones are skipped).
 */
export function pageRoutes(routesDir = join(process.cwd(), 'src/routes')): string[] {
	const found: string[] = [];
	const walk = (dir: string, segments: string[]) => {
		const entries = readdirSync(dir);
		if (entries.includes('+page.svelte')) {
			const path = segments.filter((s) => !/^\(.*\)$/.test(s));
			let url: string | null = '/' + path.join('/');
			for (const [pattern, value] of Object.entries(sampleParams))
				url = url.replace(`/${pattern}`, `/${pattern.split('/')[0]}/${value}`);
			if (url.includes('[')) url = null;
			if (url) found.push(url);
		}
		for (const entry of entries) {
			const child = join(dir, entry);
			if (statSync(child).isDirectory()) walk(child, [...segments, entry]);
		}
	};
	walk(routesDir, []);
	return found.sort();
}

/** Waits until the client router rendered a page and returns its main heading. */
export async function mainHeading(page: Page): Promise<string> {
	const heading = page.getByRole('heading', { level: 1 }).first();
	await heading.waitFor({ timeout: 15_000 });
	return (await heading.textContent())?.trim() ?? '';
}

export interface StoredAttachmentInfo {
	mimeType: string;
	bytes: number[];
	width: number;
	height: number;
}

/**
 * The attachments the app stored in IndexedDB, read with the plain IndexedDB API (any workspace
 * database that has an `attachments` store), decoded by the browser to get their pixel size.
 */
export async function storedAttachments(page: Page): Promise<StoredAttachmentInfo[]> {
	return page.evaluate(async () => {
		const request = <T>(r: IDBRequest<T>) =>
			new Promise<T>((resolve, reject) => {
				r.onsuccess = () => resolve(r.result);
				r.onerror = () => reject(r.error);
			});
		const result: StoredAttachmentInfo[] = [];
		for (const info of await indexedDB.databases()) {
			if (!info.name) continue;
			const db = await request(indexedDB.open(info.name));
			if (db.objectStoreNames.contains('attachments')) {
				const rows = await request(db.transaction('attachments').objectStore('attachments').getAll());
				for (const row of rows as { blob: Blob; mimeType: string }[]) {
					const bitmap = await createImageBitmap(row.blob).catch(() => null);
					result.push({
						mimeType: row.mimeType,
						bytes: Array.from(new Uint8Array(await row.blob.arrayBuffer())),
						width: bitmap?.width ?? 0,
						height: bitmap?.height ?? 0
					});
					bitmap?.close();
				}
			}
			db.close();
		}
		return result;
	});
}
