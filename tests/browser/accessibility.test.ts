import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mainHeading } from './support/app';
import { injectAxe } from './support/axe';
import { launchBrowser } from './support/browser';
import { pageTable, pathOf, prepareViewers, type SeededIds, type ViewerPages } from './support/pages';
import { startSyncServer, type RunningServer } from './sync/support';

/**
 * Issue 16: axe on every page (the one page table, tests/browser/support/pages.ts) at the four
 * widths of a phone, a portrait and a landscape tablet and a laptop finds no WCAG 2.1 A/AA or
 * best-practice violation that is moderate, serious or critical.
 */

interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	nodes: { target: string[] }[];
}

const widths = [
	{ width: 390, height: 844 },
	{ width: 768, height: 1024 },
	{ width: 1024, height: 768 },
	{ width: 1440, height: 900 }
];

const failing = new Set(['moderate', 'serious', 'critical']);

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

/** Moderate, serious and critical violations axe finds on the rendered page (axe injected). */
async function violations(page: Page): Promise<string[]> {
	const found = await page.evaluate(async () => {
		const axe = (
			window as unknown as {
				axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> };
			}
		).axe;
		const result = await axe.run(document, {
			runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
			resultTypes: ['violations']
		});
		return result.violations.map(({ id, impact, help, nodes }) => ({
			id,
			impact,
			help,
			nodes: nodes.map((n) => ({ target: n.target.map(String) }))
		}));
	});
	return found
		.filter((v) => v.impact !== null && failing.has(v.impact))
		.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('accessibility of every page at every width', () => {
	for (const entry of pageTable) {
		it(
			`${entry.name} (${entry.viewer}): no moderate, serious or critical axe violation`,
			{ timeout: 120_000 },
			async () => {
				const page = pages[entry.viewer];
				await page.setViewportSize(widths[0]);
				await page.goto(pathOf(entry, ids));
				expect(await mainHeading(page)).not.toMatch(/^\d{3}$/);
				// Let data from IndexedDB arrive so that axe sees the filled page, not a loading state.
				await page.waitForLoadState('networkidle');
				await injectAxe(page);
				const problems: string[] = [];
				for (const size of widths) {
					await page.setViewportSize(size);
					for (const problem of await violations(page)) problems.push(`${size.width}px: ${problem}`);
				}
				expect(problems).toEqual([]);
			}
		);
	}
});
