import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import {
	DEMO,
	goOffline,
	logIn,
	serverRecords,
	setStatus,
	SONNENBLUME,
	startSyncServer,
	statusShown,
	syncNow,
	tabletOn,
	type PulledRecord,
	type RunningServer
} from './support';
import { addNoteEvidence, outboxOf } from './device';

/**
 * The merge rules as two tablets of the Familienzentrum Sonnenblume meet them (the demo Leitung and a
 * team member, each offline, then syncing through the real server): delete meets edit in both orders,
 * two tablets creating one criterion's status, one conflict per field, and a change the server refuses.
 */

let browser: Browser;
let server: RunningServer;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
	[browser, server] = await Promise.all([launchBrowser(), startSyncServer()]);
});
afterAll(async () => {
	await Promise.allSettled(contexts.map((c) => c.close()));
	await browser?.close();
	await server?.stop();
});

/** The Leitung's and the team member's tablets, signed in and synced. */
async function twoTablets(): Promise<{ leitung: BrowserContext; team: BrowserContext; lp: Page; tp: Page }> {
	const leitung = await tabletOn(browser, server);
	const team = await tabletOn(browser, server);
	contexts.push(leitung, team);
	const lp = await logIn(leitung, DEMO.leitung);
	const tp = await logIn(team, DEMO.team);
	return { leitung, team, lp, tp };
}

function evidenceList(page: Page) {
	return page.getByRole('list', { name: 'Nachweise' });
}

async function editEvidence(
	page: Page,
	criterionId: string,
	title: string,
	fill: (form: Page) => Promise<void>
) {
	await page.goto(`/kriterien/${encodeURIComponent(criterionId)}`);
	await page.getByRole('button', { name: `Bearbeiten: ${title}` }).click();
	await fill(page);
	await page.getByRole('button', { name: 'Änderungen speichern' }).click();
	await page.getByRole('button', { name: 'Änderungen speichern' }).waitFor({ state: 'detached' });
}

async function deleteEvidence(page: Page, criterionId: string, title: string) {
	await page.goto(`/kriterien/${encodeURIComponent(criterionId)}`);
	await page.getByRole('button', { name: `Löschen: ${title}` }).click();
	await page.getByRole('button', { name: 'Ja, löschen' }).click();
	await page.getByRole('button', { name: `Löschen: ${title}` }).waitFor({ state: 'detached' });
}

function evidenceNamed(records: PulledRecord[], title: string): PulledRecord | undefined {
	return records.find((r) => r.table === 'evidence' && r.record.title === title);
}

function conflictsAbout(records: PulledRecord[], recordId: string): Record<string, unknown>[] {
	return records
		.filter((r) => r.table === 'syncConflicts' && r.record.recordId === recordId)
		.map((r) => r.record);
}

/** The conflict card on „Zu klären“ of the Leitung that names the record. */
async function conflictCard(page: Page, text: string) {
	await page.goto('/konflikte');
	const card = page.getByRole('listitem').filter({ hasText: text });
	await card.first().waitFor();
	return card;
}

