import { isQuotaExceeded, unlessStorageFull } from '$lib/client/db/errors';
import { getDeviceId } from '$lib/client/db/meta';
import { nowIso } from '$lib/client/db/ids';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import { MAX_PULL_BATCH, MAX_PUSH_BATCH } from '$lib/domain/sync/protocol';
import { applyServerChanges } from './applyServerChanges';
import { downloadAttachments, listAttachmentsToUpload, uploadAttachment } from './attachmentTransfer';
import { listClientChanges, recordPushResults, rejectChangesCiting, renumberPendingChanges } from './outbox';
import { SequenceGapError, SyncServerError, type SyncApi } from './syncApi';
import { readNumber, readStrings, SYNC_META_KEYS, writeMeta } from './syncMeta';

/** What one sync did, for the status line and tests. */
export interface SyncReport {
	accepted: number;
	rejected: number;
	conflicts: number;
	uploaded: number;
	pulled: number;
	downloaded: number;
	/** Files whose upload failed this time (they and the changes citing them wait for the next sync). */
	failedUploads: { sha256: string; message: string }[];
	/**
	 * The device's storage is full: changes were still sent, but what the server has for this device
	 * waits on the server (the cursor stays) until there is space again.
	 */
	storageFull: boolean;
}

/**
 * One full sync of the workspace with the server (see docs/sync.md): push what can go now, upload
 * files one by one (each followed by a push of the changes that waited for it), pull until the
 * server has nothing more, fetch the files pulled records cite. NeedsLoginError and
 * ServerUnreachableError end it early; whatever was done stays done and nothing local is lost.
 */
export async function synchronize(target: WorkspaceDb, api: SyncApi): Promise<SyncReport> {
	const report: SyncReport = {
		accepted: 0,
		rejected: 0,
		conflicts: 0,
		uploaded: 0,
		pulled: 0,
		downloaded: 0,
		failedUploads: [],
		storageFull: false
	};
	const deviceId = await getDeviceId(target);
	await pushChanges(target, api, deviceId, report);
	await uploadAttachments(target, api, report, () => pushChanges(target, api, deviceId, report));
	await pullChanges(target, api, report);
	if (!report.storageFull) {
		report.downloaded = await whileSpaceLasts(report, () => downloadAttachments(target, api), 0);
	}
	await unlessStorageFull(() => writeMeta(target, SYNC_META_KEYS.lastSyncedAt, nowIso()));
	return report;
}

/** Runs a step that stores what it got; on a full device it ends early and the report says so. */
async function whileSpaceLasts<T>(report: SyncReport, step: () => Promise<T>, fallback: T): Promise<T> {
	try {
		return await step();
	} catch (error) {
		if (!isQuotaExceeded(error)) throw error;
		report.storageFull = true;
		return fallback;
	}
}

/**
 * The next changes to push. On a full device their numbers cannot be stored: they are numbered the
 * same way in memory (the same entries get the same numbers until stored), `persisted` is false.
 */
async function nextChanges(target: WorkspaceDb, report: SyncReport) {
	try {
		return { changes: await listClientChanges(target), persisted: true };
	} catch (error) {
		if (!isQuotaExceeded(error)) throw error;
		report.storageFull = true;
		return { changes: await listClientChanges(target, MAX_PUSH_BATCH, { persist: false }), persisted: false };
	}
}

/** Pushes batches until nothing more can go; resends from where the server stands after a gap. */
export async function pushChanges(
	target: WorkspaceDb,
	api: SyncApi,
	deviceId: string,
	report: SyncReport
): Promise<void> {
	let gaps = 0;
	let previousFirst = 0;
	for (;;) {
		const { changes, persisted } = await nextChanges(target, report);
		if (changes.length === 0) return;
		// Every answer settles what it answers, so the same batch twice means the server skipped it.
		if (changes[0].seq === previousFirst) throw new Error('Der Server hat die Änderungen nicht bestätigt.');
		previousFirst = changes[0].seq;
		try {
			const response = await api.push({ deviceId, changes });
			// Storing the answer is best-effort: unstored, the changes stay in the outbox and go again
			// under the same numbers, which the server answers as duplicates. Nothing is lost.
			const recorded =
				persisted &&
				(await whileSpaceLasts(report, () => recordPushResults(target, response).then(() => true), false));
			for (const result of response.results) {
				if (result.status === 'rejected') report.rejected += 1;
				else report.accepted += 1;
				report.conflicts += result.conflicts?.length ?? 0;
			}
			if (!recorded) return;
		} catch (error) {
			// One renumbering settles any gap; a second one in a row means something else is wrong.
			if (!(error instanceof SequenceGapError) || gaps++ > 0) throw error;
			await renumberPendingChanges(target, error.expectedSeq);
			previousFirst = 0;
		}
	}
}

/**
 * Uploads the files waiting changes cite, each on its own; after each, `afterEach` pushes the
 * changes that waited for it. A file the server refuses for good marks its changes as rejected.
 */
export async function uploadAttachments(
	target: WorkspaceDb,
	api: SyncApi,
	report: SyncReport,
	afterEach: () => Promise<void>
): Promise<void> {
	for (const file of await listAttachmentsToUpload(target)) {
		try {
			await uploadAttachment(target, api, file);
			report.uploaded += 1;
		} catch (error) {
			// Sent, but the note that the server has it could not be stored: try again with space.
			if (isQuotaExceeded(error)) {
				report.storageFull = true;
				return;
			}
			if (!(error instanceof SyncServerError)) throw error;
			report.failedUploads.push({ sha256: file.sha256, message: error.message });
			if (error.permanent) await rejectChangesCiting(target, file.sha256, error.message);
			continue;
		}
		await afterEach();
	}
}

/** Pulls and applies batches until the server has no more; from 0 again when a facility was added. */
export async function pullChanges(target: WorkspaceDb, api: SyncApi, report: SyncReport): Promise<void> {
	let cursor = await readNumber(target, SYNC_META_KEYS.cursor);
	const known = new Set(await readStrings(target, SYNC_META_KEYS.facilityIds));
	for (;;) {
		const batch = await api.pull(cursor, MAX_PULL_BATCH);
		if (cursor > 0 && batch.facilityIds.some((id) => !known.has(id))) {
			// Records of a newly visible facility lie behind the cursor: start over.
			batch.facilityIds.forEach((id) => known.add(id));
			cursor = 0;
			continue;
		}
		// A batch that cannot be stored waits on the server: the cursor moves only with the records.
		const applied = await whileSpaceLasts(report, () => applyServerChanges(target, batch), null);
		if (applied === null) return;
		report.pulled += applied;
		batch.facilityIds.forEach((id) => known.add(id));
		cursor = batch.cursor;
		if (!batch.hasMore) {
			await whileSpaceLasts(
				report,
				() => writeMeta(target, SYNC_META_KEYS.facilityIds, batch.facilityIds),
				null
			);
			return;
		}
	}
}
