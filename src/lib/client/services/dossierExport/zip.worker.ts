/// <reference lib="webworker" />
import { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import type { ZipReply, ZipRequest } from './zipMessages';
import { writeZipExport } from './zipWrite';

/**
 * Runs the ZIP export off the page (see ./zipExport.ts), so CRC sums and copying of hundreds of MB
 * never block the page's input. It opens the workspace database itself: a Blob read here is not
 * copied through the page. One export per worker; the page cancels by terminating it.
 */

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (reply: ZipReply) => scope.postMessage(reply);

scope.onmessage = async (event: MessageEvent<ZipRequest>) => {
	const { source, report, workspaceName, online } = event.data;
	const workspace = new WorkspaceDb(workspaceName);
	try {
		const result = await writeZipExport({
			source,
			report,
			workspace,
			online,
			onProgress: (progress) => post({ type: 'progress', progress })
		});
		post({ type: 'done', ...result });
	} catch (error) {
		post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
	} finally {
		workspace.close();
	}
};
