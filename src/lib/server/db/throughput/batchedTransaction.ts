import type { CompiledQuery, Kysely } from 'kysely';
import type pg from 'pg';
import { preparedOnce, socketOf } from './sharedConnections';

export type Row = Record<string, unknown>;

/**
 * A transaction whose statements are sent in batches. On PostgreSQL a batch goes to the server in
 * one write and runs there in order without waiting for this process in between (pg's pipeline
 * mode), so a batch costs one round trip however many statements it holds; `commit` sends its
 * statements together with COMMIT, so locks they take are held only while the database runs them,
 * never while this busy process gets round to sending the next statement. On SQLite, which runs in
 * this process, the statements simply run one after another.
 *
 * A statement sees what the statements before it wrote. Work that returns without `commit` is
 * rolled back, as is work that throws.
 */
export interface BatchedTransaction {
	/** Runs the statements in order; resolves with each one's rows, or rejects with the first error. */
	run(statements: readonly CompiledQuery[]): Promise<Row[][]>;
	/** Runs the statements in order and commits; nothing can be run after it. */
	commit(statements: readonly CompiledQuery[]): Promise<Row[][]>;
}

export type InBatchedTransaction = <T>(work: (tx: BatchedTransaction) => Promise<T>) => Promise<T>;

/**
 * PostgreSQL: the pool's clients must be in pipeline mode (`pipeline: true`), so `client.query`
 * sends at once instead of after the previous answer. BEGIN goes with the first batch.
 */
export function pipelinedTransactions(pool: pg.Pool): InBatchedTransaction {
	return async (work) => {
		const client = await pool.connect();
		let begun = false;
		let ended = false;
		/** Set when the connection's state is unknown, so the pool drops it instead of reusing it. */
		let broken: Error | undefined;

		const send = async (statements: readonly CompiledQuery[], commit: boolean): Promise<Row[][]> => {
			if (ended) throw new Error('The transaction has already ended.');
			const replies: Promise<pg.QueryResult>[] = [];
			// pg writes each query on its own; corking the socket makes the batch one write.
			const socket = socketOf(client);
			socket?.cork();
			try {
				if (!begun) replies.push(client.query('BEGIN'));
				begun = true;
				for (const statement of statements) {
					replies.push(client.query(preparedOnce(client, statement.sql, [...statement.parameters])));
				}
				// After a failed statement PostgreSQL answers this COMMIT with a rollback, so a batch that
				// fails anywhere leaves nothing behind either way.
				if (commit) replies.push(client.query('COMMIT'));
				ended = commit;
			} finally {
				socket?.uncork();
			}
			const settled = await Promise.allSettled(replies);
			const failed = settled.find((reply) => reply.status === 'rejected');
			if (failed) {
				// Rare (the work checks its input first); a fresh connection is the simplest safe state.
				broken = failed.reason instanceof Error ? failed.reason : new Error(String(failed.reason));
				throw failed.reason;
			}
			const rows = settled.map((reply) => (reply as PromiseFulfilledResult<pg.QueryResult>).value.rows);
			return rows.slice(rows.length - statements.length - (commit ? 1 : 0), commit ? -1 : undefined);
		};

		try {
			const result = await work({ run: (s) => send(s, false), commit: (s) => send(s, true) });
			if (begun && !ended) await client.query('ROLLBACK');
			return result;
		} catch (error) {
			if (begun && !ended && !broken) {
				await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
			}
			throw error;
		} finally {
			client.release(broken);
		}
	};
}

/** SQLite (or any Kysely database): the statements of a batch run one by one in a Kysely transaction. */
export function sequentialTransactions<DB>(db: Kysely<DB>): InBatchedTransaction {
	return async (work) => {
		const trx = await db.startTransaction().execute();
		let ended = false;
		const run = async (statements: readonly CompiledQuery[]): Promise<Row[][]> => {
			if (ended) throw new Error('The transaction has already ended.');
			return runInOrder(trx, statements);
		};
		try {
			const result = await work({
				run,
				commit: async (statements) => {
					const rows = await run(statements);
					await trx.commit().execute();
					ended = true;
					return rows;
				}
			});
			if (!ended) await trx.rollback().execute();
			return result;
		} catch (error) {
			// The work's error is the one to report, not a failed rollback after it.
			if (!ended)
				await trx
					.rollback()
					.execute()
					.catch(() => undefined);
			throw error;
		}
	};
}

/** Runs statements one after another on a database or transaction; resolves with each one's rows. */
export async function runInOrder<DB>(db: Kysely<DB>, statements: readonly CompiledQuery[]): Promise<Row[][]> {
	const rows: Row[][] = [];
	for (const statement of statements) rows.push((await db.executeQuery<Row>(statement)).rows);
	return rows;
}
