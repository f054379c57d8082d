import { sha256Hex, storeAttachment } from '$lib/client/db/attachments';
import { nowIso } from '$lib/client/db/ids';
import type { StoredAttachment, WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import { citedAttachments } from '$lib/domain/sync/attachments';
import { isPending, pickValues } from './outbox';
import { isSyncedTable, syncedTable } from '$lib/client/db/changes';
import type { SyncApi } from '$lib/client/api/sync';
import { readStrings, SYNC_META_KEYS, writeMeta } from './syncMeta';
import type { ProgressTracker } from './progressTracker';
import type { UploadProgress } from '$lib/client/api/fileUpload';

/** A file to upload, with the name a citing record gives it (for the progress list). */
export type UploadCandidate = StoredAttachment & { fileName: string };

/**
 * Files that waiting changes cite, on this device but not yet confirmed by the server, smallest
 * first: small files (and the changes citing them) get through before a large one.
 */
export async function listAttachmentsToUpload(target: WorkspaceDb): Promise<UploadCandidate[]> {
	const waiting = (await target.outbox.toArray()).filter((e) => isPending(e) && e.pushSeq === undefined);
	const cited = new Map<string, string>();
	for (const entry of waiting) {
		let values = entry.values;
		if (!values && isSyncedTable(entry.table)) {
			values = pickValues(await syncedTable(target, entry.table).get(entry.recordId), entry.fields);
		}
		for (const file of citedAttachments(values)) cited.set(file.sha256, file.fileName);
	}
	const uploaded = new Set(
		await target.uploadedAttachments
			.where('sha256')
			.anyOf([...cited.keys()])
			.primaryKeys()
	);
	const files = await target.attachments.bulkGet([...cited.keys()].filter((sha) => !uploaded.has(sha)));
	return files
		.filter((f): f is StoredAttachment => f !== undefined)
		.map((f) => ({ ...f, fileName: cited.get(f.sha256) ?? '' }))
		.sort((a, b) => a.size - b.size);
}

/**
 * Uploads one file unless the server has it already for this user's centres, then notes that the
 * server holds it. The server answers HEAD for the facilities the user writes only: a file another
 * centre uploaded is sent all the same, since a record may cite only what its own centre uploaded.
 */
export async function uploadAttachment(
	target: WorkspaceDb,
	api: SyncApi,
	file: StoredAttachment,
	onProgress?: UploadProgress
): Promise<void> {
	if (!(await api.hasAttachment(file.sha256))) await api.uploadAttachment(file.sha256, file.blob, onProgress);
	await markUploaded(target, file.sha256);
}

async function markUploaded(target: WorkspaceDb, sha256: string): Promise<void> {
	await target.uploadedAttachments.put({ sha256, uploadedAt: nowIso() });
}

/**
 * Fetches the files that pulled records cite and this device lacks, checks each against its hash
 * and stores it. A file that fails stays wanted and is tried on the next sync.
 */
export async function downloadAttachments(
	target: WorkspaceDb,
	api: SyncApi,
	tracker?: ProgressTracker
): Promise<number> {
	const wanted = await readStrings(target, SYNC_META_KEYS.wantedAttachments);
	if (wanted.length === 0) return 0;
	const present = new Set(await target.attachments.where('sha256').anyOf(wanted).primaryKeys());
	const stillWanted = new Set(wanted.filter((sha) => !present.has(sha)));
	tracker?.filesWaiting(
		'download',
		[...stillWanted].map((sha256) => ({ sha256, name: '', size: 0 }))
	);
	let downloaded = 0;
	try {
		for (const sha256 of [...stillWanted]) {
			tracker?.started('download', sha256);
			const blob = await api
				.downloadAttachment(sha256, (done, total) => tracker?.moved('download', sha256, done, total))
				.catch((error: unknown) => {
					tracker?.failed('download', sha256, failureReason(error), true);
					throw error;
				});
			// Unknown to the server or not ours to read: asking again will not change that.
			if (blob === null) {
				tracker?.failed('download', sha256, 'Der Server hat die Datei nicht (mehr).', false);
				stillWanted.delete(sha256);
				continue;
			}
			if ((await sha256Hex(await blob.arrayBuffer())) !== sha256) {
				tracker?.failed('download', sha256, 'Die Datei kam beschädigt an.', true);
				continue;
			}
			// Not noted as uploaded: the centre that owns it may not be every centre this user writes
			// for. Should a change here cite it, HEAD tells (and the upload is skipped when it may).
			await storeAttachment(sha256, blob, blob.type || 'application/octet-stream', target);
			stillWanted.delete(sha256);
			tracker?.done('download', sha256);
			downloaded += 1;
		}
	} finally {
		await writeMeta(target, SYNC_META_KEYS.wantedAttachments, [...stillWanted]);
	}
	return downloaded;
}

/** The German reason of a failed transfer, for the file's line in the progress list. */
export function failureReason(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
