import { asSyncDb, type WithSyncTables } from './schema';

/**
 * Takes the server-wide revision counter for the rest of the transaction and returns its value.
 * An UPDATE locks the row on PostgreSQL and takes SQLite's write lock, so pushes run one after the
 * other: revisions are committed in order, and a pull by cursor never skips a change that commits
 * later with a lower revision.
 */
export async function lockRevisionCounter(trx: WithSyncTables): Promise<number> {
	const row = await asSyncDb(trx)
		.updateTable('sync_revision_counter')
		.set((eb) => ({ value: eb.ref('value') }))
		.where('id', '=', 1)
		.returning('value')
		.executeTakeFirstOrThrow();
	return Number(row.value);
}

export async function saveRevisionCounter(trx: WithSyncTables, value: number): Promise<void> {
	await asSyncDb(trx).updateTable('sync_revision_counter').set({ value }).where('id', '=', 1).execute();
}

/** Hands out revisions within one locked transaction. */
export class RevisionCounter {
	constructor(private current: number) {}

	next(): number {
		this.current += 1;
		return this.current;
	}

	get value(): number {
		return this.current;
	}
}
