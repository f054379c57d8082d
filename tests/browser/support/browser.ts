// Chromium from Debian, driven by playwright-core. Each test file launches one browser and opens a fresh
// context (its own storage, service worker and IndexedDB) per test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type LaunchOptions, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const launchOptions: LaunchOptions = {
	executablePath: chromiumPath,
	headless: true,
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--no-first-run'
	]
};

/** A tablet-sized viewport in landscape, the app's main device. */
export const tablet = {
	viewport: { width: 1180, height: 820 },
	locale: 'de-DE',
	timezoneId: 'Europe/Berlin'
};

/** Base URL of the production server started by tests/setup/browser-global.ts. */
export function baseUrl(): string {
	return inject('baseUrl');
}

export function launchBrowser(): Promise<Browser> {
	return chromium.launch(launchOptions);
}

export function newContext(browser: Browser): Promise<BrowserContext> {
	return browser.newContext({ ...tablet, baseURL: baseUrl() });
}

/** A browser profile on disk that survives closing the browser, like a tablet's. */
export function newProfileDir(): { path: string; remove: () => void } {
	const path = mkdtempSync(join(tmpdir(), 'guetesiegel-profile-'));
	return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Launches Chromium with a persistent profile; launching again with the same dir is a browser restart. */
export function launchPersistent(userDataDir: string): Promise<BrowserContext> {
	return chromium.launchPersistentContext(userDataDir, { ...launchOptions, ...tablet, baseURL: baseUrl() });
}

/**
 * Waits until a service worker controls the page, i.e. the app shell and chunks are precached. The
 * precache holds the PDF report's worker (about 2 MB with its fonts): on a loaded machine with a
 * fresh browser context, installing takes a while, so this waits generously — for the event, not a
 * fixed time.
 */
export async function waitForServiceWorker(page: Page): Promise<void> {
	await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
		timeout: 90_000
	});
	// Control starts once the worker activated, and activation waits for the precache to be complete.
	await page.evaluate(() => navigator.serviceWorker.ready);
}

/** Opens `path` online and waits until the app is installed for offline use. */
export async function openAppOnline(context: BrowserContext, path = '/'): Promise<Page> {
	const page = context.pages()[0] ?? (await context.newPage());
	await page.goto(path);
	await waitForServiceWorker(page);
	return page;
}
