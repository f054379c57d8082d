import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, newContext, openAppOnline, waitForServiceWorker } from './support/browser';
import { mainHeading, pageRoutes } from './support/app';
import { pngSize } from './support/png';

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

interface ManifestIcon {
	src: string;
	sizes: string;
	type: string;
	purpose?: string;
}

describe('installable offline app', () => {
	it('is controlled by the service worker right after the first visit', async () => {
		const page = await context.newPage();
		await page.goto('/');
		await waitForServiceWorker(page);
		const scriptUrl = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
		expect(scriptUrl).toBe(`${baseUrl()}/sw.js`);
		await page.getByText('Offline bereit').waitFor({ timeout: 15_000 });
	});

	it('has a valid German web app manifest with 192, 512 and maskable PNG icons', async () => {
		const page = await context.newPage();
		await page.goto('/');
		const href = await page.locator('link[rel="manifest"]').getAttribute('href');
		expect(href).toBeTruthy();
		const manifestUrl = new URL(href!, baseUrl());
		const response = await fetch(manifestUrl);
		expect(response.status).toBe(200);
		const manifest = await response.json();

		expect(manifest).toMatchObject({
			name: 'Gütesiegel-Mappe',
			short_name: 'Gütesiegel',
			lang: 'de',
			display: 'standalone',
			start_url: '/',
			scope: '/',
			theme_color: '#1d5c4d'
		});
		expect(manifest.description).toMatch(/Gütesiegel/);
		expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);

		const icons = manifest.icons as ManifestIcon[];
		const wanted = [
			{ sizes: '192x192', purpose: 'any' },
			{ sizes: '512x512', purpose: 'any' },
			{ sizes: '512x512', purpose: 'maskable' }
		];
		for (const { sizes, purpose } of wanted) {
			const icon = icons.find((i) => i.sizes === sizes && (i.purpose ?? 'any').split(' ').includes(purpose));
			expect(icon, `${purpose} icon ${sizes}`).toBeDefined();
			expect(icon!.type).toBe('image/png');
			const bytes = new Uint8Array(await (await fetch(new URL(icon!.src, manifestUrl))).arrayBuffer());
			const [width, height] = sizes.split('x').map(Number);
			expect(pngSize(bytes)).toEqual({ width, height });
		}

		const appleIcon = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
		const appleBytes = new Uint8Array(await (await fetch(new URL(appleIcon!, baseUrl()))).arrayBuffer());
		expect(pngSize(appleBytes)).toEqual({ width: 180, height: 180 });
	});

	it('opens every page of the app offline, showing the same page as online', async () => {
		const routes = pageRoutes();
		expect(routes).toContain('/');
		const page = await openAppOnline(context);
		const online = new Map<string, string>();
		for (const path of routes) {
			await page.goto(path);
			online.set(path, await mainHeading(page));
		}

		await context.setOffline(true);
		for (const path of routes) {
			const response = await page.goto(path);
			expect(response?.fromServiceWorker(), path).toBe(true);
			expect(response?.status(), path).toBe(200);
			expect(await mainHeading(page), path).toBe(online.get(path));
		}
		// Two visits of every page (more than 40 with help and legal pages) on a loaded 2-core machine.
	}, 240_000);

	it('never answers the JSON API from the cache or with the app shell', async () => {
		const page = await openAppOnline(context);
		const online = await page.evaluate(async () => {
			const response = await fetch('/api/health');
			return { status: response.status, type: response.headers.get('content-type') ?? '' };
		});
		expect(online.type).not.toMatch(/text\/html/);

		await context.setOffline(true);
		const offline = await page.evaluate(async () => {
			try {
				const response = await fetch('/api/health');
				return `answered ${response.status}`;
			} catch {
				return 'network error';
			}
		});
		expect(offline).toBe('network error');

		const navigation = await page.goto('/api/health').then(
			(response) => `answered ${response?.status()}`,
			() => 'network error'
		);
		expect(navigation).toBe('network error');
	});
});
