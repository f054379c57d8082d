import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import {
	DEMO,
	goOffline,
	logIn,
	recordsOf,
	serverRecords,
	setStatus,
	SONNENBLUME,
	startSyncServer,
	statusShown,
	syncLine,
	syncNow,
	tabletOn,
	waitUntilSynced,
	type RunningServer
} from './support';
import { facilitiesOnTablet, outboxOf } from './device';

const REGENBOGEN = 'demo-regenbogen';

/**
 * Two tablets of the Familienzentrum Sonnenblume (the demo Leitung and a team member) work offline,
 * then sync through the server; the same criterion edited on both becomes a conflict the Leitung
 * resolves; she hands in the dossier offline; the advisor, on her laptop, sees the result and her
 * feedback reaches the tablets.
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

async function tablet(): Promise<BrowserContext> {
	const context = await tabletOn(browser, server);
	contexts.push(context);
	return context;
}

/** Opens a criterion of the current state in the advisor's review workspace and returns its text. */
async function currentStatus(page: Page, criterionId: string): Promise<string> {
	await page
		.getByRole('navigation', { name: 'Kriterien der Mappe' })
		.locator(`[data-criterion="${criterionId}"]`)
		.click();
	const detail = page.getByRole('article');
	await detail
		.getByRole('heading', { level: 3, name: new RegExp(`\\b${criterionId.replace('.', '\\.')}\\b`) })
		.waitFor();
	return (await detail.textContent()) ?? '';
}

