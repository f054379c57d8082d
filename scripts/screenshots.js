// Makes the web app manifest's screenshots (static/screenshots/*.png): builds the app when needed,
// starts it with the demo deployment, logs in as the demo Leitung so the pages show a centre's real
// state, and photographs the pages in Chromium at a phone's and a tablet's size. Run it after
// changes to those pages: `node scripts/screenshots.js`. The sizes must match vite.config.ts.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ensureBuild, root } from './lib/build.js';
import { startServer } from './lib/server.js';

const outDir = join(root, 'static', 'screenshots');
const leitung = { email: 'leitung@demo.example', password: 'Demo-Leitung-2026', name: 'Lea Leitung' };
const firstCriterion = '1.1';

/** What to photograph: file name, viewport, path and the heading that says the page is ready. */
const shots = [
	{ file: 'uebersicht-schmal.png', width: 390, height: 844, path: '/', heading: /^Übersicht/ },
	{
		file: 'kriterium-schmal.png',
		width: 390,
		height: 844,
		path: `/kriterien/${firstCriterion}`,
		heading: new RegExp(`^${firstCriterion.replace('.', '\\.')}`)
	},
	{ file: 'uebersicht-breit.png', width: 1280, height: 800, path: '/', heading: /^Übersicht/ },
	{ file: 'kriterien-breit.png', width: 1280, height: 800, path: '/kriterien', heading: /^Kriterien$/ }
];

/** @param {import('playwright-core').Page} page */
async function logIn(page) {
	await page.goto('/anmelden');
	await page.getByLabel('E-Mail-Adresse').fill(leitung.email);
	await page.getByLabel('Passwort', { exact: true }).fill(leitung.password);
	await page.getByRole('button', { name: 'Anmelden' }).click();
	await page.waitForURL((url) => url.pathname !== '/anmelden', { timeout: 30_000 });
	await page.getByRole('button', { name: new RegExp(leitung.name) }).waitFor({ timeout: 30_000 });
	// The first sync brings the centre's data; the status line says when it is in.
	await page.waitForFunction(
		() => /^Zuletzt synchronisiert/.test(document.querySelector('.sync .line')?.textContent?.trim() ?? ''),
		undefined,
		{ timeout: 60_000 }
	);
}

async function main() {
	await ensureBuild();
	const server = await startServer({ env: { DEMO_SEED: '1' } });
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--no-first-run']
	});
	try {
		const context = await browser.newContext({
			baseURL: server.url,
			locale: 'de-DE',
			timezoneId: 'Europe/Berlin',
			viewport: { width: 1280, height: 800 }
		});
		const page = await context.newPage();
		await logIn(page);
		mkdirSync(outDir, { recursive: true });
		for (const shot of shots) {
			await page.setViewportSize({ width: shot.width, height: shot.height });
			await page.goto(shot.path);
			await page.getByRole('heading', { level: 1, name: shot.heading }).first().waitFor({ timeout: 30_000 });
			await page.waitForLoadState('networkidle');
			// The „offline bereit“ toast would hide part of the page.
			await page
				.getByText('Offline bereit')
				.waitFor({ state: 'hidden', timeout: 30_000 })
				.catch(() => {});
			await page.screenshot({ path: join(outDir, shot.file) });
			console.log(`static/screenshots/${shot.file} (${shot.width}×${shot.height})`);
		}
	} finally {
		await browser.close();
		await server.stop();
	}
}

await main();
