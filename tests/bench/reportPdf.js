// The dossier's PDF report of the large workspace (every criterion of the 2027 catalogue, 2,000
// evidence items, 200 photos as thumbnails): on the device in Chromium, in the report worker as the
// app makes it and, for comparison, on the page's main thread; then on the server (Node). The
// device's code is built into a small page (tests/support/reportPdfPage) served with the app's CSP.
import { buildReportPdfPage, serveReportPdfPage } from '../support/reportPdfServer.js';

export const name = 'PDF report of the large workspace (Chromium worker, main thread, Node)';

const large = { evidenceCount: 2000, photoCount: 200 };

/**
 * Samples the page's JS heap through the DevTools protocol while `work` runs (the worker's heap is
 * its own and not included).
 * @template T
 * @param {import('playwright-core').Page} page
 * @param {() => Promise<T>} work
 * @returns {Promise<{ result: T, peakMb: number }>}
 */
async function withHeapPeak(page, work) {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Performance.enable');
	let peak = 0;
	let sampling = true;
	const sample = async () => {
		while (sampling) {
			const { metrics } = await cdp.send('Performance.getMetrics');
			const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
			peak = Math.max(peak, used);
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	};
	const sampler = sample();
	try {
		const result = await work();
		return { result, peakMb: peak / 1024 / 1024 };
	} finally {
		sampling = false;
		await sampler;
		await cdp.detach();
	}
}

/** @param {import('../../scripts/lib/benchContext.js').BenchContext} context */
export async function run(context) {
	const server = await serveReportPdfPage(await buildReportPdfPage(context.root));
	const browser = await context.browser();
	const page = await (await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' })).newPage();
	try {
		await page.goto(`${server.url}/`);
		await page.waitForFunction(() => 'reportPdfPage' in globalThis);
		/** @param {object} options */
		const report = (options) =>
			page.evaluate(
				// @ts-expect-error the page's global, see tests/support/reportPdfPage/main.ts
				(o) => globalThis.reportPdfPage.report(o).then((r) => ({ ...r, bytes: r.bytes.length })),
				options
			);
		// Warm-up: loads the worker chunk and lets the JIT see pdfmake once.
		await report({ evidenceCount: 10, photoCount: 1 });

		const worker = await withHeapPeak(page, () => report({ ...large, thumbnails: true }));
		const w = worker.result;
		console.log(
			`  ${w.evidence} evidence items, ${w.thumbnails.count} thumbnails, PDF ${(w.bytes / 1024).toFixed(0)} KB`
		);
		context.report({
			label: 'photo thumbnails, 200 photos 1600×1200 (page)',
			value: w.thumbnails.ms / 1000,
			unit: 's',
			detail: `longest page pause ${w.thumbnails.longestPauseMs.toFixed(0)} ms`
		});
		context.report({
			label: 'PDF in the report worker, 2,000 evidence items',
			value: w.ms / 1000,
			unit: 's',
			detail: `longest page pause ${w.longestPauseMs.toFixed(0)} ms, page heap peak ${worker.peakMb.toFixed(0)} MB`
		});
		context.report({
			label: 'longest page pause while the worker renders',
			value: w.longestPauseMs,
			unit: 'ms',
			target: '≤ 200 ms'
		});

		const main = await withHeapPeak(page, () => report({ ...large, mainThread: true }));
		context.report({
			label: 'PDF on the main thread instead (comparison)',
			value: main.result.ms / 1000,
			unit: 's',
			detail: `longest page pause ${(main.result.longestPauseMs / 1000).toFixed(1)} s, heap peak ${main.peakMb.toFixed(0)} MB`
		});

		const { renderReportPdf } = await context.importModule('/src/lib/server/dossierExport/reportPdf.ts');
		const { reportInput } = await context.importModule('/tests/fixtures/dossierReport.ts');
		await renderReportPdf(reportInput({ evidenceCount: 10, photoCount: 1 }));
		const input = reportInput(large);
		// The server renders in a worker thread: its event loop (other requests) must stay free.
		let last = performance.now();
		let longest = 0;
		const timer = setInterval(() => {
			longest = Math.max(longest, performance.now() - last);
			last = performance.now();
		}, 10);
		const started = performance.now();
		const bytes = await renderReportPdf(input);
		const ms = performance.now() - started;
		clearInterval(timer);
		longest = Math.max(longest, performance.now() - last);
		context.report({
			label: 'PDF on the server (Node worker thread), no thumbnails',
			value: ms / 1000,
			unit: 's',
			detail: `PDF ${(bytes.length / 1024).toFixed(0)} KB, longest event-loop pause ${longest.toFixed(0)} ms`
		});
	} finally {
		await page.context().close();
		await server.stop();
	}
}
