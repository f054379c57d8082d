import { isSyncedTable, syncedTable, syncedTableNames } from '$lib/client/db/changes';
import { nowIso } from '$lib/client/db/ids';
import type { OutboxEntry, WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import { citedAttachments } from '$lib/domain/sync/attachments';
import { MAX_PUSH_BATCH, type ClientChange, type PushResponse } from '$lib/domain/sync/protocol';
import { readNumber, SYNC_META_KEYS, writeMeta } from './syncMeta';

/** An outbox entry as read back: stored entries always have their `seq`. */
export type StoredOutboxEntry = OutboxEntry & { seq: number };

export function isPending(entry: OutboxEntry): boolean {
	return entry.status !== 'rejected';
}

/** The fields a change touched, with the record's values for them (a missing field is left out). */
export function pickValues(
	record: Record<string, unknown> | undefined,
	fields: string[]
): Record<string, unknown> {
	const values: Record<string, unknown> = {};
	if (!record) return values;
	for (const field of fields) if (record[field] !== undefined) values[field] = record[field];
	return values;
}

async function currentValues(target: WorkspaceDb, entry: OutboxEntry): Promise<Record<string, unknown>> {
	if (!isSyncedTable(entry.table)) return {};
	return pickValues(await syncedTable(target, entry.table).get(entry.recordId), entry.fields);
}

/** Every table a sync transaction over the outbox may have to read or write. */
export function syncScope(target: WorkspaceDb) {
	return [
		target.outbox,
		target.meta,
		target.syncRevisions,
		target.uploadedAttachments,
		target.attachments,
		...syncedTableNames.map((name) => syncedTable(target, name))
	];
}

/**
 * The changes to push next, in order, at most `limit`. A change is fixed (values, base revision,
 * push sequence number) the first time it is listed and then resent unchanged until the server
 * answers. A change citing a file the server does not have yet waits, and with it the later changes
 * of the same record; other records' changes go ahead, so one large file holds nothing else back.
 */
export async function listClientChanges(
	target: WorkspaceDb,
	limit = MAX_PUSH_BATCH,
	{ persist = true }: { persist?: boolean } = {}
): Promise<ClientChange[]> {
	// `persist: false` (a full device) fixes the same numbers in memory only; see `pushChanges`.
	return target.transaction(persist ? 'rw' : 'r', syncScope(target), async () => {
		const pending = (await target.outbox.orderBy('seq').toArray()).filter(isPending) as StoredOutboxEntry[];
		const uploaded = new Set(await target.uploadedAttachments.toCollection().primaryKeys());
		const waiting = new Set<string>();
		const listed: StoredOutboxEntry[] = [];
		let lastPushSeq = await readNumber(target, SYNC_META_KEYS.lastPushSeq);
		for (const entry of pending) {
			if (entry.pushSeq !== undefined) continue;
			const key = `${entry.table}\u0000${entry.recordId}`;
			if (waiting.has(key)) continue;
			const values = entry.values ?? (await currentValues(target, entry));
			if (await waitsForUpload(target, values, uploaded)) {
				waiting.add(key);
				continue;
			}
			const baseRevision =
				entry.baseRevision ?? (await target.syncRevisions.get([entry.table, entry.recordId]))?.revision ?? 0;
			lastPushSeq += 1;
			Object.assign(entry, { values, baseRevision, pushSeq: lastPushSeq });
			listed.push(entry);
		}
		// One write for all (after a backup import, a thousand). The reads above stay one after
		// another: asked for all at once (bulkGet or many gets in parallel), Chromium took 5 s here.
		if (persist) {
			await target.outbox.bulkPut(listed);
			await writeMeta(target, SYNC_META_KEYS.lastPushSeq, lastPushSeq);
		}
		return pending
			.filter((entry) => entry.pushSeq !== undefined)
			.sort((a, b) => a.pushSeq! - b.pushSeq!)
			.slice(0, limit)
			.map(toClientChange);
	});
}

/** Cites a file that is on this device but not confirmed by the server: upload it first. */
async function waitsForUpload(
	target: WorkspaceDb,
	values: Record<string, unknown>,
	uploaded: Set<string>
): Promise<boolean> {
	for (const file of citedAttachments(values)) {
		if (uploaded.has(file.sha256)) continue;
		// Without local bytes there is nothing to upload: send the change, and the server says
		// whether it has the file (from another device) or rejects the change with the reason.
		if ((await target.attachments.where('sha256').equals(file.sha256).count()) > 0) return true;
	}
	return false;
}

function toClientChange(entry: StoredOutboxEntry): ClientChange {
	return {
		seq: entry.pushSeq!,
		table: entry.table,
		recordId: entry.recordId,
		op: entry.op,
		values: entry.values ?? {},
		baseRevision: entry.baseRevision ?? 0,
		changedAt: entry.createdAt
	};
}

/**
 * Applies the server's answer: accepted and duplicate changes leave the outbox; rejected ones
 * stay, marked with the reason, and are not sent again.
 */
export async function recordPushResults(target: WorkspaceDb, response: PushResponse): Promise<void> {
	await target.transaction('rw', target.outbox, async () => {
		const bySeq = new Map(response.results.map((r) => [r.seq, r]));
		const sent = await target.outbox.filter((e) => e.pushSeq !== undefined && bySeq.has(e.pushSeq)).toArray();
		const at = nowIso();
		for (const entry of sent as StoredOutboxEntry[]) {
			const result = bySeq.get(entry.pushSeq!)!;
			if (result.status === 'rejected') {
				await target.outbox.update(entry.seq, {
					status: 'rejected',
					rejection: { code: result.code ?? 'validation', reason: result.reason ?? 'Abgelehnt.', at }
				});
			} else await target.outbox.delete(entry.seq);
		}
	});
}

/**
 * After the server refused a gap: it has lost changes this device sent before (say, restored from
 * a backup). Those are gone from the outbox, so the pending changes are numbered again from where
 * the server stands, and sync goes on.
 */
export async function renumberPendingChanges(target: WorkspaceDb, expectedSeq: number): Promise<void> {
	await target.transaction('rw', target.outbox, target.meta, async () => {
		const numbered = (
			await target.outbox.filter((e) => isPending(e) && e.pushSeq !== undefined).toArray()
		).sort((a, b) => a.pushSeq! - b.pushSeq!);
		let next = expectedSeq;
		for (const entry of numbered) await target.outbox.update(entry.seq!, { pushSeq: next++ });
		await writeMeta(target, SYNC_META_KEYS.lastPushSeq, next - 1);
	});
}

/**
 * Marks the waiting changes citing a file the server refused (wrong type, too large) as rejected
 * with its reason: they could never be sent, and the user must see why.
 */
export async function rejectChangesCiting(
	target: WorkspaceDb,
	sha256: string,
	reason: string
): Promise<void> {
	await target.transaction('rw', syncScope(target), async () => {
		const waiting = (await target.outbox.toArray()).filter(
			(e) => isPending(e) && e.pushSeq === undefined
		) as StoredOutboxEntry[];
		const at = nowIso();
		for (const entry of waiting) {
			const values = entry.values ?? (await currentValues(target, entry));
			if (!citedAttachments(values).some((f) => f.sha256 === sha256)) continue;
			await target.outbox.update(entry.seq, {
				values,
				status: 'rejected',
				rejection: { code: 'upload_refused', reason, at }
			});
		}
	});
}

export async function countPendingChanges(target: WorkspaceDb): Promise<number> {
	return target.outbox.filter(isPending).count();
}
