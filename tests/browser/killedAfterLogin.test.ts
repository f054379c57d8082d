import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { newProfileDir, waitForServiceWorker } from './support/browser';
import { launchKillable, type KillableBrowser } from './support/killableBrowser';
import { DEMO, startSyncServer, syncLine, waitUntilSynced, type RunningServer } from './sync/support';

/**
 * A tablet's OS kills the app at any moment, also right after the login: no unload handler runs and
 * whatever the browser had not yet written to disk is gone (Chromium writes localStorage and cookies
 * seconds later). Reopened, the app must still know who is signed in and show her entries.
 */

let server: RunningServer | undefined;
let running: KillableBrowser | undefined;
let profile: ReturnType<typeof newProfileDir> | undefined;

afterEach(async () => {
	await running?.close();
	running = undefined;
	profile?.remove();
	await server?.stop();
});

function accountButton(page: Page) {
	return page.getByRole('button', { name: new RegExp(DEMO.leitung.name) });
}

async function fillLogin(page: Page): Promise<void> {
	await page.goto(`${server!.url}/anmelden`);
	await page.getByLabel('E-Mail-Adresse').fill(DEMO.leitung.email);
	await page.getByLabel('Passwort', { exact: true }).fill(DEMO.leitung.password);
	await page.getByRole('button', { name: 'Anmelden' }).click();
}

async function statusChecked(page: Page, criterionId: string, label: string): Promise<boolean> {
	await page.goto(`${server!.url}/kriterien/${criterionId}`);
	const radio = page.getByRole('radio', { name: label });
	await radio.waitFor({ timeout: 30_000 });
	return radio.isChecked();
}

describe('a tablet killed right after the login', () => {
	it('opens again signed in, with her entries on the device', async () => {
		server = await startSyncServer();
		profile = newProfileDir();
		running = await launchKillable(profile.path);
		let page = running.page;

		// Earlier: she logged in, the centre's data came down, she set a status offline and logged
		// out before it was sent. It waits in her own workspace on the tablet.
		await fillLogin(page);
		await accountButton(page).waitFor({ timeout: 30_000 });
		await waitForServiceWorker(page);
		await waitUntilSynced(page);
		await running.context.setOffline(true);
		await page.goto(`${server.url}/kriterien/2.1`);
		await page.getByRole('radio', { name: 'Erfüllt' }).check();
		await page.getByText('Status „Erfüllt“ gespeichert').waitFor();
		await expect.poll(() => syncLine(page).textContent()).toMatch(/1 Änderung wartet/);
		await accountButton(page).click();
		await page.getByRole('button', { name: 'Abmelden' }).click();
		await page
			.getByRole('alertdialog', { name: 'Abmelden?' })
			.getByRole('button', { name: 'Trotzdem abmelden' })
			.click();
		await page.waitForURL((url) => url.pathname === '/anmelden');
		await running.context.setOffline(false);

		// Now she logs in again, and the moment the app shows her as signed in, the OS kills it.
		await fillLogin(page);
		await accountButton(page).waitFor({ timeout: 30_000 });
		await running.kill();

		running = await launchKillable(profile.path);
		page = running.page;
		await page.goto(`${server.url}/`);
		await accountButton(page).waitFor({ timeout: 30_000 });
		expect(await statusChecked(page, '2.1', 'Erfüllt')).toBe(true);
		expect(await statusChecked(page, '1.1', 'Erfüllt')).toBe(true);
		await page.getByText('Sprechstundenplan Erziehungsberatung 2026/27').first().waitFor();
		// The browser may have lost the session cookie too: then sync asks her to log in again
		// („Bitte erneut anmelden“), and everything stays on the tablet until she does.
	});
});
