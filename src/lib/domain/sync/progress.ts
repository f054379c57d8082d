/**
 * What a running sync has done so far, as numbers the status line can show: changes sent of those
 * waiting, and each file with its bytes. Pure: the orchestrator feeds it, the UI words it.
 */

export type FileDirection = 'upload' | 'download';
export type FileState = 'waiting' | 'transferring' | 'done' | 'failed';

export interface FileProgress {
	sha256: string;
	/** The name the citing record gives the file (empty when no record here names it). */
	name: string;
	direction: FileDirection;
	/** Total bytes; 0 while unknown (a download before its answer's headers). */
	size: number;
	transferred: number;
	state: FileState;
	/** German reason of a failure. */
	reason: string | null;
	/** Sending it again may help (no answer, a server error); false when the server refused it for good. */
	retryable: boolean;
}

export interface SyncProgress {
	/** Changes sent (answered by the server) of those waiting when the sync started. */
	changes: { done: number; total: number };
	/** Records received from the server so far. */
	received: number;
	files: FileProgress[];
}

export function emptyProgress(changesTotal = 0): SyncProgress {
	return { changes: { done: 0, total: changesTotal }, received: 0, files: [] };
}

/** Adds files as waiting; a file already listed for the same direction keeps its state. */
export function withFilesWaiting(
	progress: SyncProgress,
	direction: FileDirection,
	files: readonly { sha256: string; name: string; size: number }[]
): SyncProgress {
	const known = new Set(progress.files.filter((f) => f.direction === direction).map((f) => f.sha256));
	const added = files
		.filter((f) => !known.has(f.sha256))
		.map((f): FileProgress => ({
			...f,
			direction,
			transferred: 0,
			state: 'waiting',
			reason: null,
			retryable: false
		}));
	return { ...progress, files: [...progress.files, ...added] };
}

/** One file's new facts; bytes never exceed the size and never go back while transferring. */
export function withFile(
	progress: SyncProgress,
	direction: FileDirection,
	sha256: string,
	patch: Partial<Pick<FileProgress, 'size' | 'transferred' | 'state' | 'reason' | 'retryable'>>
): SyncProgress {
	return {
		...progress,
		files: progress.files.map((file) => {
			if (file.sha256 !== sha256 || file.direction !== direction) return file;
			const next = { ...file, ...patch };
			if (next.size > 0) next.transferred = Math.min(next.transferred, next.size);
			if (next.state === 'done') next.transferred = Math.max(next.transferred, next.size);
			if (next.state !== 'failed') {
				next.reason = null;
				next.retryable = false;
			}
			return next;
		})
	};
}

/** Whole percent of one file, 0 while its size is unknown. */
export function filePercent(file: Pick<FileProgress, 'size' | 'transferred'>): number {
	if (file.size <= 0) return 0;
	return Math.min(100, Math.floor((file.transferred / file.size) * 100));
}

const decimal = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });

/** Bytes as people read them, decimal units like file managers: „820 KB“, „3,1 MB“, „512 Byte“. */
export function formatBytes(bytes: number): string {
	if (bytes < 1000) return `${whole.format(bytes)} Byte`;
	if (bytes < 1_000_000) return `${whole.format(Math.floor(bytes / 1000))} KB`;
	if (bytes < 1_000_000_000) return `${decimal.format(Math.floor(bytes / 100_000) / 10)} MB`;
	return `${decimal.format(Math.floor(bytes / 100_000_000) / 10)} GB`;
}

/** „3,1 MB von 5,0 MB“; both in the unit of the total, so the first never looks larger. */
export function formatBytesOf(done: number, total: number): string {
	if (total < 1_000_000 || total >= 1_000_000_000) return `${formatBytes(done)} von ${formatBytes(total)}`;
	return `${decimal.format(Math.floor(done / 100_000) / 10)} MB von ${formatBytes(total)}`;
}

/** „Änderungen: 120 von 500 gesendet“, or null when none waited. */
export function describeChanges(progress: SyncProgress): string | null {
	const { done, total } = progress.changes;
	if (total === 0) return null;
	return `${total === 1 ? 'Änderung' : 'Änderungen'}: ${Math.min(done, total)} von ${total} gesendet`;
}

/**
 * „Datei 2 von 5 – 3,1 MB von 5,0 MB“ for the files of a direction: the number of the file being
 * moved (or of the last one moved) and the bytes of all of them together. Null when there are none.
 */
export function describeFiles(progress: SyncProgress, direction: FileDirection): string | null {
	const files = progress.files.filter((f) => f.direction === direction);
	if (files.length === 0) return null;
	const current = files.findIndex((f) => f.state === 'transferring');
	const finished = files.filter((f) => f.state === 'done' || f.state === 'failed').length;
	const number = current >= 0 ? current + 1 : Math.max(1, finished);
	const total = files.reduce((sum, f) => sum + f.size, 0);
	const moved = files.reduce((sum, f) => sum + (f.state === 'failed' ? 0 : f.transferred), 0);
	const verb = direction === 'upload' ? 'Hochladen' : 'Herunterladen';
	const bytes = total > 0 ? ` – ${formatBytesOf(moved, total)}` : '';
	return `${verb}: Datei ${number} von ${files.length}${bytes}`;
}

/** „wartet“, „wird übertragen 42 %“, „fertig“, „Fehler: …“. */
export function describeFileState(file: FileProgress): string {
	switch (file.state) {
		case 'waiting':
			return 'wartet';
		case 'transferring':
			return `wird übertragen ${filePercent(file)} %`;
		case 'done':
			return 'fertig';
		case 'failed':
			return `Fehler: ${file.reason ?? 'unbekannt'}`;
	}
}

/** Files that failed and may go again. */
export function retryableFiles(progress: SyncProgress | null): FileProgress[] {
	return progress?.files.filter((f) => f.state === 'failed' && f.retryable) ?? [];
}
