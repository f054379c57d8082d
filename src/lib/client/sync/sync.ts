import { isQuotaExceeded, unlessStorageFull } from '$lib/client/db/errors';
import { getDeviceId } from '$lib/client/db/meta';
import { nowIso } from '$lib/client/db/ids';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import { MAX_PULL_BATCH } from '$lib/domain/sync/protocol';
import { applyServerChanges } from './applyServerChanges';
import { downloadAttachments, listAttachmentsToUpload, uploadAttachment } from './attachmentTransfer';
import {
	countPendingChanges,
	PushQueue,
	recordPushResults,
	rejectChangesCiting,
	renumberPendingChanges
} from './outbox';
import { failureReason } from './attachmentTransfer';
import { ProgressTracker, type ProgressListener } from './progressTracker';
import { SequenceGapError, SyncServerError, type SyncApi } from '$lib/client/api/sync';
import { showServerCopies } from './serverCopies';
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
 * `onProgress` hears the changes sent and each file's bytes as they move.
 */
export async function synchronize(
	target: WorkspaceDb,
	api: SyncApi,
	onProgress?: ProgressListener
): Promise<SyncReport> {
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
	const tracker = new ProgressTracker(onProgress, onProgress ? await countPendingChanges(target) : 0);
	await pushChanges(target, api, deviceId, report, tracker);
	await uploadAttachments(
		target,
		api,
		report,
		() => pushChanges(target, api, deviceId, report, tracker),
		tracker
	);
	await pullChanges(target, api, report, tracker);
	if (!report.storageFull) {
		report.downloaded = await whileSpaceLasts(report, () => downloadAttachments(target, api, tracker), 0);
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

/** Pushes batches until nothing more can go; resends from where the server stands after a gap. */
export async function pushChanges(
	target: WorkspaceDb,
	api: SyncApi,
	deviceId: string,
	report: SyncReport,
	tracker = new ProgressTracker()
): Promise<void> {
	let gaps = 0;
	for (;;) {
		try {
			return await pushQueue(target, api, deviceId, report, tracker);
		} catch (error) {
			// One renumbering settles any gap; a second one in a row means something else is wrong.
			if (!(error instanceof SequenceGapError) || gaps++ > 0) throw error;
			await renumberPendingChanges(target, error.expectedSeq);
		}
	}
}

/**
 * One push run over the outbox. Batches go one after another (a later one must never reach the
 * server first), but the device's own work overlaps the server's: while a batch is on its way, the
 * answer to the previous one is recorded and the next batch is read and numbered.
 */
async function pushQueue(
	target: WorkspaceDb,
	api: SyncApi,
	deviceId: string,
	report: SyncReport,
	tracker: ProgressTracker
) {
	const queue = new PushQueue(target);
	let batch = await nextBatch(queue, report);
	// Null when an answer could not be stored (full device): nothing more goes this time.
	let recording: Promise<number[] | null> = Promise.resolve([]);
	while (batch) {
		const sent = batch;
		const answer = api.push({ deviceId, changes: sent.changes });
		// Settled below; meanwhile a failure must not count as unhandled.
		answer.catch(() => undefined);
		try {
			const settled = await recording;
			if (settled !== null) assertSettled(settled);
			batch = settled !== null && sent.persisted ? await nextBatch(queue, report) : null;
		} catch (error) {
			await answer.catch(() => undefined);
			throw error;
		}
		const response = await answer;
		for (const result of response.results) {
			if (result.status === 'rejected') report.rejected += 1;
			else report.accepted += 1;
			report.conflicts += result.conflicts?.length ?? 0;
		}
		tracker.changesSent(response.results.length);
		// Numbers given in memory only (full device): the answer is not stored either. The changes stay
		// in the outbox and go again under the same numbers, which the server answers as duplicates.
		if (!sent.persisted) break;
		// Storing the answer is best-effort in the same way; then, where the server did not take a
		// change as sent, the device shows the server's copy.
		recording = whileSpaceLasts(
			report,
			() =>
				recordPushResults(target, response, sent.entryKeys).then(async (settled) => {
					await showServerCopies(target, sent.changes, response);
					return settled;
				}),
			null
		);
		// Awaited with the next batch; until then a failure must not count as unhandled either.
		recording.catch(() => undefined);
	}
	const settled = await recording;
	if (settled !== null) assertSettled(settled);
}

/**
 * The next batch of the queue. On a full device its numbers cannot be stored: from then on the queue
 * numbers in memory, the same way (the same entries get the same numbers until stored).
 */
async function nextBatch(queue: PushQueue, report: SyncReport) {
	try {
		return await queue.next();
	} catch (error) {
		if (!isQuotaExceeded(error) || !queue.persisted) throw error;
		report.storageFull = true;
		queue.keepInMemory();
		return queue.next();
	}
}

/** Every answer settles what it answers; a change left unanswered means the server skipped it. */
function assertSettled(unanswered: number[]): void {
	if (unanswered.length > 0) throw new Error('Der Server hat die Änderungen nicht bestätigt.');
}

/**
 * Uploads the files waiting changes cite, each on its own; after each, `afterEach` pushes the
 * changes that waited for it. A file the server refuses for good marks its changes as rejected.
 */
export async function uploadAttachments(
	target: WorkspaceDb,
	api: SyncApi,
	report: SyncReport,
	afterEach: () => Promise<void>,
	tracker = new ProgressTracker()
): Promise<void> {
	const files = await listAttachmentsToUpload(target);
	tracker.filesWaiting(
		'upload',
		files.map((f) => ({ sha256: f.sha256, name: f.fileName, size: f.size }))
	);
	for (const file of files) {
		tracker.started('upload', file.sha256);
		try {
			await uploadAttachment(target, api, file, (sent) => tracker.moved('upload', file.sha256, sent, null));
			report.uploaded += 1;
			tracker.done('upload', file.sha256);
		} catch (error) {
			// Sent, but the note that the server has it could not be stored: try again with space.
			if (isQuotaExceeded(error)) {
				report.storageFull = true;
				tracker.failed('upload', file.sha256, 'Auf dem Gerät ist kein Platz mehr.', true);
				return;
			}
			const retryable = !(error instanceof SyncServerError && error.permanent);
			tracker.failed('upload', file.sha256, failureReason(error), retryable);
			if (!(error instanceof SyncServerError)) throw error;
			report.failedUploads.push({ sha256: file.sha256, message: error.message });
			if (error.permanent) await rejectChangesCiting(target, file.sha256, error.message);
			continue;
		}
		await afterEach();
	}
}

/** Pulls and applies batches until the server has no more; from 0 again when a facility was added. */
export async function pullChanges(
	target: WorkspaceDb,
	api: SyncApi,
	report: SyncReport,
	tracker = new ProgressTracker()
): Promise<void> {
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
		tracker.received(applied);
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
