import {
	putRecord,
	softDeleteRecord,
	updateRecord,
	type SyncedRecord,
	type SyncedRecordInput
} from '$lib/client/db/changes';
import { db } from '$lib/client/db';
import { newId } from '$lib/client/db/ids';
import { syncedTable } from '$lib/client/db/syncedRecords';
import type { RecordBase } from '$lib/domain/records';
import type { RegisterTableName } from '$lib/domain/registers/tables';

/** What a register form hands in: the record without its bookkeeping. */
export type RegisterFields<T extends RegisterTableName> = Omit<SyncedRecordInput<T>, keyof RecordBase>;

/**
 * Add, change and delete for one register table. Every write goes through `putRecord` /
 * `updateRecord` / `softDeleteRecord`, so it is checked against the register's schema (German
 * messages in a `RecordValidationError`) and records its outbox entry in the same transaction.
 */
export function registerEntries<T extends RegisterTableName>(table: T) {
	return {
		add(facilityId: string, fields: RegisterFields<T>): Promise<SyncedRecord<T>> {
			return putRecord(table, { ...fields, id: newId(), facilityId } as SyncedRecordInput<T>);
		},
		update(id: string, fields: Partial<RegisterFields<T>>): Promise<SyncedRecord<T>> {
			return updateRecord(table, id, fields as Partial<SyncedRecordInput<T>>);
		},
		/**
		 * Deletes the entry and, in the same transaction, the citations of it: a deleted course or
		 * agreement no longer proves a criterion, so the criterion counts as „ohne Nachweis“ again.
		 */
		remove(id: string): Promise<SyncedRecord<T>> {
			const target = db;
			const stores = [syncedTable(target, table), target.registerCitations, target.outbox, target.meta];
			return target.transaction('rw', stores, async () => {
				const removed = await softDeleteRecord(table, id);
				const citing = await target.registerCitations
					.where('facilityId')
					.equals(removed.facilityId)
					.filter((c) => c.entryId === id && c.registerTable === table && !c.deleted)
					.toArray();
				for (const citation of citing) await softDeleteRecord('registerCitations', citation.id);
				return removed;
			});
		}
	};
}
