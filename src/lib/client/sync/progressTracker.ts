import {
	emptyProgress,
	withFile,
	withFilesWaiting,
	type FileDirection,
	type FileProgress,
	type SyncProgress
} from '$lib/domain/sync/progress';

export type ProgressListener = (progress: SyncProgress) => void;

/**
 * The progress of one sync, told to a listener after each step. Byte events come far more often
 * than a screen can show them; each is still passed on, the listener (a `$state`) keeps the last.
 */
export class ProgressTracker {
	#progress: SyncProgress;

	constructor(
		private readonly listener: ProgressListener = () => {},
		changesTotal = 0
	) {
		this.#progress = emptyProgress(changesTotal);
		listener(this.#progress);
	}

	get current(): SyncProgress {
		return this.#progress;
	}

	changesSent(count: number): void {
		const { done, total } = this.#progress.changes;
		// Changes made while syncing may go along: the total grows with them.
		this.#set({ ...this.#progress, changes: { done: done + count, total: Math.max(total, done + count) } });
	}

	received(count: number): void {
		this.#set({ ...this.#progress, received: this.#progress.received + count });
	}

	filesWaiting(direction: FileDirection, files: { sha256: string; name: string; size: number }[]): void {
		this.#set(withFilesWaiting(this.#progress, direction, files));
	}

	started(direction: FileDirection, sha256: string): void {
		this.#set(withFile(this.#progress, direction, sha256, { state: 'transferring', transferred: 0 }));
	}

	/** Bytes so far; `total` when the transfer learnt the size (a download's answer). */
	moved(direction: FileDirection, sha256: string, transferred: number, total: number | null): void {
		const patch: Partial<FileProgress> = { transferred };
		if (total !== null) patch.size = total;
		this.#set(withFile(this.#progress, direction, sha256, patch));
	}

	done(direction: FileDirection, sha256: string): void {
		this.#set(withFile(this.#progress, direction, sha256, { state: 'done' }));
	}

	failed(direction: FileDirection, sha256: string, reason: string, retryable: boolean): void {
		this.#set(withFile(this.#progress, direction, sha256, { state: 'failed', reason, retryable }));
	}

	#set(progress: SyncProgress): void {
		this.#progress = progress;
		this.listener(progress);
	}
}
