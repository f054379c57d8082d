import { db } from '$lib/client/db';
import { findMissingAttachments } from '$lib/client/db/attachments';
import { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import type { ZipProgress } from '$lib/domain/dossierExport/dossierZip';
import { planDossierExport, type ExportFile, type ExportSource } from '$lib/domain/dossierExport/exportPlan';
import type { ZipReply, ZipRequest } from './zipMessages';
import { writeZipExport, type ZipWriteResult } from './zipWrite';

/**
 * The export for the certification body on the device (issue 14): a ZIP of the dossier version's
 * files, made in a Web Worker so the page keeps answering while hundreds of MB stream through.
 * Cancelling terminates the worker, which frees everything it held at once.
 *
 * For the UI: `const { blob, fileName, missing } = await startZipExport({ source, report, onProgress,
 * signal })`, then offer `blob` as a download named `fileName`; `missing` lists files left out.
 * For the report inside, `filesNotOnDevice(source)` tells which files the report should mark.
 */

export type { ZipProgress } from '$lib/domain/dossierExport/dossierZip';

export interface ZipExportOptions {
	source: ExportSource;
	/** The PDF report (see makeReportPdf), stored in the ZIP as `REPORT_FILE`. */
	report: Blob;
	onProgress?: (progress: ZipProgress) => void;
	/** Aborting stops the export at once and rejects with an AbortError. */
	signal?: AbortSignal;
	/** The Dexie database to read files from; default the workspace the app has open. */
	workspaceName?: string;
}

export interface ZipExportResult {
	blob: Blob;
	fileName: string;
	missing: ExportFile[];
}

function abortError(signal: AbortSignal): unknown {
	return signal.reason instanceof DOMException && signal.reason.name === 'AbortError'
		? signal.reason
		: new DOMException('Der Export wurde abgebrochen.', 'AbortError');
}

export function startZipExport(options: ZipExportOptions): Promise<ZipExportResult> {
	const { signal } = options;
	if (signal?.aborted) return Promise.reject(abortError(signal));
	const workspaceName = options.workspaceName ?? db.name;
	const online = typeof navigator === 'undefined' || navigator.onLine;
	if (typeof Worker === 'undefined') return inPage(options, workspaceName, online);

	const worker = new Worker(new URL('./zip.worker.ts', import.meta.url), { type: 'module' });
	return new Promise<ZipExportResult>((resolve, reject) => {
		const stop = () => {
			worker.terminate();
			reject(abortError(signal!));
		};
		const finish = () => {
			signal?.removeEventListener('abort', stop);
			worker.terminate();
		};
		signal?.addEventListener('abort', stop, { once: true });
		worker.onmessage = (event: MessageEvent<ZipReply>) => {
			const reply = event.data;
			if (reply.type === 'progress') {
				options.onProgress?.(reply.progress);
			} else if (reply.type === 'done') {
				finish();
				resolve({ blob: reply.blob, fileName: reply.fileName, missing: reply.missing });
			} else {
				finish();
				reject(new Error(`Der Export ist fehlgeschlagen: ${reply.message}`));
			}
		};
		worker.onerror = (event) => {
			finish();
			reject(new Error(`Der Export ist fehlgeschlagen: ${event.message || 'Fehler im Hintergrund.'}`));
		};
		// The snapshot and catalogue are plain data; $state proxies would not survive the copy.
		const request: ZipRequest = {
			source: JSON.parse(JSON.stringify(options.source)) as ExportSource,
			report: options.report,
			workspaceName,
			online
		};
		worker.postMessage(request);
	});
}

/** Where no Worker exists (tests, very old browsers): the same export on the page. */
async function inPage(
	options: ZipExportOptions,
	workspaceName: string,
	online: boolean
): Promise<ZipWriteResult> {
	const workspace = workspaceName === db.name ? db : new WorkspaceDb(workspaceName);
	try {
		return await writeZipExport({ ...options, workspace, online });
	} catch (error) {
		if (options.signal?.aborted) throw abortError(options.signal);
		throw error;
	} finally {
		if (workspace !== db) workspace.close();
	}
}

/**
 * Hashes of the files the export plans whose bytes are not on this device: the report's `missing`.
 * Online the ZIP may still fetch some of them from the server; offline they stay out.
 */
export async function filesNotOnDevice(source: ExportSource): Promise<Set<string>> {
	const cited = planDossierExport(source).files.flatMap((f) => (f.sha256 ? [f.sha256] : []));
	return findMissingAttachments(cited);
}
