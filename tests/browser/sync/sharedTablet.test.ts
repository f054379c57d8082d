import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import {
	DEMO,
	goOffline,
	logIn,
	recordsOf,
	serverRecords,
	setStatus,
	startSyncServer,
	statusShown,
	syncLine,
	tabletOn,
	waitUntilSynced,
	type RunningServer
} from './support';

let browser: Browser;
let server: RunningServer;
let context: BrowserContext;

beforeAll(async () => {
	[browser, server] = await Promise.all([launchBrowser(), startSyncServer()]);
});
afterAll(async () => {
	await context?.close();
	await browser?.close();
	await server?.stop();
});

describe('a tablet shared by two centres’ leaders', () => {
	it('warns before logging out with unsynced changes and never shows or sends them for the next user', async () => {
		context = await tabletOn(browser, server);
		let page = await logIn(context, DEMO.leitung);
		await goOffline(context, page);
		await setStatus(page, '2.1', 'Erfüllt');
		await expect.poll(async () => syncLine(page).textContent()).toMatch(/1 Änderung wartet/);

		await page.getByRole('button', { name: /Lea Leitung/ }).click();
		await page.getByRole('button', { name: 'Abmelden' }).click();
		const dialog = page.getByRole('alertdialog', { name: 'Abmelden?' });
		await expect
			.poll(() => dialog.textContent())
			.toContain('Es gibt 1 Änderung, die noch nicht übertragen wurde.');
		await dialog.getByRole('button', { name: 'Trotzdem abmelden' }).click();
		await page.waitForURL((url) => url.pathname === '/anmelden');

		await context.setOffline(false);
		page = await logIn(context, DEMO.regenbogen);
		await waitUntilSynced(page);
		await expect.poll(() => page.locator('.brand').textContent()).toContain('Familienzentrum Regenbogen');
		expect(await statusShown(page, '2.1')).toBe('Offen');
		await page.getByRole('button', { name: /Rita Regenbogen/ }).click();
		await page.getByRole('button', { name: 'Abmelden' }).click();
		await page.waitForURL((url) => url.pathname === '/anmelden');

		// Lea's change waited on the tablet in her own workspace and goes when she is back.
		page = await logIn(context, DEMO.leitung);
		await waitUntilSynced(page);
		expect(await statusShown(page, '2.1')).toBe('Erfüllt');
		const records = await serverRecords(context);
		expect(recordsOf(records, 'criterionStatuses').filter((s) => s.criterionId === '2.1')).toEqual([
			expect.objectContaining({
				facilityId: 'demo-sonnenblume',
				status: 'erfuellt',
				updatedBy: 'Lea Leitung'
			})
		]);
	});
});
