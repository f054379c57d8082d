import { makeReportPdf, photoThumbnails } from '$lib/client/services/dossierExport/reportPdf';
import type { ReportInput } from '$lib/domain/dossierExport/report';
import { reportInput } from '../../fixtures/dossierReport';

/**
 * The device's report code in a page of its own, built by Vite as the app is (the worker as its own
 * chunk) and served with the app's Content Security Policy: the browser test and the benchmark call
 * it through `globalThis.reportPdfPage`. The app's dossier page gets its buttons from another change.
 */

interface Options {
	evidenceCount?: number;
	photoCount?: number;
	thumbnails?: boolean;
	/** Render in the page itself instead of the worker (the benchmark's comparison). */
	mainThread?: boolean;
}

/** A photo made in the page, so thumbnails have something real to decode. */
async function samplePhoto(width: number, height: number): Promise<Blob> {
	const canvas = new OffscreenCanvas(width, height);
	const g = canvas.getContext('2d')!;
	g.fillStyle = '#1d5c4d';
	g.fillRect(0, 0, width, height);
	g.fillStyle = '#f7f5ef';
	g.fillRect(width / 4, height / 4, width / 2, height / 2);
	return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
}

/** The longest time the page did not get to run a timer while `work` ran: how long it froze. */
async function withPauses<T>(
	work: () => Promise<T>
): Promise<{ result: T; ms: number; longestPauseMs: number }> {
	let last = performance.now();
	let longest = 0;
	const timer = setInterval(() => {
		const now = performance.now();
		longest = Math.max(longest, now - last);
		last = now;
	}, 10);
	const start = performance.now();
	try {
		const result = await work();
		// The work may end inside a long task, before the timer could run again.
		longest = Math.max(longest, performance.now() - last);
		return { result, ms: performance.now() - start, longestPauseMs: longest };
	} finally {
		clearInterval(timer);
	}
}

async function withThumbnails(input: ReportInput): Promise<{ ms: number; longestPauseMs: number }> {
	const shas = input.snapshot.evidence.flatMap((e) =>
		e.kind === 'photo' && e.attachment ? [e.attachment.sha256] : []
	);
	const photo = await samplePhoto(1600, 1200);
	const run = await withPauses(() => photoThumbnails(shas, async () => photo));
	input.thumbnails = run.result;
	return { ms: run.ms, longestPauseMs: run.longestPauseMs };
}

async function render(input: ReportInput, mainThread: boolean): Promise<Blob> {
	if (!mainThread) return makeReportPdf(input);
	const { renderReport } = await import('$lib/client/services/dossierExport/renderReport');
	return new Blob([await renderReport(input)], { type: 'application/pdf' });
}

const page = {
	/** The report as bytes the test's node side can read, with how long it took and froze the page. */
	async report(options: Options) {
		const input = reportInput({ evidenceCount: options.evidenceCount, photoCount: options.photoCount });
		const thumbnails = options.thumbnails ? await withThumbnails(input) : null;
		const run = await withPauses(() => render(input, options.mainThread ?? false));
		return {
			type: run.result.type,
			bytes: [...new Uint8Array(await run.result.arrayBuffer())],
			ms: run.ms,
			longestPauseMs: run.longestPauseMs,
			thumbnails: thumbnails && { count: input.thumbnails?.size ?? 0, ...thumbnails },
			evidence: input.snapshot.evidence.length
		};
	},
	async thumbnailSize(width: number, height: number) {
		const [url] = (await photoThumbnails(['x'], () => samplePhoto(width, height))).values();
		const image = new Image();
		image.src = url;
		await image.decode();
		return { width: image.naturalWidth, height: image.naturalHeight, type: url.slice(0, 15) };
	}
};

Object.assign(globalThis, { reportPdfPage: page });
export type ReportPdfPage = typeof page;
