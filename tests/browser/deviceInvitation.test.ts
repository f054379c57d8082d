import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { problemsAtFourSizes } from './support/fitsFourSizes';
import { DEMO, logIn, startSyncServer, tabletOn, type RunningServer } from './sync/support';

/**
 * Issue 16 part 7: the Leitung creates an account for a new team member; a tablet opens the
 * one-time link shown next to its QR code, sets the password and is signed in with the centre's
 * data, guided to install the app. A second opening of the link says it was used.
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

describe('setting up a tablet by invitation', () => {
	it('goes from the Leitung’s invitation to a signed-in tablet with the centre’s data', async () => {
		const leitung = await logIn(await newTablet(), DEMO.leitung);
		await leitung.goto('/admin');
		const form = leitung.getByRole('form', { name: 'Neues Konto anlegen' });
		await form.getByLabel('E-Mail-Adresse').fill('tina.tablet@demo.example');
		await form.getByLabel('Name').fill('Tina Tablet');
		const centre = form.getByRole('checkbox').first();
		if (!(await centre.isChecked())) await centre.check();
		await form.getByRole('button', { name: 'Konto anlegen' }).click();

		const notice = leitung.getByRole('status').filter({ hasText: 'Einmal-Link für Tina Tablet' });
		await notice.waitFor({ timeout: 15_000 });
		await notice.getByRole('img', { name: 'QR-Code zum Einrichten eines Geräts für Tina Tablet' }).waitFor();
		expect(await problemsAtFourSizes(leitung, notice)).toEqual([]);
		const link = await notice.getByLabel('Link zum Passwort-Festlegen').inputValue();
		expect(link).toMatch(/\/passwort-setzen\?token=/);

		const tablet = await (await newTablet()).newPage();
		await tablet.goto(link);
		await tablet.getByLabel('Neues Passwort').fill('Lindenblüte-Kastanie-42');
		await tablet.getByLabel('Passwort wiederholen').fill('Lindenblüte-Kastanie-42');
		await tablet.getByRole('button', { name: 'Passwort speichern' }).click();

		await tablet
			.getByRole('heading', { name: 'Dieses Tablet ist eingerichtet' })
			.waitFor({ timeout: 30_000 });
		await tablet.getByRole('heading', { name: 'App auf den Home-Bildschirm legen' }).waitFor();
		await tablet.getByText(/Abgeschlossen: Die Daten von .*Sonnenblume.* sind auf diesem Tablet\./).waitFor({
			timeout: 30_000
		});
		// Signed in as herself: her name in the header's account button.
		await tablet.getByRole('button', { name: /Tina Tablet/ }).waitFor();
		await tablet.getByRole('link', { name: 'Los geht’s' }).click();
		await tablet.waitForURL((url) => url.pathname === '/');
		await expect
			.poll(() => tablet.getByText('Familienzentrum Sonnenblume').first().isVisible(), { timeout: 15_000 })
			.toBe(true);

		// The link is used up: another device opening it is told so, and where to go.
		const late = await (await newTablet()).newPage();
		await late.goto(link);
		await late.getByRole('alert').filter({ hasText: 'schon benutzt' }).waitFor({ timeout: 15_000 });
		expect(await late.getByLabel('Neues Passwort').count()).toBe(0);
		await late.getByRole('link', { name: 'Zur Anmeldung' }).waitFor();
	}, 240_000);
});
