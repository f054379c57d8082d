import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { firstCriterion } from './support/app';
import { launchBrowser, newContext, openAppOnline } from './support/browser';

let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});
beforeEach(async () => {
	context = await newContext(browser);
});
afterEach(async () => {
	await context?.close();
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('working with no network', () => {
	it('shows the Übersicht after reloading the page offline', async () => {
		const page = await openAppOnline(context);
		await context.setOffline(true);
		await page.reload();
		await expectHeading(page, /^Übersicht/);
		await page.getByRole('heading', { level: 2, name: 'Bereiche' }).waitFor();
	});

	it('offers one „Anmelden“ and no sync status to someone who has never signed in', async () => {
		const page = await openAppOnline(context);
		await expectHeading(page, /^Übersicht/);
		const header = page.getByRole('banner');
		await header.getByRole('link', { name: 'Anmelden' }).waitFor();
		expect(await header.getByRole('link', { name: 'Anmelden' }).count()).toBe(1);
		expect(await header.getByText('Bitte erneut anmelden').count()).toBe(0);
		expect(await header.getByRole('button', { name: /Jetzt synchronisieren/ }).count()).toBe(0);
	});

	it('goes from the Übersicht to the Kriterien and into a criterion offline', async () => {
		const page = await openAppOnline(context);
		await context.setOffline(true);
		await page.reload();
		await expectHeading(page, /^Übersicht/);

		await page.getByRole('navigation').getByRole('link', { name: 'Kriterien' }).first().click();
		await expectHeading(page, /^Kriterien/);
		expect(new URL(page.url()).pathname).toBe('/kriterien');

		await page
			.getByRole('link', { name: new RegExp(escape(firstCriterion.title)) })
			.first()
			.click();
		await expectHeading(page, new RegExp(escape(firstCriterion.title)));
		await page.getByRole('radio', { name: 'Erfüllt' }).waitFor();
	});
});

async function expectHeading(page: import('playwright-core').Page, name: RegExp): Promise<void> {
	await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 15_000 });
}
