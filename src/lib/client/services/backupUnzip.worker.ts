/// <reference lib="webworker" />
import type { UnzipReply } from './backupMessages';
import { unzipBackupFile } from './backupUnzip';

/** Unpacks a backup off the page (see ./backupUnzip.ts); the page cancels by terminating it. */

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (reply: UnzipReply, transfer: Transferable[] = []) => scope.postMessage(reply, transfer);

scope.onmessage = async (event: MessageEvent<{ file: Blob }>) => {
	try {
		const entries = await unzipBackupFile(event.data.file, (bytesDone, bytesTotal) =>
			post({ type: 'progress', bytesDone, bytesTotal })
		);
		// Handed over, not copied: the page gets the bytes without a second copy.
		post(
			{ type: 'done', entries },
			Object.values(entries).map((bytes) => bytes.buffer)
		);
	} catch (error) {
		post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
	}
};
