import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstCriterion, mainHeading } from './support/app';
import { launchBrowser, newContext } from './support/browser';
import { injectAxe } from './support/axe';

interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	nodes: { target: string[] }[];
}

let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
	browser = await launchBrowser();
	context = await newContext(browser);
});
afterAll(async () => {
	await browser?.close();
});

/** Serious and critical WCAG A/AA violations axe finds on the rendered page. */
async function seriousViolations(page: Page): Promise<string[]> {
	await injectAxe(page);
	const violations = await page.evaluate(async () => {
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
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const pages = [
	{ name: 'Übersicht', path: '/' },
	{ name: 'Termine und Fristen', path: '/kalender' },
	{ name: 'Kriterien', path: '/kriterien' },
	{ name: 'Kriterium', path: `/kriterien/${encodeURIComponent(firstCriterion.id)}` },
	{ name: 'Einrichtung', path: '/einrichtung' },
	{ name: 'Zertifizierungsrunden', path: '/runden' },
	{ name: 'Einstellungen', path: '/einstellungen' }
];

describe('accessibility of the main pages', () => {
	for (const { name, path } of pages) {
		it(`has no serious or critical axe violation on ${name}`, async () => {
			const page = await context.newPage();
			await page.goto(path);
			expect(await mainHeading(page)).not.toMatch(/^\d{3}$/);
			// Let data from IndexedDB arrive so that axe sees the filled page, not a loading state.
			await page.waitForLoadState('networkidle');
			expect(await seriousViolations(page)).toEqual([]);
			await page.close();
		});
	}
});
