import { isSyncedTable, syncedTable, type SyncedTableName } from '$lib/client/db/changes';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import type { RecordBase } from '$lib/domain/records';
import { citedAttachments } from '$lib/domain/sync/attachments';
import { overlayPendingChanges } from '$lib/domain/sync/merge';
import type { PulledRecord, PullResponse } from '$lib/domain/sync/protocol';
import { isPending, pickValues, syncScope, type StoredOutboxEntry } from './outbox';
import { readStrings, SYNC_META_KEYS, writeMeta } from './syncMeta';

/**
 * Stores a pulled batch and moves the cursor in ONE transaction: if the tab dies halfway, neither
 * happened and the batch is pulled again; never a moved cursor with records missing. The records
 * go straight into their tables, so a pulled record never makes an outbox entry. Changes still
 * pending on this device are laid on top, so a pull never hides an edit not yet on the server.
 * Writes are bulk per table: a fresh tablet pulls thousands of records.
 */
export async function applyServerChanges(target: WorkspaceDb, batch: PullResponse): Promise<number> {
	return target.transaction('rw', syncScope(target), async () => {
		const pending = await pendingByRecord(target);
		const wanted = new Set(await readStrings(target, SYNC_META_KEYS.wantedAttachments));
		const byTable = new Map<SyncedTableName, Record<string, unknown>[]>();
		const known: PulledRecord[] = [];
		for (const pulled of batch.records) {
			// A table this version of the app does not know yet (a newer server): nothing to show it in.
			if (!isSyncedTable(pulled.table)) continue;
			const entries = pending.get(`${pulled.table}\u0000${pulled.recordId}`) ?? [];
			if (entries.length > 0) await fixPendingChanges(target, pulled, entries);
			const record = overlayPendingChanges(
				{ ...pulled.record, deleted: pulled.deleted },
				entries.map((entry) => ({ op: entry.op, values: entry.values ?? {} }))
			);
			if (!byTable.has(pulled.table)) byTable.set(pulled.table, []);
			byTable.get(pulled.table)!.push(record);
			known.push(pulled);
			if (!pulled.deleted) for (const file of citedAttachments(pulled.record)) wanted.add(file.sha256);
		}
		for (const [table, records] of byTable) {
			await syncedTable(target, table).bulkPut(records as (RecordBase & Record<string, unknown>)[]);
		}
		await target.syncRevisions.bulkPut(
			known.map((p) => ({ table: p.table, recordId: p.recordId, revision: p.revision }))
		);
		await writeMeta(target, SYNC_META_KEYS.wantedAttachments, [...wanted]);
		await writeMeta(target, SYNC_META_KEYS.cursor, batch.cursor);
		return known.length;
	});
}

/** Pending outbox entries by record, in the order they were made. */
export async function pendingByRecord(target: WorkspaceDb): Promise<Map<string, StoredOutboxEntry[]>> {
	const byRecord = new Map<string, StoredOutboxEntry[]>();
	for (const entry of (await target.outbox.orderBy('seq').toArray()) as StoredOutboxEntry[]) {
		if (!isPending(entry)) continue;
		const key = `${entry.table}\u0000${entry.recordId}`;
		if (!byRecord.has(key)) byRecord.set(key, []);
		byRecord.get(key)!.push(entry);
	}
	return byRecord;
}

/**
 * Fixes each pending change to what it was made on before the pull replaces the record: its values
 * (from the local record) and its base revision (the one it was edited at).
 */
export async function fixPendingChanges(
	target: WorkspaceDb,
	pulled: PulledRecord,
	entries: StoredOutboxEntry[]
) {
	if (entries.every((e) => e.values !== undefined && e.baseRevision !== undefined)) return;
	const local = await syncedTable(target, pulled.table as SyncedTableName).get(pulled.recordId);
	const baseRevision = (await target.syncRevisions.get([pulled.table, pulled.recordId]))?.revision ?? 0;
	for (const entry of entries) {
		entry.values ??= pickValues(local, entry.fields);
		entry.baseRevision ??= baseRevision;
		await target.outbox.put(entry);
	}
}