describe('two tablets meeting the merge rules', () => {
	it('delete after an edit elsewhere: the evidence stays, the Leitung deletes it for every tablet', async () => {
		const { leitung, team, lp, tp } = await twoTablets();
		await addNoteEvidence(lp, '2.1', 'Flyer Elterncafé');
		await syncNow(lp);
		await syncNow(tp);
		await tp.goto('/kriterien/2.1');
		await evidenceList(tp).getByText('Flyer Elterncafé').waitFor();

		await goOffline(leitung, lp);
		await goOffline(team, tp);
		await editEvidence(lp, '2.1', 'Flyer Elterncafé', (page) =>
			page.getByRole('textbox', { name: 'Titel' }).fill('Flyer Elterncafé Mai')
		);
		await deleteEvidence(tp, '2.1', 'Flyer Elterncafé');
		await leitung.setOffline(false);
		await syncNow(lp);
		await team.setOffline(false);
		await syncNow(tp);

		// The delete did not silently drop the Leitung's edit: the team's tablet shows the item again.
		await tp.goto('/kriterien/2.1');
		await evidenceList(tp).getByText('Flyer Elterncafé Mai').waitFor();
		await syncNow(lp);
		const card = await conflictCard(lp, 'gelöscht und zugleich geändert');
		await expect.poll(() => card.textContent()).toContain('Tom Team hat den Eintrag gelöscht');
		await expect.poll(() => card.textContent()).toContain('Titel: Flyer Elterncafé Mai');
		await card.getByRole('button', { name: 'Löschen', exact: true }).click();
		await lp.getByText('Keine offenen Konflikte.').waitFor();

		await syncNow(lp);
		await syncNow(tp);
		await tp.goto('/kriterien/2.1');
		await tp.getByRole('button', { name: 'Nachweis hinzufügen' }).waitFor();
		await expect.poll(() => evidenceList(tp).getByText('Flyer Elterncafé Mai').count()).toBe(0);
		const records = await serverRecords(leitung);
		const evidence = evidenceNamed(records, 'Flyer Elterncafé Mai')!;
		expect(evidence.deleted).toBe(true);
		expect(conflictsAbout(records, evidence.recordId)).toEqual([
			expect.objectContaining({ field: 'deleted', resolved: true })
		]);
	}, 180_000);

	it('an edit after a delete elsewhere: kept in the deleted evidence, the Leitung restores it', async () => {
		const { team, lp, tp } = await twoTablets();
		await addNoteEvidence(lp, '2.2', 'Aushang Sprechstunde');
		await syncNow(lp);
		await syncNow(tp);
		await tp.goto('/kriterien/2.2');
		await evidenceList(tp).getByText('Aushang Sprechstunde').waitFor();

		await goOffline(team, tp);
		await deleteEvidence(lp, '2.2', 'Aushang Sprechstunde');
		await syncNow(lp);
		await editEvidence(tp, '2.2', 'Aushang Sprechstunde', (page) =>
			page.getByRole('textbox', { name: 'Titel' }).fill('Aushang Sprechstunde Juni')
		);
		await team.setOffline(false);
		await syncNow(tp);

		// Deleted on both tablets for now; the edit waits in the deleted record.
		await tp.goto('/kriterien/2.2');
		await tp.getByRole('button', { name: 'Nachweis hinzufügen' }).waitFor();
		await expect.poll(() => evidenceList(tp).getByText('Aushang Sprechstunde').count()).toBe(0);
		await syncNow(lp);
		const card = await conflictCard(lp, 'gelöscht und zugleich geändert');
		await expect.poll(() => card.textContent()).toContain('Tom Team hat den Eintrag geändert');
		await expect.poll(() => card.textContent()).toContain('Titel: Aushang Sprechstunde Juni');
		await card.getByRole('button', { name: 'Wiederherstellen' }).click();
		await lp.getByText('Keine offenen Konflikte.').waitFor();

		await syncNow(lp);
		await syncNow(tp);
		await tp.goto('/kriterien/2.2');
		await evidenceList(tp).getByText('Aushang Sprechstunde Juni').waitFor();
		await lp.goto('/kriterien/2.2');
		await evidenceList(lp).getByText('Aushang Sprechstunde Juni').waitFor();
		expect(evidenceNamed(await serverRecords(team), 'Aushang Sprechstunde Juni')?.deleted).toBe(false);
	}, 180_000);

	it('two tablets creating the status of an untouched criterion merge it, without a conflict', async () => {
		const { leitung, team, lp, tp } = await twoTablets();
		await goOffline(leitung, lp);
		await goOffline(team, tp);
		await setStatus(lp, '2.4', 'Erfüllt');
		await tp.goto('/kriterien/2.4');
		await tp.getByLabel('Notiz zum Kriterium').fill('Elterncafé jeden Freitag');
		await tp.getByRole('button', { name: 'Notiz speichern' }).click();
		await tp.getByText('Notiz gespeichert').waitFor();

		await leitung.setOffline(false);
		await syncNow(lp);
		await team.setOffline(false);
		await syncNow(tp);
		await syncNow(lp);

		for (const page of [lp, tp]) {
			expect(await statusShown(page, '2.4')).toBe('Erfüllt');
			await expect
				.poll(() => page.getByLabel('Notiz zum Kriterium').inputValue())
				.toBe('Elterncafé jeden Freitag');
		}
		expect(conflictsAbout(await serverRecords(leitung), `${SONNENBLUME}:2.4`)).toEqual([]);
	}, 180_000);

	it('the same field set differently on both tablets makes exactly one open conflict', async () => {
		const { leitung, team, lp, tp } = await twoTablets();
		await goOffline(leitung, lp);
		await goOffline(team, tp);
		await setStatus(lp, '2.5', 'Erfüllt');
		await setStatus(tp, '2.5', 'In Arbeit');
		await setStatus(tp, '2.5', 'Nicht zutreffend');

		await leitung.setOffline(false);
		await syncNow(lp);
		await team.setOffline(false);
		await syncNow(tp);
		await syncNow(lp);

		// The first value to reach the server holds on both tablets; the other is one conflict.
		expect(await statusShown(tp, '2.5')).toBe('Erfüllt');
		const open = conflictsAbout(await serverRecords(leitung), `${SONNENBLUME}:2.5`).filter(
			(c) => !c.resolved
		);
		expect(open).toEqual([expect.objectContaining({ field: 'status', otherValue: 'nicht_zutreffend' })]);
		const card = await conflictCard(lp, 'Kriterium 2.5');
		await expect.poll(() => card.count()).toBe(1);
		await expect.poll(() => card.textContent()).toContain('Nicht zutreffend');
	}, 180_000);

	it('a refused change: the tablet shows the server’s value and lists the refused one in „Zu klären“', async () => {
		const { leitung, team, lp, tp } = await twoTablets();
		await addNoteEvidence(lp, '2.6', 'Kooperationsvertrag');
		await syncNow(lp);
		await syncNow(tp);
		await tp.goto('/kriterien/2.6');
		await evidenceList(tp).getByText('Kooperationsvertrag').waitFor();

		// The Leitung moves the date past the „Gültig bis“ the team member sets at the same time: each
		// edit is valid alone, together they are not, and the server refuses the later one.
		await goOffline(leitung, lp);
		await goOffline(team, tp);
		await editEvidence(lp, '2.6', 'Kooperationsvertrag', (page) =>
			page.getByLabel('Datum des Nachweises').fill('2030-06-01')
		);
		await editEvidence(tp, '2.6', 'Kooperationsvertrag', (page) =>
			page.getByLabel('Gültig bis (optional)').fill('2030-01-31')
		);
		await leitung.setOffline(false);
		await syncNow(lp);
		await team.setOffline(false);
		await syncNow(tp);
		await expect.poll(() => outboxOf(tp)).toEqual({ pending: 0, rejected: 1 });

		// The team's tablet shows what the server holds: the Leitung's date, no „Gültig bis“.
		await tp.goto('/kriterien/2.6');
		await tp.getByRole('button', { name: 'Bearbeiten: Kooperationsvertrag' }).click();
		await expect.poll(() => tp.getByLabel('Datum des Nachweises').inputValue()).toBe('2030-06-01');
		expect(await tp.getByLabel('Gültig bis (optional)').inputValue()).toBe('');

		await tp.goto('/konflikte');
		const refused = tp.getByRole('listitem').filter({ hasText: 'Kooperationsvertrag' });
		await refused.waitFor();
		await expect.poll(() => refused.textContent()).toContain('„Gültig bis“ liegt vor „Datum des Nachweises“');
		await expect.poll(() => refused.textContent()).toContain('31.01.2030');
		await refused.getByRole('button', { name: 'Verwerfen' }).click();
		await tp.getByText('Keine abgelehnten Änderungen.').waitFor();
		expect(await outboxOf(tp)).toEqual({ pending: 0, rejected: 0 });
	}, 180_000);
});
