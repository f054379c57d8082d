import { Unzip, UnzipInflate, type Unzipped } from 'fflate';

/** Bytes of the backup file read so far, of its size. */
export type ReadProgress = (bytesDone: number, bytesTotal: number) => void;

/**
 * The entries of a backup archive, read from the file as a stream (slice by slice) so the page can
 * tell how far it is; runs in ./backupUnzip.worker.ts or, where there is none, on the page.
 * Rejects with the German message when the file is no ZIP archive.
 */
export async function unzipBackupFile(
	file: Blob,
	onProgress?: ReadProgress,
	signal?: AbortSignal
): Promise<Unzipped> {
	const entries: Unzipped = {};
	let failure: unknown = null;
	const unzip = new Unzip((entry) => {
		const chunks: Uint8Array[] = [];
		entry.ondata = (error, data, final) => {
			if (error) failure = error;
			else chunks.push(data);
			if (final && !error) entries[entry.name] = join(chunks);
		};
		entry.start();
	});
	unzip.register(UnzipInflate);
	const SLICE = 2 * 1024 * 1024;
	onProgress?.(0, file.size);
	for (let start = 0; start < file.size; start += SLICE) {
		const slice = new Uint8Array(await file.slice(start, start + SLICE).arrayBuffer());
		signal?.throwIfAborted();
		unzip.push(slice, start + SLICE >= file.size);
		if (failure) break;
		onProgress?.(Math.min(file.size, start + SLICE), file.size);
	}
	if (failure || Object.keys(entries).length === 0) {
		throw new Error('Die Datei ist keine Sicherung der Gütesiegel-Mappe (kein ZIP-Archiv).');
	}
	return entries;
}

function join(chunks: Uint8Array[]): Uint8Array<ArrayBuffer> {
	const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.byteLength, 0));
	let at = 0;
	for (const chunk of chunks) {
		out.set(chunk, at);
		at += chunk.byteLength;
	}
	return out;
}
