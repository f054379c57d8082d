import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mainHeading, pageRoutes } from './support/app';
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
	// Every blocked script, style, image, worker or fetch is reported to the console.
	await context.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (event) => {
			console.error(
				`CSP violation: ${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber} ${event.sample}`
			);
		});
	});
});
afterEach(async () => {
	await context?.close();
});

/** Console messages about the Content Security Policy, from the browser or the listener above. */
function collectViolations(page: Page): string[] {
	const violations: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy|CSP violation/i.test(message.text())) violations.push(message.text());
	});
	return violations;
}

describe('content security policy', () => {
	it("allows only the app's own scripts: default-src and script-src 'self' plus the start script's hash", async () => {
		const page = await context.newPage();
		const response = await page.goto('/');
		const policy = response!.headers()['content-security-policy'];
		expect(policy).toMatch(/default-src 'self'/);
		expect(policy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
		expect(policy).toMatch(/object-src 'none'/);
		expect(policy).toMatch(/frame-ancestors 'none'/);
		expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
	});

	it('blocks nothing the app needs, online and offline from the service worker', async () => {
		const violations = collectViolations(await context.newPage());
		const page = await openAppOnline(context);
		await page.getByText('Offline bereit').waitFor({ timeout: 15_000 });
		for (const route of pageRoutes()) {
			await page.goto(route);
			expect(await mainHeading(page), route).not.toBe('');
		}
		await context.setOffline(true);
		for (const route of pageRoutes()) {
			await page.goto(route);
			expect(await mainHeading(page), `${route} offline`).not.toBe('');
		}
		expect(violations).toEqual([]);
	});
});

describe('error page', () => {
	it('shows an unknown address in German with links on, online and offline', async () => {
		const page = await openAppOnline(context);
		for (const offline of [false, true]) {
			await context.setOffline(offline);
			await page.goto('/gibt-es-nicht');
			expect(await mainHeading(page)).toBe('Diese Seite gibt es nicht');
			await page.getByText('/gibt-es-nicht').waitFor();
			await page.getByRole('link', { name: 'Zur Übersicht' }).click();
			// The error page's heading stays until the Übersicht renders: wait for the new one.
			await page.getByRole('heading', { level: 1, name: /^Übersicht/ }).waitFor({ timeout: 15_000 });
		}
	});
});
