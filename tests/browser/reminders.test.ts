import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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
	// Headless Chromium has no app badge: record what the app would show on the icon.
	await context.addInitScript(() => {
		Object.defineProperty(Navigator.prototype, 'setAppBadge', {
			configurable: true,
			value: (n?: number) => {
				Reflect.set(window, 'appBadge', n ?? 0);
				return Promise.resolve();
			}
		});
		Object.defineProperty(Navigator.prototype, 'clearAppBadge', {
			configurable: true,
			value: () => {
				Reflect.set(window, 'appBadge', 0);
				return Promise.resolve();
			}
		});
	});
});
afterEach(async () => {
	await context?.close();
});

/** The page's own today plus `days`, as yyyy-MM-dd (the app counts days in the device's zone). */
function localDayFromNow(page: Page, days: number): Promise<string> {
	return page.evaluate((n) => {
		const d = new Date();
		d.setHours(12, 0, 0, 0);
		d.setDate(d.getDate() + n);
		const pad = (x: number) => String(x).padStart(2, '0');
		return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
	}, days);
}

describe('reminders offline', () => {
	it('lists the seal date, sets the app badge and downloads it as a calendar file with no network', async () => {
		const page = await openAppOnline(context, '/einrichtung');
		await context.setOffline(true);
		const seal = await localDayFromNow(page, 10);

		await page.getByLabel('Gütesiegel gültig bis').fill(seal);
		await page.getByRole('button', { name: 'Speichern' }).click();
		await page.waitForFunction(() => Reflect.get(window, 'appBadge') === 1);

		await page.getByRole('navigation').getByRole('link', { name: 'Termine' }).first().click();
		await page.getByRole('heading', { level: 1, name: 'Termine und Fristen' }).waitFor();
		await page.getByText('1 Frist ist fällig.').waitFor();
		expect(await page.getByRole('link', { name: 'Gütesiegel läuft ab' }).count()).toBe(1);

		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Als Kalenderdatei (.ics) herunterladen' }).click()
		]);
		expect(download.suggestedFilename()).toMatch(/^guetesiegel-termine-\d{4}-\d{2}-\d{2}\.ics$/);
		const ics = (await readFile((await download.path())!, 'utf8')).replace(/\r\n /g, '');
		expect(ics).toContain(`DTSTART;VALUE=DATE:${seal.replaceAll('-', '')}`);
		expect(ics).toContain('SUMMARY:Gütesiegel läuft ab');
		expect(ics).toContain('TRIGGER:-P7D');
		await page.getByRole('status').filter({ hasText: 'mit 1 Termin wurde erstellt' }).waitFor();

		await page.getByRole('navigation').getByRole('link', { name: 'Übersicht' }).first().click();
		const card = page.getByRole('region', { name: 'Anstehende Termine und Fristen' });
		await card.getByText('Gütesiegel läuft ab').waitFor();
	});
});
