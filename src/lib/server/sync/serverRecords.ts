import type { Kysely } from 'kysely';
import type { SyncedTableName } from '$lib/domain/sync/tables';
import type { Database } from '$lib/server/db/schema';
import { claimRevisions, lockRecords } from './revisions';
import { saveRecords, type ServerRecord } from './store';
import { checkRecord } from './validation';

export interface NewServerRecord {
	table: SyncedTableName;
	record: Record<string, unknown> & { id: string; facilityId: string };
}

/**
 * Creates records on the server's own account (demo data, imports), with revisions like any pushed
 * change, so every device pulls them. Throws on a record its table's schema refuses.
 */
export async function createServerRecords(
	trx: Kysely<Database>,
	entries: NewServerRecord[],
	writer = 'server'
): Promise<void> {
	const db = trx;
	const checked = entries.map(({ table, record }) => {
		const result = checkRecord(table, record);
		if (!result.ok) throw new Error(`${table} ${record.id}: ${result.reason}`);
		return { table, record: result.record, facilityId: record.facilityId, recordId: record.id };
	});
	await lockRecords(db, checked);
	// Last before writing: the counter stays taken until the commit (see revisions.ts).
	const base = await claimRevisions(db, checked.length);
	const records: ServerRecord[] = checked.map(({ table, record, facilityId, recordId }, i) => {
		const revision = base + i + 1;
		const fields = Object.keys(record);
		return {
			table,
			recordId,
			facilityId,
			record,
			revision,
			fieldRevisions: Object.fromEntries(fields.map((f) => [f, revision])),
			fieldWriters: Object.fromEntries(fields.map((f) => [f, writer])),
			deleted: record.deleted === true
		};
	});
	await saveRecords(db, records);
}
