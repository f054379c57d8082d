import { formatBytesOf } from '../sync/progress';

/** How far a backup export has come: files written of all, bytes of the stored files. */
export interface BackupProgress {
	filesDone: number;
	filesTotal: number;
	bytesDone: number;
	bytesTotal: number;
}

/** „Datei 3 von 10 – 1,2 MB von 5,0 MB“; „Einträge werden gesichert …“ before the first file. */
export function describeBackupProgress(progress: BackupProgress): string {
	const { filesDone, filesTotal, bytesDone, bytesTotal } = progress;
	if (filesTotal === 0) return 'Einträge werden gesichert …';
	const current = Math.min(filesTotal, filesDone + 1);
	const bytes = bytesTotal > 0 ? ` – ${formatBytesOf(bytesDone, bytesTotal)}` : '';
	return `Datei ${current} von ${filesTotal}${bytes}`;
}

/** Whole percent of the bytes (files when they hold none). */
export function backupPercent(progress: BackupProgress): number {
	if (progress.bytesTotal > 0) return Math.floor((progress.bytesDone / progress.bytesTotal) * 100);
	if (progress.filesTotal > 0) return Math.floor((progress.filesDone / progress.filesTotal) * 100);
	return 0;
}

/** „Gelesen: 1,2 MB von 5,0 MB“ while a backup file is unpacked. */
export function describeImportProgress(bytesDone: number, bytesTotal: number): string {
	return `Gelesen: ${formatBytesOf(bytesDone, bytesTotal)}`;
}
