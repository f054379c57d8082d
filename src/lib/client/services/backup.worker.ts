/// <reference lib="webworker" />
import { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import type { BackupReply, BackupRequest } from './backupMessages';
import { writeBackupZip } from './backupZip';

/**
 * Writes the backup off the page (see ./backupZip.ts), so zipping hundreds of MB never blocks
 * input. It opens the workspace database itself: a file read here is not copied through the page.
 * One export per worker; the page cancels by terminating it, which frees everything it held.
 */

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (reply: BackupReply) => scope.postMessage(reply);

scope.onmessage = async (event: MessageEvent<BackupRequest>) => {
	const workspace = new WorkspaceDb(event.data.workspaceName);
	try {
		const blob = await writeBackupZip(workspace, {
			onProgress: (progress) => post({ type: 'progress', progress })
		});
		post({ type: 'done', blob });
	} catch (error) {
		post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
	} finally {
		workspace.close();
	}
};
