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
