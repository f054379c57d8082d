import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { DatabaseSchema } from './schema';

export type DialectName = 'sqlite' | 'postgres';

export interface Database {
	db: Kysely<DatabaseSchema>;
	dialectName: DialectName;
	close(): Promise<void>;
}

export interface DatabaseOptions {
	dataDir: string;
	databaseUrl: string | null;
	databaseSchema?: string | null;
}

export const SQLITE_FILE_NAME = 'guetesiegel.sqlite';

/** Opens SQLite in dataDir, or PostgreSQL when a postgres:// URL is given. Migrations are separate. */
export async function createDatabase(options: DatabaseOptions): Promise<Database> {
	if (options.databaseUrl) return createPostgres(options.databaseUrl, options.databaseSchema ?? null);
	return createSqlite(options.dataDir);
}

function createSqlite(dataDir: string): Database {
	fs.mkdirSync(dataDir, { recursive: true });
	const connection = new SqliteDatabase(path.join(dataDir, SQLITE_FILE_NAME));
	// WAL lets readers run while one writer commits; NORMAL sync is durable in WAL mode except on power
	// loss, where at most the last transactions are lost, never the database.
	connection.pragma('journal_mode = WAL');
	connection.pragma('synchronous = NORMAL');
	connection.pragma('foreign_keys = ON');
	connection.pragma('busy_timeout = 5000');
	const db = new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database: connection }) });
	return { db, dialectName: 'sqlite', close: () => db.destroy() };
}

const INT8_OID = 20;

async function createPostgres(databaseUrl: string, schema: string | null): Promise<Database> {
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
	const pool = new pg.Pool({
		connectionString: databaseUrl,
		max: 10,
		options: schema ? `-c search_path="${schema}"` : undefined,
		// count(*) and bigserial ids come back as bigint; as numbers they match what SQLite returns.
		// Safe up to 2^53, far beyond any revision or row count here.
		types: {
			getTypeParser: ((oid: number, format?: string) =>
				oid === INT8_OID
					? (value: string) => Number(value)
					: pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser
		}
	});
	const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) });
	await sql`select 1`.execute(db);
	return { db, dialectName: 'postgres', close: () => db.destroy() };
}
