import { ZipOutput } from '$lib/client/media/zipOutput';
import { writeDossierZip, type EvidenceBytes, type ZipProgress } from '$lib/domain/dossierExport/dossierZip';
import { planDossierExport, type ExportFile, type ExportSource } from '$lib/domain/dossierExport/exportPlan';
import { MISSING_REASONS } from '$lib/domain/dossierExport/indexCsv';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';

/**
 * The device's ZIP export, apart from the worker that runs it (./zip.worker.ts) so it can be tested
 * without one: reads each file from the workspace in slices, fetches a file not on the device from
 * the server when online, and collects the archive into Blobs of a few MB each. A Blob made from
 * parts may be kept by the browser outside the JS heap (on disk for large ones), so 500 MB of files
 * never sit in memory at once.
 */

/** Slice of a stored file read at a time: large enough for speed, small enough for memory. */
const SLICE_BYTES = 2 * 1024 * 1024;

export interface ZipWriteOptions {
	source: ExportSource;
	report: Blob;
	workspace: WorkspaceDb;
	signal?: AbortSignal;
	onProgress?: (progress: ZipProgress) => void;
	/** Whether to try the server for files not on the device (default: `navigator.onLine`). */
	online?: boolean;
	fetchFile?: typeof fetch;
}

export interface ZipWriteResult {
	blob: Blob;
	fileName: string;
	/** Files of the plan left out, with the reason in `MISSING_FILE` inside the archive. */
	missing: ExportFile[];
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
	return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A stored file in slices, the next slice read while the current one goes into the archive. */
async function* slicesOf(
	blob: Blob,
	signal?: AbortSignal,
	firstSlice?: Promise<ArrayBuffer>
): AsyncGenerator<Uint8Array> {
	const read = (start: number) => blob.slice(start, start + SLICE_BYTES).arrayBuffer();
	let next = blob.size > 0 ? (firstSlice ?? read(0)) : null;
	for (let start = 0; next; start += SLICE_BYTES) {
		const current = await next;
		next = start + SLICE_BYTES < blob.size ? read(start + SLICE_BYTES) : null;
		signal?.throwIfAborted();
		yield new Uint8Array(current);
	}
}

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
	yield bytes;
}

/** A file from `/api/sync/attachments/<sha256>`, checked against its hash before it goes in. */
async function fromServer(
	file: ExportFile,
	fetchFile: typeof fetch,
	signal?: AbortSignal
): Promise<EvidenceBytes> {
	let response: Response;
	try {
		response = await fetchFile(`/api/sync/attachments/${file.sha256}`, {
			credentials: 'same-origin',
			signal
		});
	} catch (error) {
		signal?.throwIfAborted();
		return { missing: error instanceof TypeError ? MISSING_REASONS.notOnDevice : MISSING_REASONS.download };
	}
	if (response.status === 404) return { missing: MISSING_REASONS.notOnServer };
	if (!response.ok) return { missing: MISSING_REASONS.download };
	const bytes = new Uint8Array(await response.arrayBuffer());
	if ((await sha256Hex(bytes)) !== file.sha256) return { missing: MISSING_REASONS.hashMismatch };
	return once(bytes);
}

/** Files whose first slice is read ahead: many small photos cost a disk read each, not bytes. */
const READ_AHEAD_FILES = 4;

/**
 * Reads the first slice of the next few stored files while the current one is written, so the
 * archive does not wait for the disk file by file (the writer asks for files in the plan's order).
 */
function readAhead(files: readonly ExportFile[], blobs: ReadonlyMap<string, Blob>) {
	const order = files.filter((f) => f.kind === 'evidence');
	const started = new Map<number, Promise<ArrayBuffer>>();
	let position = 0;
	return (file: ExportFile): Promise<ArrayBuffer> | undefined => {
		const at = order.indexOf(file, position);
		if (at < 0) return undefined;
		position = at;
		for (let i = at + 1; i <= at + READ_AHEAD_FILES && i < order.length; i++) {
			const blob = blobs.get(order[i].sha256 ?? '');
			if (!blob || blob.size === 0 || started.has(i)) continue;
			const slice = blob.slice(0, SLICE_BYTES).arrayBuffer();
			slice.catch(() => undefined); // an abandoned read (cancel) must not be an unhandled error
			started.set(i, slice);
		}
		const first = started.get(at);
		started.delete(at);
		return first;
	};
}

/**
 * The stored files' Blobs in one read: a Blob is a handle, its bytes are read only when sliced, so
 * this holds no file in memory and saves a database round trip per file.
 */
async function storedBlobs(workspace: WorkspaceDb, files: readonly ExportFile[]): Promise<Map<string, Blob>> {
	const wanted = [...new Set(files.flatMap((f) => (f.sha256 ? [f.sha256] : [])))];
	const rows = await workspace.attachments.bulkGet(wanted);
	return new Map(rows.flatMap((row) => (row ? [[row.sha256, row.blob] as const] : [])));
}

export async function writeZipExport(options: ZipWriteOptions): Promise<ZipWriteResult> {
	const { source, workspace, signal } = options;
	const plan = planDossierExport(source);
	const online = options.online ?? (typeof navigator === 'undefined' || navigator.onLine);
	const fetchFile = options.fetchFile ?? fetch.bind(globalThis);
	const output = new ZipOutput();
	const report = new Uint8Array(await options.report.arrayBuffer());
	const blobs = await storedBlobs(workspace, plan.files);
	const firstSliceOf = readAhead(plan.files, blobs);

	const { missing } = await writeDossierZip({
		plan,
		registerTables: source.snapshot.registerTables ?? [],
		report,
		modified: new Date(source.snapshot.preparedAt),
		signal,
		onProgress: options.onProgress,
		sha256: sha256Hex,
		write: (chunk) => output.add(chunk),
		evidence: async (file) => {
			const stored = file.sha256 ? blobs.get(file.sha256) : undefined;
			if (stored) return slicesOf(stored, signal, firstSliceOf(file));
			if (!online) return { missing: MISSING_REASONS.notOnDevice };
			return fromServer(file, fetchFile, signal);
		}
	});
	return { blob: output.finish(), fileName: `${plan.root}.zip`, missing: missing.map((m) => m.file) };
}
