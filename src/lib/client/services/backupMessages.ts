import type { Unzipped } from 'fflate';
import type { BackupProgress } from '$lib/domain/backup/progress';

/** What the page and the backup worker (./backup.worker.ts) tell each other. */
export interface BackupRequest {
	workspaceName: string;
}

export type BackupReply =
	| { type: 'progress'; progress: BackupProgress }
	| { type: 'done'; blob: Blob }
	| { type: 'error'; message: string };

/** What the backup import's unzip worker (./backupUnzip.worker.ts) answers. */
export type UnzipReply =
	| { type: 'progress'; bytesDone: number; bytesTotal: number }
	| { type: 'done'; entries: Unzipped }
	| { type: 'error'; message: string };
