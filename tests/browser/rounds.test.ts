import type { Browser, BrowserContext } from 'playwright-core';
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
});
afterEach(async () => {
	await context?.close();
});

describe('certification rounds', () => {
	it('adds a round offline from the Einrichtung, refusing a period in reverse first', async () => {
		const page = await openAppOnline(context);
		await context.setOffline(true);
		await page
			.getByRole('navigation')
			.getByRole('link', { name: /^Ein\u00AD?richtung$/ })
			.first()
			.click();
		await page.getByRole('link', { name: 'Zertifizierungsrunden' }).click();
		await page.getByRole('heading', { level: 1, name: 'Zertifizierungsrunden' }).waitFor({ timeout: 15_000 });
		await page.getByText('Noch keine Zertifizierungsrunde eingetragen.').waitFor();

		await page.getByRole('button', { name: 'Neue Runde anlegen' }).click();
		const start = await page.getByLabel('Beginn des Prüfzeitraums').inputValue();
		const end = page.getByLabel('Ende des Prüfzeitraums');
		await end.fill(`${Number(start.slice(0, 4)) - 1}-12-31`);
		await page.getByRole('button', { name: 'Runde anlegen' }).click();
		await page.getByText('Das Ende des Prüfzeitraums liegt vor seinem Beginn').waitFor();

		await end.fill(`${start.slice(0, 4)}-12-31`);
		await page.getByRole('button', { name: 'Runde anlegen' }).click();
		const card = page.getByRole('article').filter({ hasText: 'Aktuelle Runde' });
		await card.waitFor();
		expect(await card.getByRole('heading', { level: 3 }).textContent()).toContain(
			`Prüfzeitraum Kalenderjahr ${start.slice(0, 4)}`
		);

		// Stored on the device: still there after a reload without network.
		await page.reload();
		await page.getByRole('article').filter({ hasText: 'Aktuelle Runde' }).waitFor({ timeout: 15_000 });
	});
});
