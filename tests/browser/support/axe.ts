import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Puts axe-core into the page. Through the DevTools protocol, not a script tag: the page's CSP
 * (`script-src 'self'` + hashes) rightly blocks an inline script, and the test must not weaken it.
 */
export async function injectAxe(page: Page): Promise<void> {
	const cdp = await page.context().newCDPSession(page);
	try {
		const { exceptionDetails } = await cdp.send('Runtime.evaluate', { expression: axeSource });
		if (exceptionDetails) throw new Error(`axe-core did not load: ${exceptionDetails.text}`);
	} finally {
		await cdp.detach();
	}
}

/** The impacts a page-wide check fails on. */
export const MODERATE_AND_WORSE: ReadonlySet<string> = new Set(['moderate', 'serious', 'critical']);
export const SERIOUS_AND_WORSE: ReadonlySet<string> = new Set(['serious', 'critical']);

interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	nodes: { target: unknown[] }[];
}

/**
 * WCAG 2.1 A/AA and best-practice violations axe finds on the whole page as it is now, of the given
 * impacts, one line each (`impact id: help — targets`); an empty list when there are none. Call
 * `injectAxe` first (once per page load; the page keeps axe across checks at several sizes).
 */
export async function axeViolations(page: Page, impacts: ReadonlySet<string>): Promise<string[]> {
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
		.filter((v) => v.impact !== null && impacts.has(v.impact))
		.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
