import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser, newContext } from './support/browser';

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

describe('opening the database', () => {
	it('says what to do when IndexedDB never answers, instead of „wird geöffnet“ forever', async () => {
		await context.addInitScript(() => {
			// A short timeout instead of ten seconds, and an open request that never fires, as in Safari.
			(window as unknown as { guetesiegelDbOpenTimeoutMs: number }).guetesiegelDbOpenTimeoutMs = 500;
			IDBFactory.prototype.open = function () {
				return new EventTarget() as IDBOpenDBRequest;
			};
		});
		const page = await context.newPage();
		await page.goto('/');

		const problem = page.getByRole('alert');
		await problem.getByRole('heading', { name: 'Die Mappe lässt sich gerade nicht öffnen.' }).waitFor({
			timeout: 15_000
		});
		await expect(problem.textContent()).resolves.toMatch(/schließen Sie den Browser ganz/);
		await expect(page.getByText('Die Mappe wird geöffnet …').count()).resolves.toBe(0);
		const retry = page.getByRole('button', { name: 'Erneut versuchen' });
		const box = await retry.boundingBox();
		expect(box?.height).toBeGreaterThanOrEqual(44);

		// The retry loads the page anew (here it stays stuck, so the hint comes again).
		await Promise.all([page.waitForEvent('load'), retry.click()]);
		await problem.getByRole('heading', { name: 'Die Mappe lässt sich gerade nicht öffnen.' }).waitFor({
			timeout: 15_000
		});
	});
});
