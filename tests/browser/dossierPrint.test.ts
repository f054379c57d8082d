import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { DEMO, logIn, setStatus, startSyncServer, tabletOn, type RunningServer } from './sync/support';
import { handIn } from './dossier/handIn';

/**
 * Issue 14, part 2: a dossier or criterion page printed from the browser shows the content only —
 * no navigation, header, sync status or buttons — with collapsed evidence lists open.
 */

let browser: Browser;
let server: RunningServer;
let context: BrowserContext;

beforeAll(async () => {
	browser = await launchBrowser();
	server = await startSyncServer();
});
afterAll(async () => {
	await server?.stop();
	await browser?.close();
});
afterEach(async () => {
	await context?.close();
});

async function hiddenInPrint(page: Page) {
	return page.evaluate(() => {
		const shown = (selector: string) =>
			[...document.querySelectorAll<HTMLElement>(selector)].some((el) => el.offsetParent !== null);
		return {
			nav: shown('.app-nav'),
			header: shown('.app-header'),
			buttons: shown('main button'),
			title: shown('main h1')
		};
	});
}

describe('printing', () => {
	it('prints a dossier and a criterion without the app around them, evidence lists open', async () => {
		context = await tabletOn(browser, server);
		const page = await logIn(context, DEMO.leitung);
		await setStatus(page, '1.8', 'Erfüllt');
		await handIn(page);
		await page.getByText(/Version \d+ für .* ist gespeichert/).waitFor({ timeout: 30_000 });
		await page
			.getByRole('link', { name: /– Version \d+$/ })
			.first()
			.click();
		await page.getByRole('heading', { level: 1, name: /^Mappe .* – Version \d+$/ }).waitFor();
		const listed = page
			.locator('#kriterium-1\\.8 details')
			.first()
			.getByText(/Keine Nachweise|herunterladen/);
		expect(await listed.first().isVisible()).toBe(false);

		expect(await hiddenInPrint(page)).toEqual({ nav: true, header: true, buttons: true, title: true });
		await page.emulateMedia({ media: 'print' });
		expect(await hiddenInPrint(page)).toEqual({ nav: false, header: false, buttons: false, title: true });
		await expect.poll(() => listed.first().isVisible()).toBe(true);
		await page.getByRole('heading', { name: 'Stand bei der Abgabe' }).waitFor();
		const pdf = await page.pdf({ format: 'A4' });
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

		await page.emulateMedia({ media: 'screen' });
		await page.goto('/kriterien/1.8');
		await page.getByRole('radio', { name: 'Erfüllt' }).waitFor();
		await page.emulateMedia({ media: 'print' });
		expect(await hiddenInPrint(page)).toEqual({ nav: false, header: false, buttons: false, title: true });
		expect(await page.getByRole('radio', { name: 'Erfüllt' }).isChecked()).toBe(true);
	});
});
