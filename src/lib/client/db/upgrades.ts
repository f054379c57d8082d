import type { Transaction } from 'dexie';

/**
 * Upgrade steps of the workspace database. Each step is frozen in time: it names tables and fields
 * as they were at its version and never calls today's schemas, so an old device upgrades exactly as
 * it would have back then. Upgrades only fill in; they never drop a record.
 */

/**
 * v2: version 1 accepted records written without the defaulted base fields (`deleted` was optional
 * on input), and a record without `updatedAt` would be missing from the new `updatedAt` index.
 */
export async function backfillRecordBase(tx: Transaction, tables: string[]): Promise<void> {
	for (const name of tables) {
		await tx
			.table(name)
			.toCollection()
			.modify((record: Record<string, unknown>) => {
				if (typeof record.deleted !== 'boolean') record.deleted = false;
				if (typeof record.updatedAt !== 'string' && typeof record.createdAt === 'string') {
					record.updatedAt = record.createdAt;
				}
				if (typeof record.updatedBy !== 'string') record.updatedBy = '';
			});
	}
}
