import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../scripts/lib/server.js';
import { tablet, launchBrowser, waitForServiceWorker } from './support/browser';
import { axeViolations, injectAxe, MODERATE_AND_WORSE } from './support/axe';

// A deployment of its own, with the operator's details set as an operator would.
const operatorEnv = {
	OPERATOR_NAME: 'Stadt Musterstadt – Jugendamt',
	OPERATOR_ADDRESS: 'Markt 1 | 12345 Musterstadt',
	OPERATOR_REPRESENTATIVE: 'Bürgermeisterin Erika Muster',
	OPERATOR_EMAIL: 'jugendamt@musterstadt.example',
	PRIVACY_OFFICER: 'Datenschutzbeauftragte der Stadt Musterstadt, datenschutz@musterstadt.example',
	ACCESSIBILITY_CONTACT: 'barrierefrei@musterstadt.example'
};

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
	[server, browser] = await Promise.all([startServer({ env: operatorEnv }), launchBrowser()]);
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

/** Moderate, serious and critical WCAG 2.1 A/AA violations axe finds on the page. */
async function violations(page: Page): Promise<string[]> {
	await injectAxe(page);
	return axeViolations(page, MODERATE_AND_WORSE);
}

const helpPages = [
	['/hilfe', 'Hilfe'],
	['/hilfe/leichte-sprache', 'Hilfe in Leichter Sprache'],
	['/hilfe/uebersicht', 'Übersicht & Stand'],
	['/hilfe/kriterien', 'Kriterien & Nachweise'],
	['/hilfe/register', 'Register'],
	['/hilfe/termine', 'Termine & Runden'],
	['/hilfe/mappe', 'Mappe & Abgabe'],
	['/hilfe/offline', 'Synchronisieren & offline arbeiten'],
	['/hilfe/sicherung', 'Sicherung'],
	['/hilfe/team', 'Team & Geräte'],
	['/hilfe/beratung', 'Zentren prüfen & Rückmeldungen'],
	['/barrierefreiheit', 'Erklärung zur Barrierefreiheit'],
	['/impressum', 'Impressum'],
	['/datenschutz', 'Datenschutzerklärung'],
	['/nachweis/neu', 'Nachweis ablegen']
] as const;

async function heading(page: Page, name: string): Promise<void> {
	await page.getByRole('heading', { level: 1, name, exact: true }).waitFor({ timeout: 15_000 });
}

describe('help and legal pages', () => {
	let context: BrowserContext;

	it('show the operator details from the deployment, also offline after one visit', async () => {
		context = await browser.newContext({ ...tablet, baseURL: server.url });
		const page = await context.newPage();
		await page.goto('/impressum');
		await waitForServiceWorker(page);
		await heading(page, 'Impressum');
		await page.getByText('Bürgermeisterin Erika Muster', { exact: true }).waitFor();

		await context.setOffline(true);
		await page.reload();
		await heading(page, 'Impressum');
		await page.getByText('Stadt Musterstadt – Jugendamt', { exact: false }).first().waitFor();
		await page.getByText('12345 Musterstadt', { exact: false }).first().waitFor();
		// OPERATOR_PHONE is not set.
		expect(await page.getByText('nicht angegeben', { exact: true }).count()).toBe(1);

		await page.goto('/barrierefreiheit');
		await heading(page, 'Erklärung zur Barrierefreiheit');
		await page.getByRole('link', { name: 'barrierefrei@musterstadt.example', exact: true }).waitFor();
		await page.getByText('Stadt Musterstadt – Jugendamt ist bemüht', { exact: false }).waitFor();
		await page.getByText('teilweise', { exact: true }).waitFor();
		await page.getByText('ombudsstelle-barrierefreie-it@mags.nrw.de', { exact: true }).waitFor();

		await page.goto('/datenschutz');
		await heading(page, 'Datenschutzerklärung');
		await page.getByText(operatorEnv.PRIVACY_OFFICER, { exact: true }).waitFor();
		await page.getByText('gsm_session', { exact: false }).waitFor();

		for (const [path, name] of helpPages) {
			const response = await page.goto(path);
			expect(response?.fromServiceWorker(), path).toBe(true);
			await heading(page, name);
		}
		await context.close();
	}, 120_000);

	it('say so on a device that never reached the server', async () => {
		context = await browser.newContext({ ...tablet, baseURL: server.url });
		const page = await context.newPage();
		await page.goto('/');
		await waitForServiceWorker(page);
		await context.setOffline(true);
		await page.goto('/impressum');
		await heading(page, 'Impressum');
		await page.getByText('Angaben des Betreibers nicht geladen', { exact: true }).waitFor();
		await context.close();
	});

	it('the main pages link their help topic', async () => {
		context = await browser.newContext({ ...tablet, baseURL: server.url });
		const page = await context.newPage();
		await page.goto('/kriterien');
		await heading(page, 'Kriterien');
		await page.getByRole('link', { name: 'Hilfe: Kriterien & Nachweise', exact: true }).click();
		await heading(page, 'Kriterien & Nachweise');
		await page.getByRole('link', { name: 'Hilfe in Leichter Sprache', exact: true }).click();
		await heading(page, 'Hilfe in Leichter Sprache');
		await context.close();
	});

	for (const width of [390, 768, 1024, 1440]) {
		it(`axe finds nothing moderate or worse at ${width} px, and no content is wider than the page`, async () => {
			context = await browser.newContext({
				...tablet,
				viewport: { width, height: width < 800 ? 844 : 900 },
				baseURL: server.url
			});
			const page = await context.newPage();
			for (const [path, name] of helpPages) {
				await page.goto(path);
				await heading(page, name);
				await page.waitForLoadState('networkidle');
				expect(await violations(page), `${path} at ${width} px`).toEqual([]);
				// The page's own content; the header and tab bar are the layout's (checked on every page).
				const overflow = await page.evaluate(() => {
					const main = document.querySelector('main')!;
					return main.scrollWidth - main.clientWidth;
				});
				expect(overflow, `${path} at ${width} px`).toBeLessThanOrEqual(0);
			}
			await context.close();
			// Fifteen pages, each with an axe run, on a loaded 2-core machine.
		}, 240_000);
	}
});
