import type { BackupProgress } from '$lib/domain/backup/progress';

/** What the page and the backup worker (./backup.worker.ts) tell each other. */
export interface BackupRequest {
	workspaceName: string;
}

export type BackupReply =
	| { type: 'progress'; progress: BackupProgress }
	| { type: 'done'; blob: Blob }
	| { type: 'error'; message: string };
