import type { Kysely } from 'kysely';
import { citedAttachments } from '$lib/domain/sync/attachments';
import type { SyncedTableName } from '$lib/domain/sync/tables';
import type { DatabaseSchema } from '../db/schema';
import { lockRevisionCounter, RevisionCounter, saveRevisionCounter } from './revisions';
import { syncDb } from './schema';
import { saveCitations, saveRecords, type ServerRecord } from './store';
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
	trx: Kysely<DatabaseSchema>,
	entries: NewServerRecord[],
	writer = 'server'
): Promise<void> {
	const db = syncDb(trx);
	const counter = new RevisionCounter(await lockRevisionCounter(db));
	const records: ServerRecord[] = entries.map(({ table, record }) => {
		const checked = checkRecord(table, record);
		if (!checked.ok) throw new Error(`${table} ${record.id}: ${checked.reason}`);
		const revision = counter.next();
		const fields = Object.keys(checked.record);
		return {
			table,
			recordId: record.id,
			facilityId: record.facilityId,
			record: checked.record,
			revision,
			fieldRevisions: Object.fromEntries(fields.map((f) => [f, revision])),
			fieldWriters: Object.fromEntries(fields.map((f) => [f, writer])),
			deleted: checked.record.deleted === true
		};
	});
	await saveRecords(db, records);
	await saveCitations(
		db,
		records.flatMap((r) =>
			citedAttachments(r.record).map((f) => ({ sha256: f.sha256, facilityId: r.facilityId }))
		)
	);
	await saveRevisionCounter(db, counter.value);
}
