import type BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, SqliteDialect, type DatabaseConnection, type Driver, type QueryResult } from 'kysely';

/**
 * Kysely's SQLite dialect with a driver of our own, for two reasons that show when hundreds of
 * tablets sync at once:
 *
 * - Its one connection is handed out strictly in order of asking. Kysely's own lock lets a request
 *   that just released the connection take it again before those already waiting, so with 200
 *   tablets connecting at the same moment some waited more than ten seconds for their first answer.
 * - Statements are prepared once and kept (SQLite parses and plans a statement when it is
 *   prepared): the statements every request runs are a handful of texts.
 */
export class SqliteDatabaseDialect extends SqliteDialect {
	readonly #database: BetterSqlite3.Database;

	constructor(database: BetterSqlite3.Database) {
		super({ database });
		this.#database = database;
	}

	override createDriver(): Driver {
		return new FairSqliteDriver(this.#database);
	}
}

class FairSqliteDriver implements Driver {
	readonly #connection: SqliteConnection;
	readonly #database: BetterSqlite3.Database;
	#busy = false;
	readonly #waiting: (() => void)[] = [];

	constructor(database: BetterSqlite3.Database) {
		this.#database = database;
		this.#connection = new SqliteConnection(database);
	}

	async init(): Promise<void> {}

	async acquireConnection(): Promise<DatabaseConnection> {
		if (this.#busy) await new Promise<void>((resolve) => this.#waiting.push(resolve));
		this.#busy = true;
		return this.#connection;
	}

	async releaseConnection(): Promise<void> {
		const next = this.#waiting.shift();
		// Handed straight to the longest waiting: the connection stays busy in between.
		if (next) next();
		else this.#busy = false;
	}

	async beginTransaction(connection: DatabaseConnection): Promise<void> {
		await connection.executeQuery(CompiledQuery.raw('begin'));
	}

	async commitTransaction(connection: DatabaseConnection): Promise<void> {
		await connection.executeQuery(CompiledQuery.raw('commit'));
	}

	async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
		await connection.executeQuery(CompiledQuery.raw('rollback'));
	}

	async destroy(): Promise<void> {
		this.#database.close();
	}
}

/** Statements kept per database; beyond these (never reached by the app's own) the oldest goes. */
const MAX_STATEMENTS = 200;

class SqliteConnection implements DatabaseConnection {
	readonly #database: BetterSqlite3.Database;
	readonly #statements = new Map<string, BetterSqlite3.Statement>();

	constructor(database: BetterSqlite3.Database) {
		this.#database = database;
	}

	#prepare(sql: string): BetterSqlite3.Statement {
		let statement = this.#statements.get(sql);
		if (!statement) {
			statement = this.#database.prepare(sql);
			if (this.#statements.size >= MAX_STATEMENTS) {
				this.#statements.delete(this.#statements.keys().next().value!);
			}
			this.#statements.set(sql, statement);
		}
		return statement;
	}

	executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
		const statement = this.#prepare(compiledQuery.sql);
		const parameters = compiledQuery.parameters as unknown[];
		if (statement.reader) return Promise.resolve({ rows: statement.all(parameters) as R[] });
		const { changes, lastInsertRowid } = statement.run(parameters);
		return Promise.resolve({
			numAffectedRows: BigInt(changes),
			insertId: BigInt(lastInsertRowid),
			rows: []
		});
	}

	// eslint-disable-next-line require-yield
	async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
		throw new Error('Streaming is not used with SQLite here.');
	}
}
