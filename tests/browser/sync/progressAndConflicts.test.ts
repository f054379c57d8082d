import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { problemsAtFourSizes } from '../support/fitsFourSizes';
import { startSlowUploadProxy } from '../support/slowUploadProxy';
import {
	addFileEvidence,
	DEMO,
	goOffline,
	logIn,
	pdfBytes,
	recordsOf,
	serverRecords,
	sha256,
	startSyncServer,
	syncNow,
	tabletOn,
	waitUntilSynced,
	type RunningServer
} from './support';

/**
 * What a Leitung sees while files go up (numbers, bytes, per-file state, retry) and where a clash
 * of two tablets shows (the criterion page's marker, the choice naming both authors, „Beide
 * behalten“).
 */

let browser: Browser;
let server: RunningServer;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
	// Files of several MB need the production body limit (scripts/start.js sets the same).
	[browser, server] = await Promise.all([
		launchBrowser(),
		startSyncServer({ env: { BODY_SIZE_LIMIT: '26M' } })
	]);
});
afterEach(async () => {
	await Promise.allSettled(contexts.splice(0).map((c) => c.close()));
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

async function tablet(): Promise<BrowserContext> {
	const context = await tabletOn(browser, server);
	contexts.push(context);
	return context;
}

const PANEL = '[aria-label="Fortschritt der Synchronisierung"]';

/** Records every text the progress panel shows, so a test sees states too short to poll for. */
async function recordPanel(page: Page): Promise<() => Promise<string[]>> {
	await page.evaluate((selector) => {
		const seen: string[] = [];
		(window as unknown as { panelTexts: string[] }).panelTexts = seen;
		new MutationObserver(() => {
			const text = document.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
			if (text && seen.at(-1) !== text) seen.push(text);
		}).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
	}, PANEL);
	return () => page.evaluate(() => (window as unknown as { panelTexts: string[] }).panelTexts);
}

describe('progress of a sync', () => {
	it('shows a slow upload as „Datei 1 von 1“ with growing bytes until it is „fertig“', async () => {
		// A slow line for uploads only (about 4 Mbit/s): pages and answers still come at once.
		const proxy = await startSlowUploadProxy(server.url, 500_000);
		try {
			const context = await tabletOn(browser, proxy);
			contexts.push(context);
			const page = await logIn(context, DEMO.leitung);
			await waitUntilSynced(page);
			const file = pdfBytes('x'.repeat(6_000_000));
			await addFileEvidence(page, '1.2', 'Langsame Vereinbarung', file);
			const texts = await recordPanel(page);
			await syncNow(page);

			const seen = await texts();
			const bytes = seen
				.map((t) => /Hochladen: Datei 1 von 1 – (\d+,\d) MB von 6,0 MB/.exec(t)?.[1])
				.filter((b): b is string => b !== undefined)
				.map((b) => Number(b.replace(',', '.')));
			expect(new Set(bytes).size).toBeGreaterThan(2);
			expect(bytes).toEqual([...bytes].sort((a, b) => a - b));
			expect(seen.some((t) => /Langsame Vereinbarung\.pdf.*wird übertragen \d+ %/.test(t))).toBe(true);
			expect(seen.some((t) => /Langsame Vereinbarung\.pdf.*fertig/.test(t))).toBe(true);
			// Through: the panel is gone and the server has the file.
			await expect.poll(() => page.locator(PANEL).count()).toBe(0);
			const evidence = recordsOf(await serverRecords(context), 'evidence').find(
				(e) => e.title === 'Langsame Vereinbarung'
			);
			expect((evidence?.attachment as { sha256: string }).sha256).toBe(sha256(file));
		} finally {
			await Promise.allSettled(contexts.splice(0).map((c) => c.close()));
			await proxy.close();
		}
	}, 180_000);

	it('lists a file that failed with its reason and sends it again on „Erneut versuchen“', async () => {
		const context = await tablet();
		const page = await logIn(context, DEMO.leitung);
		await goOffline(context, page);
		const file = pdfBytes('Fehlschlag beim ersten Mal');
		await addFileEvidence(page, '1.3', 'Zweiter Versuch', file);
		let failed = false;
		await page.route('**/api/sync/attachments/*', async (route) => {
			if (failed || route.request().method() !== 'PUT') return route.continue();
			failed = true;
			await route.fulfill({
				status: 503,
				contentType: 'application/json',
				body: JSON.stringify({ error: { code: 'unavailable', message: 'Der Server ist überlastet.' } })
			});
		});
		await context.setOffline(false);

		const panel = page.locator(PANEL);
		await expect
			.poll(() => panel.textContent(), { timeout: 30_000 })
			.toContain('Fehler: Der Server ist überlastet.');
		expect(await problemsAtFourSizes(page, panel)).toEqual([]);
		await page.getByRole('button', { name: 'Erneut versuchen: Zweiter Versuch.pdf', exact: true }).click();
		await expect.poll(() => panel.count(), { timeout: 30_000 }).toBe(0);
		await waitUntilSynced(page);
		const evidence = recordsOf(await serverRecords(context), 'evidence').find(
			(e) => e.title === 'Zweiter Versuch'
		);
		expect((evidence?.attachment as { sha256: string }).sha256).toBe(sha256(file));
	}, 180_000);
});

async function writeNote(page: Page, criterionId: string, text: string): Promise<void> {
	await page.goto(`/kriterien/${criterionId}`);
	await page.getByLabel('Notiz zum Kriterium', { exact: true }).fill(text);
	await page.getByRole('button', { name: 'Notiz speichern', exact: true }).click();
	await expect
		.poll(() => page.getByRole('button', { name: 'Notiz speichern', exact: true }).isDisabled())
		.toBe(true);
}

describe('a note changed on two tablets', () => {
	it('is marked on the criterion page, the choice names both authors and „Beide behalten“ keeps both', async () => {
		const leitung = await tablet();
		const team = await tablet();
		const leitungPage = await logIn(leitung, DEMO.leitung);
		const teamPage = await logIn(team, DEMO.team);
		await waitUntilSynced(leitungPage);
		await waitUntilSynced(teamPage);
		await goOffline(leitung, leitungPage);
		await goOffline(team, teamPage);
		await writeNote(teamPage, '1.4', 'Sprechstunde jeden ersten Dienstag');
		await writeNote(leitungPage, '1.4', 'Vereinbarung liegt im Ordner');

		await team.setOffline(false);
		await syncNow(teamPage);
		await leitung.setOffline(false);
		await syncNow(leitungPage);
		// The conflict record comes with the next pull.
		await syncNow(leitungPage);

		await leitungPage.goto('/kriterien/1.4');
		const marker = leitungPage
			.getByRole('note')
			.filter({ hasText: '„Notiz“ wurde auf zwei Geräten geändert' });
		await marker.waitFor({ timeout: 15_000 });
		await expect.poll(() => marker.textContent()).toContain('(von Tom Team)');
		expect(await problemsAtFourSizes(leitungPage, marker)).toEqual([]);
		await expect
			.poll(() => marker.textContent())
			.toContain('Lea Leitung hat „Vereinbarung liegt im Ordner“ eingegeben');

		await marker.getByRole('link', { name: 'Zur Auswahl', exact: true }).click();
		await leitungPage.waitForURL(/\/konflikte#konflikt-/);
		const card = leitungPage.locator('li.card').filter({ hasText: 'Notiz' });
		await expect.poll(() => card.textContent()).toMatch(/Eingegeben von Tom Team \([^)]*\), gilt jetzt/);
		await expect.poll(() => card.textContent()).toMatch(/Eingegeben von Lea Leitung \(/);
		await card.getByRole('button', { name: 'Beide behalten', exact: true }).click();
		await expect.poll(() => leitungPage.locator('li.card').filter({ hasText: 'Notiz' }).count()).toBe(0);

		await leitungPage.goto('/kriterien/1.4');
		const note = leitungPage.getByLabel('Notiz zum Kriterium', { exact: true });
		await expect.poll(() => note.inputValue()).toContain('Fassung von Tom Team');
		const joined = await note.inputValue();
		expect(joined).toContain('Sprechstunde jeden ersten Dienstag');
		expect(joined).toContain('Fassung von Lea Leitung');
		expect(joined).toContain('Vereinbarung liegt im Ordner');
		expect(await leitungPage.getByRole('note').count()).toBe(0);

		// The team's tablet gets the joined note too.
		await syncNow(leitungPage);
		await syncNow(teamPage);
		await teamPage.goto('/kriterien/1.4');
		await expect
			.poll(() => teamPage.getByLabel('Notiz zum Kriterium', { exact: true }).inputValue())
			.toContain('Fassung von Lea Leitung');
	}, 240_000);
});
