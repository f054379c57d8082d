// A Chromium of our own process (not launched by playwright) on a persistent profile, so a test can
// SIGKILL it the way a tablet's OS kills the app: no unload, no flush of pending writes. Playwright
// attaches over CDP; starting it again on the same profile is the user reopening the app.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { chromiumPath, tablet } from './browser';

export interface KillableBrowser {
	browser: Browser;
	/** The browser's default context: the profile's cookies, storage and service workers. */
	context: BrowserContext;
	page: Page;
	/** SIGKILL of the whole process group (browser, renderers, network service) at once. */
	kill(): Promise<void>;
	/** Closes the browser normally (test clean-up). */
	close(): Promise<void>;
}

export async function launchKillable(userDataDir: string): Promise<KillableBrowser> {
	const portFile = join(userDataDir, 'DevToolsActivePort');
	rmSync(portFile, { force: true });
	const child: ChildProcess = spawn(
		chromiumPath,
		[
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run',
			'--no-default-browser-check',
			`--window-size=${tablet.viewport.width},${tablet.viewport.height}`,
			'--lang=de-DE',
			'--remote-debugging-port=0',
			`--user-data-dir=${userDataDir}`,
			'about:blank'
		],
		{ detached: true, stdio: 'ignore' }
	);
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	await expect.poll(() => existsSync(portFile), { timeout: 30_000, interval: 100 }).toBe(true);
	await expect
		.poll(() => readFileSync(portFile, 'utf8').split('\n')[0]?.trim() ?? '', { timeout: 10_000 })
		.toMatch(/^\d+$/);
	const port = readFileSync(portFile, 'utf8').split('\n')[0].trim();
	const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
	const context = browser.contexts()[0];
	const page = context.pages()[0] ?? (await context.newPage());
	const killGroup = () => {
		try {
			process.kill(-child.pid!, 'SIGKILL');
		} catch {
			// Already gone.
		}
	};
	return {
		browser,
		context,
		page,
		kill: async () => {
			killGroup();
			await exited;
		},
		close: async () => {
			await browser.close().catch(() => undefined);
			killGroup();
			await exited;
		}
	};
}

/** A CDP session on the browser itself, for the Storage domain (quota, clearing data). */
export function browserCdp(browser: Browser): Promise<CDPSession> {
	return browser.newBrowserCDPSession();
}
