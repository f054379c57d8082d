// The dossier's export on the device (issue 14) in Chromium: time of the PDF report and of the ZIP
// for the large workspace (every criterion, 2,000 evidence items, 200 photos of ~200 KB), then the
// ZIP of 500 MB of files; MB/s of the files, the page's peak JS heap (CDP, sampled during the run)
// and how late the page's timers fired meanwhile (its answer to input).
//
// The app's modules are served by Vite (dev server, no minification) on their own origin, because
// the production bundle exposes no entry to call the export without the page's buttons; the work is
// the same code in the same worker.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { freePort } from '../../scripts/lib/server.js';
import { apiLogin, DEMO, SONNENBLUME, startSyncBenchServer } from './syncSetup.js';

export const name = 'Dossier export: PDF and ZIP on the device (Chromium)';

/** The ZIP of this many MB of files (50 files of 10 MB); `BENCH_EXPORT_MB=0` skips it. */
const largeMegabytes = Number(process.env.BENCH_EXPORT_MB ?? 500);

/** @param {import('playwright-core').Page} page */
async function heapSampler(page) {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Performance.enable');
	let peak = 0;
	let running = true;
	const sample = async () => {
		while (running) {
			const { metrics } = await cdp.send('Performance.getMetrics');
			const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
			peak = Math.max(peak, used);
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
	};
	const done = sample();
	return {
		stop: async () => {
			running = false;
			await done;
			await cdp.detach();
			return peak / 1024 / 1024;
		}
	};
}

/**
 * @param {import('playwright-core').Page} page
 * @param {string} script
 * @param {unknown} [arg]
 */
async function call(page, script, arg) {
	return page.evaluate(
		async ([fn, value]) => /** @type {any} */ (window).bench[fn](value),
		/** @type {const} */ ([script, arg])
	);
}

/** @param {import('../../scripts/lib/benchContext.js').BenchContext} context */
export async function run(context) {
	const { createServer } = await import('vite');
	const port = await freePort();
	// The dev server also starts the app's server code on the first request: keep its data apart.
	const dataDir = mkdtempSync(join(tmpdir(), 'gsm-bench-export-'));
	const env = { DATA_DIR: process.env.DATA_DIR, DEMO_SEED: process.env.DEMO_SEED };
	process.env.DATA_DIR = dataDir;
	process.env.DEMO_SEED = '0';
	const vite = await createServer({
		root: context.root,
		configFile: join(context.root, 'vite.config.ts'),
		logLevel: 'error',
		server: {
			port,
			strictPort: true,
			host: '127.0.0.1',
			hmr: false,
			watch: null,
			fs: { allow: [context.root] }
		}
	});
	await vite.listen();
	const browser = await context.browser();
	const browserContext = await browser.newContext({ locale: 'de-DE' });
	const page = await browserContext.newPage();
	try {
		// localhost, not 127.0.0.1: a secure context for crypto.subtle without a certificate.
		await page.goto(`http://localhost:${port}/favicon.svg`);
		// Vite serves the module (and the app's modules it imports) as the dev server does.
		await page.evaluate(async (path) => {
			/** @type {any} */ (window).bench = await import(/* @vite-ignore */ path);
		}, '/tests/bench/dossierExportPage.ts');

		const seeded = await call(page, 'seed', {
			database: 'bench-export-large',
			evidenceCount: 2000,
			fileCount: 200,
			fileBytes: 200 * 1024
		});
		console.log(
			`  seeded: ${seeded.evidence} evidence items in the period, ${seeded.files} photos (${seeded.megabytes.toFixed(0)} MB)`
		);

		const pdfHeap = await heapSampler(page);
		const pdf = await call(page, 'measurePdf');
		const pdfPeak = await pdfHeap.stop();
		context.report({
			label: 'PDF report, large workspace',
			value: pdf.ms / 1000,
			unit: 's',
			detail: `${(pdf.bytes / 1024).toFixed(0)} KB, page heap peak ${pdfPeak.toFixed(0)} MB, max page lag ${pdf.maxLagMs.toFixed(0)} ms`
		});

		await reportZip(context, page, 'ZIP, large workspace', seeded.megabytes);
		await call(page, 'cleanUp');

		if (largeMegabytes > 0) {
			const files = Math.max(1, Math.round(largeMegabytes / 10));
			const large = await call(page, 'seed', {
				database: 'bench-export-500',
				evidenceCount: files,
				fileCount: files,
				fileBytes: 10 * 1024 * 1024
			});
			console.log(`  seeded: ${files} files of 10 MB (${large.megabytes.toFixed(0)} MB)`);
			await reportZip(context, page, `ZIP, ${large.megabytes.toFixed(0)} MB of files`, large.megabytes);
			await call(page, 'cleanUp');
		}
	} finally {
		await browserContext.close();
		await vite.close();
		rmSync(dataDir, { recursive: true, force: true });
		for (const [key, value] of Object.entries(env)) {
			if (value === undefined) delete process.env[key];
			else process.env[key] = value;
		}
	}
	await measureServerZip(context);
}

/**
 * The advisor's ZIP from the production server (SQLite): the large workspace's dossier with 200
 * photos uploaded, streamed by `GET /api/dossiers/:id/export.zip` and read to the end.
 * @param {import('../../scripts/lib/benchContext.js').BenchContext} context
 */
async function measureServerZip(context) {
	const { reportSnapshot } = await context.importModule('/tests/fixtures/dossierReport.ts');
	const server = await startSyncBenchServer('SQLite');
	try {
		const leitung = await apiLogin(server.url, DEMO.leitung);
		const snapshot = reportSnapshot({ evidenceCount: 2000, photoCount: 200 });
		snapshot.facility.id = SONNENBLUME;
		let megabytes = 0;
		for (const [i, evidence] of snapshot.evidence.entries()) {
			if (i >= 200) {
				if (evidence.attachment) evidence.kind = 'note';
				evidence.attachment = null;
				continue;
			}
			const bytes = randomBytes(200 * 1024);
			bytes.set([0xff, 0xd8, 0xff, 0xe0]);
			const sha256 = createHash('sha256').update(bytes).digest('hex');
			const put = await leitung.fetch(`/api/sync/attachments/${sha256}?facility=${SONNENBLUME}`, {
				method: 'PUT',
				headers: { 'content-type': 'application/octet-stream' },
				body: bytes
			});
			if (!put.ok) throw new Error(`upload: ${put.status} ${await put.text()}`);
			megabytes += bytes.length / 1024 / 1024;
			evidence.kind = 'photo';
			evidence.attachment = {
				sha256,
				mimeType: 'image/jpeg',
				size: bytes.length,
				fileName: `IMG_${i + 1}.jpg`
			};
		}
		const { dossier } = await leitung.post('/api/dossiers', {
			submissionId: randomUUID(),
			facilityId: SONNENBLUME,
			snapshot
		});
		const beratung = await apiLogin(server.url, {
			email: 'beratung@demo.example',
			password: 'Demo-Beratung-2026'
		});
		const started = performance.now();
		const response = await beratung.fetch(`/api/dossiers/${dossier.id}/export.zip`);
		if (!response.ok || !response.body)
			throw new Error(`export.zip: ${response.status} ${await response.text()}`);
		const reader = response.body.getReader();
		let firstByteMs = 0;
		let bytes = 0;
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			if (bytes === 0) firstByteMs = performance.now() - started;
			bytes += value.byteLength;
		}
		const ms = performance.now() - started;
		context.report({
			label: 'advisor’s ZIP from the server, large workspace',
			value: ms / 1000,
			unit: 's',
			detail: `${(bytes / 1024 / 1024).toFixed(0)} MB, first byte after ${(firstByteMs / 1000).toFixed(1)} s (the PDF report), then ${(bytes / 1024 / 1024 / ((ms - firstByteMs) / 1000)).toFixed(0)} MB/s; ${megabytes.toFixed(0)} MB of distinct photos`
		});
	} finally {
		await server.stop();
	}
}

