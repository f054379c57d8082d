import { PostgresAdapter, sql, type CompiledQuery, type Kysely, type RawBuilder } from 'kysely';
import { runInOrder } from '$lib/server/db/throughput/batchedTransaction';
import { compiledOnce } from '$lib/server/db/throughput/compiledOnce';
import type { Database } from '$lib/server/db/schema';

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
 *
 * A push sends steps 3 and 4 and the commit in one batch (db/batchedTransaction.ts), so the counter
 * is held only while the database runs them: its records are written with SQL that turns the
 * provisional revisions into real ones from the claimed counter (`realRevision`, `realFieldRevisions`).
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
export async function claimRevisions(trx: Kysely<Database>, count: number): Promise<number> {
	const { rows } = await trx.executeQuery(claimRevisionsStatement(trx, count));
	return claimedBase(rows, count);
}

/** `claimRevisions` as a statement for a batch; its rows give the base through `claimedBase`. */
export const claimRevisionsStatement: (db: Kysely<Database>, count: number) => CompiledQuery = compiledOnce(
	(db: Kysely<Database>, count: number) =>
		db
			.updateTable('sync_revision_counter')
			.set((eb) => ({ value: eb('value', '+', count) }))
			.where('id', '=', 1)
			.returning('value')
);

export function claimedBase(rows: readonly unknown[], count: number): number {
	const row = rows[0] as { value: number | string } | undefined;
	if (!row) throw new Error('The revision counter is missing.');
	return Number(row.value) - count;
}

/**
 * SQL for the real revision of a provisional one, in a statement after `claimRevisionsStatement(count)`
 * in the same transaction: the counter then holds the transaction's last revision.
 */
export function realRevision(revision: number, count: number): RawBuilder<number> {
	if (revision <= PROVISIONAL_BASE) return sql<number>`${revision}`;
	return sql<number>`(${currentCounter} - ${count - (revision - PROVISIONAL_BASE)})`;
}

/**
 * SQL for a JSON object of field revisions (`{ field: revision }`, as text) with its provisional
 * revisions made real, like `realRevision`.
 */
export function realFieldRevisions(
	db: Kysely<Database>,
	fieldRevisions: Record<string, number>,
	count: number,
	json = JSON.stringify(fieldRevisions)
): RawBuilder<string> {
	if (Object.values(fieldRevisions).every((revision) => revision <= PROVISIONAL_BASE)) {
		return sql<string>`${json}`;
	}
	// real = base + (revision - PROVISIONAL_BASE), where base = counter - count
	const shift = sql`${currentCounter} - ${count + PROVISIONAL_BASE}`;
	if (isPostgres(db)) {
		return sql<string>`(select coalesce(jsonb_object_agg(key, case when value::bigint > ${PROVISIONAL_BASE}
			then value::bigint + ${shift} else value::bigint end), '{}'::jsonb)::text
			from jsonb_each_text(${json}::jsonb))`;
	}
	return sql<string>`(select coalesce(json_group_object(key, case when value > ${PROVISIONAL_BASE}
		then value + ${shift} else value end), '{}') from json_each(${json}))`;
}

const currentCounter = sql<number>`(select value from sync_revision_counter where id = 1)`;

function isPostgres(db: Kysely<Database>): boolean {
	return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Locks records by (table, id) until the transaction ends, existing or not yet created, so two
 * transactions never merge into the same record at once (on PostgreSQL, transaction-scoped advisory
 * locks taken in sorted order, so two writers never deadlock). SQLite runs one write transaction at
 * a time, so there is nothing to lock.
 */
export async function lockRecords(
	trx: Kysely<Database>,
	keys: Iterable<{ table: string; recordId: string }>
): Promise<void> {
	await runInOrder(trx, lockRecordsStatements(trx, keys));
}

/**
 * `lockRecords` as statements for a batch (none on SQLite, or when there is nothing to lock).
 *
 * A conflict record is written by pushes that clash on its record (holding that record's lock) and
 * by the Leitung's resolution; so a change of a conflict record must also lock the record it is
 * about, and a resolution never overwrites a clash stored at the same moment: pass those records
 * too (`conflictSubjects`).
 */
export function lockRecordsStatements(
	db: Kysely<Database>,
	keys: Iterable<{ table: string; recordId: string }>
): CompiledQuery[] {
	if (!isPostgres(db)) return [];
	const names = [...new Set([...keys].map((k) => `${k.table}:${k.recordId}`))].sort();
	if (names.length === 0) return [];
	return [
		sql`select pg_advisory_xact_lock(h) from (
		select hashtextextended(name, 0) as h from unnest(${names}::text[]) as name order by 1
	) as sorted`.compile(db)
	];
}

/**
 * On PostgreSQL, reads the conflict records among `keys`, for `conflictSubjects`; null when there
 * is nothing to read. Read before the locks are taken: a conflict's table and record never change
 * (its id is made from them), and a device can only resolve a conflict that existed when it pulled.
 */
export function conflictRecordsStatement(
	db: Kysely<Database>,
	keys: Iterable<{ table: string; recordId: string }>
): CompiledQuery | null {
	if (!isPostgres(db)) return null;
	const ids = [...new Set([...keys].filter((k) => k.table === 'syncConflicts').map((k) => k.recordId))];
	if (ids.length === 0) return null;
	return db
		.selectFrom('sync_records')
		.select('data')
		.where('table_name', '=', 'syncConflicts')
		.where('record_id', 'in', ids)
		.compile();
}

/**
 * The records the conflicts read by `conflictRecordsStatement` are about. Parsed here, not in SQL:
 * PostgreSQL's JSON refuses values a record may hold (NUL, half of an emoji), which would make the
 * conflict impossible to resolve.
 */
export function conflictSubjects(rows: readonly unknown[]): { table: string; recordId: string }[] {
	return rows.flatMap((row) => {
		try {
			const data = JSON.parse((row as { data: string }).data) as { table?: unknown; recordId?: unknown };
			return typeof data.table === 'string' && typeof data.recordId === 'string'
				? [{ table: data.table, recordId: data.recordId }]
				: [];
		} catch {
			return [];
		}
	});
}
