// Time to render the advisor's portfolio (`/beratung`) with 300 assigned centres, in Chromium:
// navigation start → the table's rows fill the screen (the first render the advisor sees), and → all
// 300 rows in the table, medians of several loads. Also the server's answer time for
// `GET /api/review/facilities` alone. The centres are written with the server's own modules
// (server/review/testing/portfolioSeed.ts) into the database before the server starts.
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuild } from '../../scripts/lib/build.js';
import { median } from '../../scripts/lib/benchContext.js';
import { startServer } from '../../scripts/lib/server.js';

export const name = 'Portfolio of 300 centres, advisor (Chromium)';

const centres = 300;
const runs = 9;
const advisor = { email: 'beratung@test.example', password: 'richtig-geheim-1', name: 'Person beratung' };

/**
 * Writes the advisor and her centres into a fresh SQLite database in `dataDir`.
 * @param {import('../../scripts/lib/benchContext.js').BenchContext} context
 * @param {string} dataDir
 */
async function seed(context, dataDir) {
	const { loadConfig } = await context.importModule('/src/lib/server/config.ts');
	const { createServerContext } = await context.importModule('/src/lib/server/start.ts');
	const { addUser } = await context.importModule('/src/lib/server/testing/testServer.ts');
	const { seedPortfolio } = await context.importModule('/src/lib/server/review/testing/portfolioSeed.ts');
	const ctx = await createServerContext(loadConfig({ DATA_DIR: dataDir, DEMO_SEED: '0' }), { log: () => {} });
	try {
		await addUser(ctx, { id: 'beratung', role: 'fachberatung', password: advisor.password });
		await seedPortfolio(ctx, 'beratung', centres);
	} finally {
		await ctx.close();
	}
}

/**
 * Waits until the portfolio table holds all its rows. Answers `performance.now()` at the frame in
 * which the rows first filled the screen (the table's last row reaching the window's bottom edge, or
 * every row there when they fit) — what the advisor sees first — and at the frame with all rows.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<{ firstScreen: number, allRows: number }>}
 */
async function waitForRows(page) {
	const handle = await page.waitForFunction(
		(count) => {
			const w = /** @type {Window & { benchFirstScreen?: number }} */ (window);
			const rows = document.querySelectorAll('table tbody tr');
			const last = rows[rows.length - 1];
			if (w.benchFirstScreen === undefined && last) {
				if (rows.length >= count || last.getBoundingClientRect().bottom >= window.innerHeight) {
					w.benchFirstScreen = performance.now();
				}
			}
			return rows.length >= count ? { firstScreen: w.benchFirstScreen, allRows: performance.now() } : false;
		},
		centres,
		{ polling: 'raf', timeout: 60_000 }
	);
	return /** @type {{ firstScreen: number, allRows: number }} */ (await handle.jsonValue());
}

/** @param {import('../../scripts/lib/benchContext.js').BenchContext} context */
export async function run(context) {
	await ensureBuild({ log: (line) => console.log(`  ${line}`) });
	const dataDir = mkdtempSync(join(tmpdir(), 'guetesiegel-portfolio-'));
	try {
		await seed(context, dataDir);
		const server = await startServer({ dataDir, env: { DEMO_SEED: '0' } });
		try {
			await measure(context, server);
		} finally {
			await server.stop();
		}
	} finally {
		await rm(dataDir, { recursive: true, force: true });
	}
}

/**
 * @param {import('../../scripts/lib/benchContext.js').BenchContext} context
 * @param {import('../../scripts/lib/server.js').RunningServer} server
 */
async function measure(context, server) {
	const browser = await context.browser();
	const browserContext = await browser.newContext({
		viewport: { width: 1280, height: 900 },
		locale: 'de-DE'
	});
	const page = await browserContext.newPage();
	try {
		await page.goto(`${server.url}/anmelden`);
		await page.getByLabel('E-Mail-Adresse').fill(advisor.email);
		await page.getByLabel('Passwort', { exact: true }).fill(advisor.password);
		await page.getByRole('button', { name: 'Anmelden' }).click();
		await page.waitForURL((url) => url.pathname === '/beratung', { timeout: 30_000 });
		await waitForRows(page);

		/** @type {number[]} */
		const answers = [];
		for (let i = 0; i <= runs; i++) {
			const ms = await page.evaluate(async () => {
				const started = performance.now();
				const response = await fetch('/api/review/facilities');
				await response.json();
				return performance.now() - started;
			});
			if (i > 0) answers.push(ms);
		}

		/** @type {number[]} */
		const times = [];
		/** @type {number[]} */
		const allTimes = [];
		for (let i = 0; i <= runs; i++) {
			await page.goto(`${server.url}/beratung`);
			const shown = await waitForRows(page);
			if (i === 0) continue; // the first load warms the caches like an earlier visit
			times.push(shown.firstScreen);
			allTimes.push(shown.allRows);
		}
		const shown = await page.locator('table tbody tr').count();
		if (shown !== centres) console.log(`  warning: ${shown} rows shown, expected ${centres}`);
		context.report({
			label: `GET /api/review/facilities, ${centres} centres (median)`,
			value: median(answers),
			unit: 'ms',
			detail: `${runs} requests, ${Math.min(...answers).toFixed(0)}–${Math.max(...answers).toFixed(0)} ms`
		});
		context.report({
			label: `navigation → portfolio rows fill the screen (median)`,
			value: median(times),
			unit: 'ms',
			target: '≤ 300 ms',
			detail: `${runs} loads, ${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)} ms`
		});
		context.report({
			label: `navigation → all ${centres} rows in the table (median)`,
			value: median(allTimes),
			unit: 'ms',
			detail: `${runs} loads, ${Math.min(...allTimes).toFixed(0)}–${Math.max(...allTimes).toFixed(0)} ms`
		});
	} finally {
		await browserContext.close();
	}
}
