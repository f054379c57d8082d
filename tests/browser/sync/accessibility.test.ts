import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { DEMO, logIn, startSyncServer, tabletOn, type RunningServer } from './support';
import { axeViolations, injectAxe, SERIOUS_AND_WORSE } from '../support/axe';

/** The pages of sessions, hand-in and review have no serious or critical axe violation. */

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

/** Serious or critical axe violations of the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
	await injectAxe(page);
	return axeViolations(page, SERIOUS_AND_WORSE);
}

async function signedIn(who: (typeof DEMO)[keyof typeof DEMO]): Promise<Page> {
	const context = await tabletOn(browser, server);
	contexts.push(context);
	return logIn(context, who);
}

describe('accessibility of sessions, hand-in and review', () => {
	it('has none on the hand-in page and with the account menu open', async () => {
		const page = await signedIn(DEMO.leitung);
		await page.goto('/mappe');
		await page.getByRole('button', { name: 'Mappe abgeben' }).waitFor();
		expect(await seriousViolations(page)).toEqual([]);

		await page.getByRole('button', { name: /Lea Leitung/ }).click();
		await page.getByRole('button', { name: 'Abmelden' }).waitFor();
		expect(await seriousViolations(page)).toEqual([]);
	});

	it('has none on the advisor’s list, a centre under review and a handed-in dossier', async () => {
		const leitung = await signedIn(DEMO.leitung);
		await leitung.goto('/mappe');
		await leitung.getByRole('button', { name: 'Mappe abgeben' }).click();
		await leitung.getByRole('button', { name: 'Ja, abgeben' }).click();
		await leitung.getByText(/Version 1 für/).waitFor({ timeout: 20_000 });

		const page = await signedIn(DEMO.beratung);
		await page.getByRole('heading', { level: 1, name: 'Meine Familienzentren' }).waitFor();
		await page.getByRole('link', { name: 'Familienzentrum Sonnenblume', exact: true }).waitFor();
		expect(await seriousViolations(page)).toEqual([]);

		await page.getByRole('link', { name: 'Familienzentrum Sonnenblume', exact: true }).click();
		await page.getByRole('heading', { level: 2, name: 'Abgegebene Mappen' }).waitFor();
		expect(await seriousViolations(page)).toEqual([]);
		// The current state's criteria only on request, in the review workspace.
		await page.getByRole('button', { name: 'Aktuellen Stand aller Kriterien prüfen' }).click();
		await page.getByRole('navigation', { name: 'Kriterien der Mappe' }).waitFor();
		expect(await seriousViolations(page)).toEqual([]);

		await page.getByRole('link', { name: /– Version 1$/ }).click();
		await page.getByRole('heading', { level: 1, name: /Version 1$/ }).waitFor();
		await page
			.getByRole('navigation', { name: 'Kriterien der Mappe' })
			.getByRole('button', { name: /^1\.1 / })
			.click();
		await page
			.getByRole('article')
			.getByRole('button', { name: /Rückmeldung geben/ })
			.click();
		expect(await seriousViolations(page)).toEqual([]);
	});
});
