import type { Table } from 'dexie';
import type { RecordBase } from '$lib/domain/records';
import type { SyncedTableName } from '$lib/domain/sync/tables';
import { nowIso } from './ids';
import type { OutboxEntry, WorkspaceDb } from './WorkspaceDb';

/**
 * Plain access to the synced tables, without validation and so without zod: the first start writes
 * its default facility through here before the Übersicht shows. Validated writes go through
 * `changes.ts`, which re-exports these.
 */

export type AnyRecord = RecordBase & Record<string, unknown>;

/** The table as the db's own property (the object tests spy on; `db.table(name)` is another one). */
export function syncedTable(target: WorkspaceDb, table: SyncedTableName): Table<AnyRecord, string> {
	return (target as unknown as Record<SyncedTableName, Table<AnyRecord, string>>)[table];
}

/**
 * Writes a record and its outbox entry. Must run inside a rw transaction over the table and the
 * outbox, which is what makes "record without change entry" (or the reverse) impossible.
 */
export async function writeRecordAndChange(
	target: WorkspaceDb,
	table: SyncedTableName,
	record: RecordBase,
	op: OutboxEntry['op'],
	fields: string[]
): Promise<void> {
	await syncedTable(target, table).put(record);
	await target.outbox.add({ table, recordId: record.id, op, fields, createdAt: nowIso() });
}
