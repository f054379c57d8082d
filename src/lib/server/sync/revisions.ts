import { PostgresAdapter, sql } from 'kysely';
import { asSyncDb, type WithSyncTables } from './schema';

/**
 * How writers of synced records keep revisions in commit order (see docs/sync.md, "Revisions"):
 *
 * 1. `lockRecords` the records they will read and write, so no other writer changes them in between;
 * 2. read and merge, numbering their changes with a `RevisionCounter` of provisional revisions;
 * 3. `claimRevisions` as the last step before writing the records: it takes the server-wide counter
 *    (an UPDATE locks its row on PostgreSQL; SQLite has one writer anyway) until the commit;
 * 4. write the records with the provisional revisions replaced by real ones (`resolve`), and commit.
 *
 * Revisions are therefore committed in order, and a pull by cursor never skips a change that commits
 * later with a lower revision; yet the counter is held only for the final write and the commit, not
 * for the reads and merges before, so concurrent pushes of different records hardly wait.
 */

/** Provisional revisions are above any real one, so merges order them after everything stored. */
const PROVISIONAL_BASE = 2 ** 40;

/** Hands out provisional revisions within one transaction, in the order of its changes. */
export class RevisionCounter {
	private current = PROVISIONAL_BASE;

	next(): number {
		this.current += 1;
		return this.current;
	}

	/** The last revision handed out (or the base, when none was). */
	get value(): number {
		return this.current;
	}

	/** How many revisions were handed out. */
	get count(): number {
		return this.current - PROVISIONAL_BASE;
	}

	/** The real revision for one handed out, once `claimRevisions` gave the first real one minus one. */
	static resolve(revision: number, claimedBase: number): number {
		return revision > PROVISIONAL_BASE ? revision - PROVISIONAL_BASE + claimedBase : revision;
	}
}

/**
 * Takes the revision counter for the rest of the transaction and reserves `count` revisions: the
 * transaction's revisions are `base + 1 … base + count`. Returns `base`.
 */
export async function claimRevisions(trx: WithSyncTables, count: number): Promise<number> {
	const row = await asSyncDb(trx)
		.updateTable('sync_revision_counter')
		.set((eb) => ({ value: eb('value', '+', count) }))
		.where('id', '=', 1)
		.returning('value')
		.executeTakeFirstOrThrow();
	return Number(row.value) - count;
}

/**
 * Locks records by (table, id) until the transaction ends, existing or not yet created, so two
 * transactions never merge into the same record at once (on PostgreSQL, transaction-scoped advisory
 * locks taken in sorted order, so two writers never deadlock). SQLite runs one write transaction at
 * a time, so there is nothing to lock.
 */
export async function lockRecords(
	trx: WithSyncTables,
	keys: Iterable<{ table: string; recordId: string }>
): Promise<void> {
	if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return;
	const names = [...new Set([...keys].map((k) => `${k.table}:${k.recordId}`))].sort();
	if (names.length === 0) return;
	await sql`select pg_advisory_xact_lock(h) from (
		select hashtextextended(name, 0) as h from unnest(${names}::text[]) as name order by 1
	) as sorted`.execute(trx);
}
