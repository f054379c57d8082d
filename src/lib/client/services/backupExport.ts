import { db } from '$lib/client/db';
import type { BackupProgress } from '$lib/domain/backup/progress';
import type { Unzipped } from 'fflate';
import type { BackupReply, BackupRequest, UnzipReply } from './backupMessages';
import { unzipBackupFile, type ReadProgress } from './backupUnzip';
import { writeBackupZip } from './backupZip';

export interface BackupExportOptions {
	signal?: AbortSignal;
	onProgress?: (progress: BackupProgress) => void;
}

function abortError(): DOMException {
	return new DOMException('Die Sicherung wurde abgebrochen.', 'AbortError');
}

/**
 * The backup of the open workspace, made in a Web Worker so the page keeps answering. Cancelling
 * (the signal) terminates the worker: nothing was handed to the browser as a download, so no
 * partial file is left anywhere.
 */
export function startBackupExport(options: BackupExportOptions = {}): Promise<Blob> {
	const { signal, onProgress } = options;
	if (signal?.aborted) return Promise.reject(abortError());
	// Where no Worker exists (tests, very old browsers): the same export on the page.
	if (typeof Worker === 'undefined') {
		return writeBackupZip(db, { signal, onProgress }).catch((error: unknown) => {
			throw signal?.aborted ? abortError() : error;
		});
	}
	const worker = new Worker(new URL('./backup.worker.ts', import.meta.url), { type: 'module' });
	return new Promise<Blob>((resolve, reject) => {
		const stop = () => {
			worker.terminate();
			reject(abortError());
		};
		const finish = () => {
			signal?.removeEventListener('abort', stop);
			worker.terminate();
		};
		signal?.addEventListener('abort', stop, { once: true });
		worker.onmessage = (event: MessageEvent<BackupReply>) => {
			const reply = event.data;
			if (reply.type === 'progress') return onProgress?.(reply.progress);
			finish();
			if (reply.type === 'done') resolve(reply.blob);
			else reject(new Error(`Die Sicherung ist fehlgeschlagen: ${reply.message}`));
		};
		worker.onerror = (event) => {
			finish();
			reject(new Error(`Die Sicherung ist fehlgeschlagen: ${event.message || 'Fehler im Hintergrund.'}`));
		};
		worker.postMessage({ workspaceName: db.name } satisfies BackupRequest);
	});
}

/**
 * A backup file's entries, unpacked in a Web Worker with its bytes read n of m. Cancelling
 * terminates the worker before anything is written, so the workspace stays as it was.
 */
export function startBackupUnzip(
	file: Blob,
	options: { signal?: AbortSignal; onProgress?: ReadProgress } = {}
): Promise<Unzipped> {
	const { signal, onProgress } = options;
	if (signal?.aborted) return Promise.reject(abortError());
	if (typeof Worker === 'undefined') {
		return unzipBackupFile(file, onProgress, signal).catch((error: unknown) => {
			throw signal?.aborted ? abortError() : error;
		});
	}
	const worker = new Worker(new URL('./backupUnzip.worker.ts', import.meta.url), { type: 'module' });
	return new Promise<Unzipped>((resolve, reject) => {
		const stop = () => {
			worker.terminate();
			reject(abortError());
		};
		const finish = () => {
			signal?.removeEventListener('abort', stop);
			worker.terminate();
		};
		signal?.addEventListener('abort', stop, { once: true });
		worker.onmessage = (event: MessageEvent<UnzipReply>) => {
			const reply = event.data;
			if (reply.type === 'progress') return onProgress?.(reply.bytesDone, reply.bytesTotal);
			finish();
			if (reply.type === 'done') resolve(reply.entries);
			else reject(new Error(reply.message));
		};
		worker.onerror = (event) => {
			finish();
			reject(new Error(event.message || 'Die Sicherung konnte nicht gelesen werden.'));
		};
		worker.postMessage({ file });
	});
}
