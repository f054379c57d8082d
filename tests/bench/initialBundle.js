// Initial JS and CSS for the Übersicht: every script and stylesheet the browser loads from a cold
// start until the Übersicht's areas are on screen, each gzipped as the server sends it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { waitForOverviewAreas } from './overviewPage.js';

export const name = 'Initial JS and CSS for the Übersicht (gzip)';

/** @param {import('../../scripts/lib/benchContext.js').BenchContext} context */
export async function run(context) {
	const server = await context.server();
	const browser = await context.browser();
	const page = await (await browser.newContext({ serviceWorkers: 'block' })).newPage();
	/** @type {Set<string>} */
	const js = new Set();
	/** @type {Set<string>} */
	const css = new Set();
	page.on('request', (request) => {
		const url = new URL(request.url());
		if (url.origin !== server.url) return;
		if (/^\/(sw|workbox-[\w-]+)\.js$/.test(url.pathname)) return; // the worker is not page code
		if (url.pathname.endsWith('.js')) js.add(url.pathname);
		else if (url.pathname.endsWith('.css')) css.add(url.pathname);
	});
	// When the first area card enters the DOM, in the page's clock: only fetches that started before
	// count. The app loads more right after the paint (session and sync), and those requests would
	// otherwise slip in while the page closes.
	await page.addInitScript(() => {
		new MutationObserver((_, observer) => {
			if (!document.querySelector('section[aria-labelledby="areas-title"] article h3')) return;
			Object.assign(window, { areasShownAt: performance.now() });
			observer.disconnect();
		}).observe(document, { subtree: true, childList: true });
	});
	await page.goto(`${server.url}/`);
	await waitForOverviewAreas(page);
	// Resource Timing has each fetch's start in the page's clock; the short wait lets fetches that
	// started before the areas showed finish and appear there.
	await page.waitForTimeout(1000);
	const startedBefore = new Set(
		await page.evaluate(() => {
			const shownAt = /** @type {number} */ (Reflect.get(window, 'areasShownAt'));
			return performance
				.getEntriesByType('resource')
				.filter((entry) => entry.startTime <= shownAt)
				.map((entry) => new URL(entry.name).pathname);
		})
	);
	await page.context().close();
	/** @type {Set<string>} */
	const afterPaint = new Set();
	for (const path of js) {
		if (startedBefore.has(path)) continue;
		js.delete(path);
		afterPaint.add(path);
	}
	for (const path of css) if (!startedBefore.has(path)) css.delete(path);

	/** @param {string} path */
	const gzipped = (path) =>
		gzipSync(readFileSync(join(context.root, 'build/client', path)), { level: 9 }).length;
	/** @param {Set<string>} paths */
	const gzipBytes = (paths) => [...paths].reduce((sum, path) => sum + gzipped(path), 0);
	context.report({
		label: `initial JS (${js.size} files)`,
		value: gzipBytes(js) / 1024,
		unit: 'KB',
		target: '≤ 120 KB'
	});
	context.report({ label: `initial CSS (${css.size} files)`, value: gzipBytes(css) / 1024, unit: 'KB' });
	// What loads within the following second (session, sync, zod): not needed to show the Übersicht.
	context.report({
		label: `JS loaded just after the first paint (${afterPaint.size} files)`,
		value: gzipBytes(afterPaint) / 1024,
		unit: 'KB'
	});
	const largest = [...js].map((path) => ({ path, bytes: gzipped(path) })).sort((a, b) => b.bytes - a.bytes);
	console.log(
		`  largest: ${largest
			.slice(0, 4)
			.map(({ path, bytes }) => `${path.split('/').pop()} ${(bytes / 1024).toFixed(1)} KB`)
			.join(', ')}`
	);
}
