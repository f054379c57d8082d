import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { firstCriterion } from './support/app';
import { baseUrl, launchBrowser, tablet, waitForServiceWorker } from './support/browser';
import { startVersionProxy, type VersionProxy } from './support/versionProxy';

let browser: Browser;
let proxy: VersionProxy;
let context: BrowserContext;

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});
beforeEach(async () => {
	proxy = await startVersionProxy(baseUrl());
	context = await browser.newContext({ ...tablet, baseURL: proxy.url });
});
afterEach(async () => {
	await context?.close();
	await proxy?.close();
});

async function checkForUpdate(page: Page): Promise<void> {
	await page.evaluate(async () => {
		const registration = await navigator.serviceWorker.getRegistration();
		await registration?.update();
	});
}

describe('app update', () => {
	it('offers a new version, keeps the page while a form has unsaved input, and updates on request', async () => {
		const page = await context.newPage();
		await page.goto(`/kriterien/${encodeURIComponent(firstCriterion.id)}`);
		await waitForServiceWorker(page);
		await page.getByRole('heading', { level: 1, name: new RegExp(firstCriterion.title) }).waitFor();

		// Half-filled evidence form, then a new version is deployed.
		await page.getByRole('button', { name: 'Nachweis hinzufügen' }).click();
		const title = page.getByRole('textbox', { name: 'Titel' });
		await title.fill('Entwurf: Flyer Elterncafé');
		await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
		proxy.deployNewVersion();
		await checkForUpdate(page);

		await page.getByText('Eine neue Version ist verfügbar').waitFor({ timeout: 30_000 });
		const update = page.getByRole('button', { name: 'Jetzt aktualisieren' });
		await expect(update.isDisabled()).resolves.toBe(true);
		await page.getByText('Bitte speichern Sie zuerst Ihre Eingaben.').waitFor();

		await page.waitForTimeout(1000);
		expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
			true
		);
		await expect(title.inputValue()).resolves.toBe('Entwurf: Flyer Elterncafé');

		// Once the form is closed, the user can take the update; the page reloads into the new version.
		await page.getByRole('button', { name: 'Abbrechen' }).click();
		await expect.poll(() => update.isEnabled()).toBe(true);
		await Promise.all([page.waitForEvent('load'), update.click()]);
		await page.getByRole('heading', { level: 1, name: new RegExp(firstCriterion.title) }).waitFor();
		expect(
			await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)
		).toBeUndefined();
		const waiting = await page.evaluate(
			async () => !!(await navigator.serviceWorker.getRegistration())?.waiting
		);
		expect(waiting).toBe(false);
		await expect(page.getByText('Eine neue Version ist verfügbar').isVisible()).resolves.toBe(false);
	});
});
