import type { CompiledQuery, Kysely } from 'kysely';
import type { StoredRecordState } from '$lib/domain/sync/merge';
import { runInOrder } from '$lib/server/db/throughput/batchedTransaction';
import { realFieldRevisions, realRevision } from './revisions';
import type { Database, SyncRecordsTable } from '$lib/server/db/schema';

/** A synced record as the server holds it, with its owner. */
export interface ServerRecord extends StoredRecordState {
	table: string;
	recordId: string;
	facilityId: string;
}

export function recordKey(table: string, recordId: string): string {
	return `${table}\u0000${recordId}`;
}

export function fromRow(row: SyncRecordsTable): ServerRecord {
	return {
		table: row.table_name,
		recordId: row.record_id,
		facilityId: row.facility_id,
		record: JSON.parse(row.data) as Record<string, unknown>,
		revision: Number(row.revision),
		fieldRevisions: JSON.parse(row.field_revisions) as Record<string, number>,
		fieldWriters: JSON.parse(row.field_writers) as Record<string, string>,
		deleted: row.deleted === 1
	};
}

function toRow(record: ServerRecord): SyncRecordsTable {
	return {
		table_name: record.table,
		record_id: record.recordId,
		facility_id: record.facilityId,
		data: JSON.stringify(record.record),
		revision: record.revision,
		field_revisions: JSON.stringify(record.fieldRevisions),
		field_writers: JSON.stringify(record.fieldWriters),
		deleted: record.deleted ? 1 : 0
	};
}

/** Loads the stored records among `keys` (table, id), keyed by `recordKey`. */
export async function loadRecords(
	db: Kysely<Database>,
	keys: { table: string; recordId: string }[]
): Promise<Map<string, ServerRecord>> {
	return recordsByKey(await runInOrder(db, loadRecordsStatements(db, keys)));
}

/** `loadRecords` as statements for a batch; `recordsByKey` reads their rows. */
export function loadRecordsStatements(
	db: Kysely<Database>,
	keys: { table: string; recordId: string }[]
): CompiledQuery[] {
	const byTable = new Map<string, Set<string>>();
	for (const { table, recordId } of keys) {
		if (!byTable.has(table)) byTable.set(table, new Set());
		byTable.get(table)!.add(recordId);
	}
	const statements: CompiledQuery[] = [];
	for (const [table, ids] of byTable) {
		const all = [...ids];
		for (let i = 0; i < all.length; i += CHUNK) {
			statements.push(
				db
					.selectFrom('sync_records')
					.selectAll()
					.where('table_name', '=', table)
					.where('record_id', 'in', all.slice(i, i + CHUNK))
					.compile()
			);
		}
	}
	return statements;
}

export function recordsByKey(rowsOfStatements: readonly unknown[][]): Map<string, ServerRecord> {
	const loaded = new Map<string, ServerRecord>();
	for (const row of rowsOfStatements.flat() as SyncRecordsTable[]) {
		loaded.set(recordKey(row.table_name, row.record_id), fromRow(row));
	}
	return loaded;
}

// Well below SQLite's and PostgreSQL's limits on bound parameters per statement.
const CHUNK = 200;

/** Inserts or replaces records (the owner is never changed once set: see the merge rules). */
export async function saveRecords(db: Kysely<Database>, records: Iterable<ServerRecord>): Promise<void> {
	await runInOrder(db, saveRecordsStatements(db, records));
}

/**
 * `saveRecords` as statements for a batch. With `claimedCount`, they follow
 * `claimRevisionsStatement(claimedCount)` and write the records' provisional revisions as real ones.
 */
export function saveRecordsStatements(
	db: Kysely<Database>,
	records: Iterable<ServerRecord>,
	claimedCount?: number
): CompiledQuery[] {
	const rows = [...records].map((record) => {
		const row = toRow(record);
		if (claimedCount === undefined) return row;
		return {
			...row,
			revision: realRevision(record.revision, claimedCount),
			field_revisions: realFieldRevisions(db, record.fieldRevisions, claimedCount, row.field_revisions)
		};
	});
	const statements: CompiledQuery[] = [];
	for (let i = 0; i < rows.length; i += CHUNK) {
		statements.push(
			db
				.insertInto('sync_records')
				.values(rows.slice(i, i + CHUNK))
				.onConflict((oc) =>
					oc.columns(['table_name', 'record_id']).doUpdateSet((eb) => ({
						data: eb.ref('excluded.data'),
						revision: eb.ref('excluded.revision'),
						field_revisions: eb.ref('excluded.field_revisions'),
						field_writers: eb.ref('excluded.field_writers'),
						deleted: eb.ref('excluded.deleted')
					}))
				)
				.compile()
		);
	}
	return statements;
}
