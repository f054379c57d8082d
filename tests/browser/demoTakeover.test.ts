import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstCriterion } from './support/app';
import { problemsAtFourSizes } from './support/fitsFourSizes';
import { launchBrowser, waitForServiceWorker } from './support/browser';
import { addNoteEvidence } from './sync/device';
import {
	DEMO,
	logIn,
	serverRecords,
	setStatus,
	startSyncServer,
	statusShown,
	syncNow,
	tabletOn,
	type RunningServer
} from './sync/support';

/**
 * Issue 16 part 2: a leader tries the app without an account (offline), logs in, sees what would
 * move, takes it over; it reaches her centre on the server and another tablet, and is gone from the
 * demo workspace. Declining keeps it in the demo mode and does not ask again at the next login.
 */

let browser: Browser;
let server: RunningServer;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
	[browser, server] = await Promise.all([launchBrowser(), startSyncServer()]);
}, 120_000);
afterAll(async () => {
	await Promise.allSettled(contexts.map((c) => c.close()));
	await browser?.close();
	await server?.stop();
});

async function newTablet(): Promise<BrowserContext> {
	const context = await tabletOn(browser, server);
	contexts.push(context);
	return context;
}

/** Starts in the demo mode on a fresh tablet, installed (service worker) and then offline. */
async function tryWithoutAccount(context: BrowserContext): Promise<Page> {
	const page = await context.newPage();
	await page.goto('/');
	await page
		.getByRole('heading', { name: 'Willkommen bei der Gütesiegel-Mappe' })
		.waitFor({ timeout: 30_000 });
	await page.getByRole('button', { name: 'Ohne Konto ausprobieren (Demo-Modus)' }).click();
	await page.getByRole('note', { name: 'Demo-Modus' }).waitFor();
	await waitForServiceWorker(page);
	await context.setOffline(true);
	return page;
}

/** Evidence titles in the demo (anonymous) workspace, read straight from IndexedDB. */
function demoEvidence(page: Page): Promise<string[]> {
	return page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('guetesiegel-mappe');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		try {
			const rows = await new Promise<{ title: string; deleted: boolean }[]>((resolve, reject) => {
				const request = db.transaction('evidence').objectStore('evidence').getAll();
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
			return rows.filter((r) => !r.deleted).map((r) => r.title);
		} finally {
			db.close();
		}
	});
}

describe('work done in the demo mode', () => {
	it('is previewed at login, taken over, synced to the team and gone from the demo', async () => {
		const context = await newTablet();
		const page = await tryWithoutAccount(context);
		await setStatus(page, firstCriterion.id, 'Erfüllt');
		await addNoteEvidence(page, firstCriterion.id, 'Aushang aus dem Demo-Modus');
		await page.getByRole('note', { name: 'Demo-Modus' }).waitFor();

		await context.setOffline(false);
		await logIn(context, DEMO.leitung);
		const preview = page.getByRole('region', { name: 'Einträge aus dem Demo-Modus übernehmen?' });
		await preview.waitFor({ timeout: 30_000 });
		await expect.poll(() => preview.textContent()).toMatch(/1 Nachweis/);
		await preview.getByText('Was übernommen wird').click();
		await preview.getByText(/Aushang aus dem Demo-Modus \(Notiz\)/).waitFor();
		expect(await problemsAtFourSizes(page, preview)).toEqual([]);
		await preview.getByRole('button', { name: 'Übernehmen' }).click();
		await page.getByText('Einträge übernommen').waitFor({ timeout: 30_000 });
		expect(await page.getByRole('note', { name: 'Demo-Modus' }).count()).toBe(0);

		await syncNow(page);
		const onServer = await serverRecords(context);
		expect(
			onServer.some((r) => r.table === 'evidence' && r.record.title === 'Aushang aus dem Demo-Modus')
		).toBe(true);
		const taken = onServer.find((r) => r.record.title === 'Aushang aus dem Demo-Modus')!;
		expect(taken.record.updatedBy).toBe(DEMO.leitung.name);

		// Another tablet of the centre gets it.
		const team = await logIn(await newTablet(), DEMO.team);
		await syncNow(team);
		expect(await statusShown(team, firstCriterion.id)).toBe('Erfüllt');
		await team.getByRole('list', { name: 'Nachweise' }).getByText('Aushang aus dem Demo-Modus').waitFor({
			timeout: 15_000
		});

		// Gone from the demo workspace.
		expect(await demoEvidence(page)).toEqual([]);
	}, 300_000);

	it('stays in the demo mode when declined and is not offered again at the next login', async () => {
		const context = await newTablet();
		const page = await tryWithoutAccount(context);
		await addNoteEvidence(page, firstCriterion.id, 'Notiz, die im Demo-Modus bleibt');
		await context.setOffline(false);

		await logIn(context, DEMO.team);
		const preview = page.getByRole('region', { name: 'Einträge aus dem Demo-Modus übernehmen?' });
		await preview.waitFor({ timeout: 30_000 });
		await preview.getByRole('button', { name: 'Jetzt nicht' }).click();
		await preview.waitFor({ state: 'detached' });
		expect(await demoEvidence(page)).toEqual(['Notiz, die im Demo-Modus bleibt']);

		await page.getByRole('button', { name: new RegExp(DEMO.team.name) }).click();
		await page.getByRole('button', { name: 'Abmelden' }).click();
		await page.waitForURL((url) => url.pathname === '/anmelden');
		await page.goto(`/kriterien/${encodeURIComponent(firstCriterion.id)}`);
		await page.getByRole('note', { name: 'Demo-Modus' }).waitFor();
		await page
			.getByRole('list', { name: 'Nachweise' })
			.getByText('Notiz, die im Demo-Modus bleibt')
			.waitFor();

		await logIn(context, DEMO.team);
		await page.getByRole('heading', { level: 1 }).first().waitFor();
		expect(await page.getByRole('region', { name: 'Einträge aus dem Demo-Modus übernehmen?' }).count()).toBe(
			0
		);
	}, 300_000);
});
