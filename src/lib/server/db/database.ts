import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import pg from 'pg';
import {
	pipelinedTransactions,
	sequentialTransactions,
	type InBatchedTransaction
} from '$lib/server/db/throughput/batchedTransaction';
import { DEFAULT_DATABASE_POOL_SIZE } from '$lib/server/config';
import type { Database } from './schema';
import { sharedConnections } from '$lib/server/db/throughput/sharedConnections';
import { SqliteDatabaseDialect } from '$lib/server/db/throughput/sqliteDriver';
import { OwnSchemaPostgresDialect } from '$lib/server/db/ownSchemaDialect';

export type DialectName = 'sqlite' | 'postgres';

export interface OpenDatabase {
	db: Kysely<Database>;
	/**
	 * For the single statements every request runs (session lookup, pull), never for transactions:
	 * on PostgreSQL a few connections they share (sharedConnections.ts), on SQLite `db` itself.
	 */
	reads: Kysely<Database>;
	dialectName: DialectName;
	/** Transactions sent in batches: one round trip per batch on PostgreSQL (batchedTransaction.ts). */
	inBatchedTransaction: InBatchedTransaction;
	close(): Promise<void>;
}

export interface DatabaseOptions {
	dataDir: string;
	databaseUrl: string | null;
	databaseSchema?: string | null;
	/** PostgreSQL: connections for transactions (pushes above all); see docs/server.md. */
	databasePoolSize?: number;
}

export const SQLITE_FILE_NAME = 'guetesiegel.sqlite';

/** Opens SQLite in dataDir, or PostgreSQL when a postgres:// URL is given. Migrations are separate. */
export async function createDatabase(options: DatabaseOptions): Promise<OpenDatabase> {
	if (options.databaseUrl) {
		return createPostgres(
			options.databaseUrl,
			options.databaseSchema ?? null,
			options.databasePoolSize ?? DEFAULT_DATABASE_POOL_SIZE
		);
	}
	return createSqlite(options.dataDir);
}

function createSqlite(dataDir: string): OpenDatabase {
	fs.mkdirSync(dataDir, { recursive: true });
	const connection = new SqliteDatabase(path.join(dataDir, SQLITE_FILE_NAME));
	// WAL lets readers run while one writer commits; NORMAL sync is durable in WAL mode except on power
	// loss, where at most the last transactions are lost, never the database.
	connection.pragma('journal_mode = WAL');
	connection.pragma('synchronous = NORMAL');
	connection.pragma('foreign_keys = ON');
	connection.pragma('busy_timeout = 5000');
	const db = new Kysely<Database>({ dialect: new SqliteDatabaseDialect(connection) });
	return {
		db,
		reads: db,
		dialectName: 'sqlite',
		inBatchedTransaction: sequentialTransactions(db),
		close: () => db.destroy()
	};
}

const INT8_OID = 20;

async function createPostgres(
	databaseUrl: string,
	schema: string | null,
	poolSize: number
): Promise<OpenDatabase> {
	if (schema && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`Invalid schema name "${schema}"`);
	if (schema) {
		// The schema must exist before any pooled connection puts it on its search_path.
		const client = new pg.Client({ connectionString: databaseUrl });
		await client.connect();
		try {
			await client.query(`create schema if not exists "${schema}"`);
		} finally {
			await client.end();
		}
	}
	const connection: pg.ClientConfig = {
		connectionString: databaseUrl,
		options: schema ? `-c search_path="${schema}"` : undefined,
		// count(*) and bigserial ids come back as bigint; as numbers they match what SQLite returns.
		// Safe up to 2^53, far beyond any revision or row count here.
		types: {
			getTypeParser: ((oid: number, format?: string) =>
				oid === INT8_OID
					? (value: string) => Number(value)
					: pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser
		}
	};
	// Pipeline mode: a client sends each query at once, without waiting for the answer to the one
	// before. Kysely still sends one at a time; batched transactions send several together.
	const pool = new pg.Pool({ ...connection, max: poolSize, pipeline: true });
	const db = new Kysely<Database>({ dialect: new OwnSchemaPostgresDialect({ pool }) });
	const reads = new Kysely<Database>({
		dialect: new OwnSchemaPostgresDialect({ pool: sharedConnections(connection) })
	});
	await sql`select 1`.execute(db);
	return {
		db,
		reads,
		dialectName: 'postgres',
		inBatchedTransaction: pipelinedTransactions(pool),
		close: async () => {
			await reads.destroy();
			await db.destroy();
		}
	};
}