/**
 * @param {import('../../scripts/lib/benchContext.js').BenchContext} context
 * @param {import('playwright-core').Page} page
 * @param {string} label
 * @param {number} megabytes
 */
async function reportZip(context, page, label, megabytes) {
	const heap = await heapSampler(page);
	const zip = await call(page, 'measureZip');
	const peak = await heap.stop();
	context.report({
		label: `${label}: time`,
		value: zip.ms / 1000,
		unit: 's',
		detail: `${(zip.bytes / 1024 / 1024).toFixed(0)} MB ZIP, ${zip.progressEvents} progress events, first after ${zip.firstProgressMs.toFixed(0)} ms (worker start), ${zip.missing} missing`
	});
	const zipMegabytes = zip.bytes / 1024 / 1024;
	context.report({
		label: `${label}: MB/s written`,
		value: zipMegabytes / (zip.ms / 1000),
		unit: 'MB/s',
		target: '≥ 50 MB/s',
		detail: `${(zipMegabytes / ((zip.ms - zip.firstProgressMs) / 1000)).toFixed(0)} MB/s after the worker started; ${megabytes.toFixed(0)} MB of distinct files, a file cited by two criteria lies in both folders`
	});
	context.report({ label: `${label}: page JS heap peak`, value: peak, unit: 'MB' });
	context.report({
		label: `${label}: longest page stall`,
		value: zip.maxLagMs,
		unit: 'ms',
		target: '≤ 100 ms',
		detail: '10 ms timer on the page during the export'
	});
}