describe('two tablets of one centre and an advisor', () => {
	it('exchange offline edits, show and resolve a conflict, and the advisor sees the result', async () => {
		const leitung = await tablet();
		const team = await tablet();
		const leitungPage = await logIn(leitung, DEMO.leitung);
		const teamPage = await logIn(team, DEMO.team);
		// The demo centre's data came down with the first sync.
		expect(await statusShown(teamPage, '1.1')).toBe('Erfüllt');

		await goOffline(leitung, leitungPage);
		await goOffline(team, teamPage);
		await setStatus(leitungPage, '1.3', 'Erfüllt');
		await setStatus(leitungPage, '1.6', 'Nicht zutreffend');
		await setStatus(teamPage, '1.3', 'In Arbeit');
		await setStatus(teamPage, '1.5', 'Erfüllt');
		await expect.poll(async () => syncLine(teamPage).textContent()).toMatch(/Offline – 2 Änderungen warten/);
		await expect
			.poll(async () => syncLine(leitungPage).textContent())
			.toMatch(/Offline – 2 Änderungen warten/);

		await leitung.setOffline(false);
		await syncNow(leitungPage);
		await team.setOffline(false);
		await syncNow(teamPage);

		// Different criteria merged; the same one kept the value that arrived first, the other is a conflict.
		expect(await statusShown(teamPage, '1.5')).toBe('Erfüllt');
		expect(await statusShown(teamPage, '1.6')).toBe('Nicht zutreffend');
		expect(await statusShown(teamPage, '1.3')).toBe('Erfüllt');
		await syncNow(leitungPage);
		expect(await statusShown(leitungPage, '1.5')).toBe('Erfüllt');
		expect(await statusShown(leitungPage, '1.6')).toBe('Nicht zutreffend');
		// The team member sees the conflict too, but only the Leitung may choose.
		await teamPage.getByRole('link', { name: /Punkt zu klären/ }).click();
		const seenByTeam = teamPage
			.getByRole('listitem')
			.filter({ hasText: 'Auf zwei Geräten gleichzeitig geändert' });
		await seenByTeam.waitFor();
		await teamPage.getByText('Nur die Leitung kann Konflikte auflösen.').waitFor();
		expect(await seenByTeam.getByRole('button').count()).toBe(0);
		await leitungPage.getByRole('link', { name: /Punkt zu klären/ }).click();
		const conflict = leitungPage
			.getByRole('listitem')
			.filter({ hasText: 'Auf zwei Geräten gleichzeitig geändert' });
		await conflict.waitFor();
		await expect.poll(() => conflict.textContent()).toContain('Tom Team');
		await conflict.getByRole('button', { name: '„In Arbeit“ übernehmen' }).click();
		await leitungPage.getByText('Keine offenen Konflikte.').waitFor();
		await syncNow(leitungPage);
		await syncNow(teamPage);
		expect(await statusShown(teamPage, '1.3')).toBe('In Arbeit');
		expect(await statusShown(leitungPage, '1.3')).toBe('In Arbeit');
		await teamPage.goto('/konflikte');
		await teamPage.getByText('Keine offenen Konflikte.').waitFor();
		expect(await outboxOf(teamPage)).toEqual({ pending: 0, rejected: 0 });
		expect(await outboxOf(leitungPage)).toEqual({ pending: 0, rejected: 0 });

		// Nothing doubled: one status record per criterion, one resolved conflict.
		const records = await serverRecords(leitung);
		const statuses = recordsOf(records, 'criterionStatuses').filter((s) => s.criterionId === '1.3');
		expect(statuses).toEqual([expect.objectContaining({ status: 'in_arbeit' })]);
		expect(recordsOf(records, 'syncConflicts')).toEqual([
			expect.objectContaining({ field: 'status', resolved: true, resolution: 'other' })
		]);

		const advisor = await tablet();
		const advisorPage = await logIn(advisor, DEMO.beratung);
		expect(new URL(advisorPage.url()).pathname).toBe('/beratung');
		await advisorPage.getByRole('link', { name: 'Familienzentrum Sonnenblume', exact: true }).click();
		// The centre's current state, criterion by criterion, on request.
		await advisorPage.getByRole('button', { name: 'Aktuellen Stand aller Kriterien prüfen' }).click();
		expect(await currentStatus(advisorPage, '1.3')).toContain('In Arbeit');
		expect(await currentStatus(advisorPage, '1.5')).toContain('Erfüllt');
		expect(await currentStatus(advisorPage, '1.6')).toContain('Nicht zutreffend');
		// Another centre is nowhere to be seen.
		await expect.poll(() => advisorPage.getByText('Familienzentrum Regenbogen').count()).toBe(0);

		// The Leitung of another centre sees nothing of Sonnenblume: not on screen, not on her tablet,
		// not from the server.
		const other = await tablet();
		const otherPage = await logIn(other, DEMO.regenbogen);
		await waitUntilSynced(otherPage);
		await expect
			.poll(() => otherPage.locator('.brand').textContent())
			.toContain('Familienzentrum Regenbogen');
		expect(await statusShown(otherPage, '1.5')).toBe('Offen');
		expect(await facilitiesOnTablet(otherPage)).toEqual([REGENBOGEN]);
		const visible = await serverRecords(other);
		expect(visible.length).toBeGreaterThan(0);
		expect(new Set(visible.map((r) => r.facilityId))).toEqual(new Set([REGENBOGEN]));
		expect([403, 404]).toContain((await other.request.get(`/api/review/facilities/${SONNENBLUME}`)).status());
	}, 120_000);

	it('hands in a dossier offline; it arrives with its version, the advisor reads it and her feedback reaches the tablet', async () => {
		const leitung = await tablet();
		const page = await logIn(leitung, DEMO.leitung);
		await goOffline(leitung, page);

		await page.goto('/mappe');
		await page.getByRole('button', { name: 'Mappe abgeben' }).click();
		await page.getByRole('button', { name: 'Ja, abgeben' }).click();
		await page.getByText('Abgabe festgehalten').waitFor();
		await page.getByText(/Wartet auf Übertragung/).waitFor();

		await leitung.setOffline(false);
		await syncNow(page);
		await page.getByText('Beim Server angekommen', { exact: true }).waitFor({ timeout: 20_000 });
		await page.getByText(/Version 1 für Kalenderjahr \d{4} ist gespeichert/).waitFor();

		// Handing in again makes version 2; version 1 stays readable.
		await page.getByRole('button', { name: 'Mappe abgeben' }).click();
		await page.getByRole('button', { name: 'Ja, abgeben' }).click();
		await page.getByText(/Version 2 für Kalenderjahr \d{4} ist gespeichert/).waitFor({ timeout: 20_000 });
		await page.getByRole('link', { name: /– Version 1$/ }).click();
		await page.getByRole('heading', { level: 1, name: /Version 1$/ }).waitFor();

		const advisor = await tablet();
		const advisorPage = await logIn(advisor, DEMO.beratung);
		const card = advisorPage.getByRole('row').filter({ hasText: 'Familienzentrum Sonnenblume' });
		await expect.poll(() => card.textContent()).toMatch(/Version 2/);
		await card.getByRole('link', { name: 'Familienzentrum Sonnenblume', exact: true }).click();
		await advisorPage.getByRole('link', { name: /– Version 2$/ }).click();
		await advisorPage
			.getByRole('heading', { level: 2, name: 'Kriterien prüfen' })
			.waitFor({ timeout: 20_000 });
		await advisorPage
			.getByRole('navigation', { name: 'Kriterien der Mappe' })
			.locator('[data-criterion="1.4"]')
			.click();
		const criterion = advisorPage.getByRole('region', { name: 'Rückmeldung', exact: true });
		await criterion.getByRole('button', { name: 'Rückmeldung geben zu 1.4' }).click();
		await criterion.getByRole('radio', { name: 'Bitte nachbessern' }).check();
		await criterion
			.getByLabel('Kommentar für die Kita')
			.fill('Bitte die aktuelle Liste der Beratungsstellen anhängen.');
		await criterion.getByRole('button', { name: 'Speichern' }).click();
		// Saved: the verdict opens the criterion's thread.
		await criterion
			.getByRole('group', { name: 'Verlauf der Rückmeldungen' })
			.getByText('Bitte die aktuelle Liste der Beratungsstellen anhängen.')
			.waitFor();

		await syncNow(page);
		await page.goto('/kriterien/1.4');
		const note = page.getByRole('region', { name: 'Rückmeldung der Fachberatung' });
		await note.waitFor({ timeout: 15_000 });
		await expect
			.poll(() => note.textContent())
			.toContain('Bitte die aktuelle Liste der Beratungsstellen anhängen.');
		await expect.poll(() => note.textContent()).toContain('zur Mappe Version 2');
	});
});
