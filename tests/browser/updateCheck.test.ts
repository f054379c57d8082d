import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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

async function openInstalled(): Promise<Page> {
	const page = await context.newPage();
	await page.goto('/');
	await waitForServiceWorker(page);
	await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 15_000 });
	await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
	return page;
}

/** The page was never navigated or reloaded since `openInstalled`. */
function sameDocument(page: Page): Promise<boolean | undefined> {
	return page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument);
}

describe('update check', () => {
	it('offers a version deployed while the tablet was offline as soon as it is online again', async () => {
		const page = await openInstalled();
		await context.setOffline(true);
		await expect.poll(() => page.evaluate(() => navigator.onLine)).toBe(false);
		proxy.deployNewVersion();

		await context.setOffline(false);
		await page.getByText('Eine neue Version ist verfügbar').waitFor({ timeout: 30_000 });
		expect(await sameDocument(page)).toBe(true);
	});

	it('offers a new version when the user returns to the app', async () => {
		const page = await openInstalled();
		proxy.deployNewVersion();

		// The tablet shows another app, then this one again.
		await page.evaluate(() => {
			const show = (state: DocumentVisibilityState) => {
				Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
				document.dispatchEvent(new Event('visibilitychange'));
			};
			show('hidden');
			show('visible');
		});
		await page.getByText('Eine neue Version ist verfügbar').waitFor({ timeout: 30_000 });
		expect(await sameDocument(page)).toBe(true);
	});
});
