import { db } from '$lib/client/db';
import { nowIso } from '$lib/client/db/ids';
import type { OutboxEntry, WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import { isSyncedTable, syncedTable, validateRecord } from '$lib/client/db/changes';
import { syncScope, type StoredOutboxEntry } from './outbox';

export interface RejectedChangeView {
	entry: StoredOutboxEntry;
	/** The record as this device has it now, to name it. */
	record: Record<string, unknown> | undefined;
}

/** Changes the server refused, newest first; they stay until the user dismisses them. */
export async function readRejectedChanges(target: WorkspaceDb = db): Promise<StoredOutboxEntry[]> {
	const rejected = await target.outbox.filter((e) => e.status === 'rejected').toArray();
	return (rejected as StoredOutboxEntry[]).sort((a, b) => b.seq - a.seq);
}

/** Rejected changes with the records they are about, for the list. */
export async function readRejectedChangeViews(target: WorkspaceDb = db): Promise<RejectedChangeView[]> {
	const entries = await readRejectedChanges(target);
	return Promise.all(
		entries.map(async (entry) => ({
			entry,
			record: isSyncedTable(entry.table)
				? await syncedTable(target, entry.table).get(entry.recordId)
				: undefined
		}))
	);
}

/** The user has read the reason and lets the change go. */
export async function dismissRejectedChange(seq: number, target: WorkspaceDb = db): Promise<void> {
	await target.outbox.delete(seq);
}

/**
 * Sends a refused change again (say, after an account got write access), as a new change at the
 * end of the queue with the same values and base revision: the server counted the old one as done.
 * After the refusal the device showed the server's record; now it shows the change again, pending.
 */
export async function resendRejectedChange(seq: number, target: WorkspaceDb = db): Promise<void> {
	await target.transaction('rw', syncScope(target), async () => {
		const entry = await target.outbox.get(seq);
		if (!entry || entry.status !== 'rejected') return;
		const again: OutboxEntry = {
			table: entry.table,
			recordId: entry.recordId,
			op: entry.op,
			fields: entry.fields,
			values: entry.values,
			baseRevision: entry.baseRevision,
			createdAt: nowIso()
		};
		await target.outbox.delete(seq);
		await target.outbox.add(again);
		await showChangeAgain(target, entry);
	});
}

async function showChangeAgain(target: WorkspaceDb, entry: OutboxEntry): Promise<void> {
	if (!isSyncedTable(entry.table) || !entry.values) return;
	const table = syncedTable(target, entry.table);
	const local = await table.get(entry.recordId);
	const draft = { ...local, ...entry.values, ...(entry.op === 'delete' ? { deleted: true } : {}) };
	try {
		await table.put(validateRecord(entry.table, draft));
	} catch {
		// Values that no longer make a whole record (the record is gone here): the change is still
		// sent, and the server's answer decides what this device shows.
	}
}
