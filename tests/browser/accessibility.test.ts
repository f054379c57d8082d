import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mainHeading } from './support/app';
import { axeViolations, injectAxe, MODERATE_AND_WORSE } from './support/axe';
import { launchBrowser } from './support/browser';
import { fourSizes } from './support/fitsFourSizes';
import { pageTable, pathOf, prepareViewers, type SeededIds, type ViewerPages } from './support/pages';
import { startSyncServer, type RunningServer } from './sync/support';

/**
 * Issue 16: axe on every page (the one page table, tests/browser/support/pages.ts) at the four
 * widths of a phone, a portrait and a landscape tablet and a laptop finds no WCAG 2.1 A/AA or
 * best-practice violation that is moderate, serious or critical.
 */

let browser: Browser;
let server: RunningServer;
const contexts: BrowserContext[] = [];
let pages: ViewerPages;
let ids: SeededIds;

beforeAll(async () => {
	[browser, server] = await Promise.all([launchBrowser(), startSyncServer()]);
	({ pages, ids } = await prepareViewers(browser, server, contexts));
}, 240_000);
afterAll(async () => {
	await Promise.allSettled(contexts.map((c) => c.close()));
	await browser?.close();
	await server?.stop();
});

describe('accessibility of every page at every width', () => {
	for (const entry of pageTable) {
		it(
			`${entry.name} (${entry.viewer}): no moderate, serious or critical axe violation`,
			{ timeout: 120_000 },
			async () => {
				const page = pages[entry.viewer];
				await page.setViewportSize(fourSizes[0]);
				await page.goto(pathOf(entry, ids));
				expect(await mainHeading(page)).not.toMatch(/^\d{3}$/);
				// Let data from IndexedDB arrive so that axe sees the filled page, not a loading state.
				await page.waitForLoadState('networkidle');
				await injectAxe(page);
				const problems: string[] = [];
				for (const size of fourSizes) {
					await page.setViewportSize(size);
					for (const problem of await axeViolations(page, MODERATE_AND_WORSE))
						problems.push(`${size.width}px: ${problem}`);
				}
				expect(problems).toEqual([]);
			}
		);
	}
});
