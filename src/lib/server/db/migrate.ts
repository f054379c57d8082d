import { Migrator, PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from './database';

/** A migration file: timestamp-named (`20261121T0500_accounts.ts`), exporting `up`. */
export interface MigrationModule {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	up(db: Kysely<any>, dialect: DialectName): Promise<void>;
}
export type MigrationSet = Record<string, MigrationModule>;

export const MIGRATION_TABLE = 'kysely_migration';
const NAME_PATTERN = /^\d{8}T\d{4}_[a-z0-9_]+$/;

/**
 * Every migration this build knows, bundled at build time (the server runs from a bundle, so nothing
 * is looked up on disk). All run in name order; names are what the migration table records, so a
 * file may move but never be renamed.
 */
export const knownMigrations: MigrationSet = collect(
	import.meta.glob<MigrationModule>(['./migrations/*.ts', '!**/*.test.ts'], { eager: true })
);

function collect(modules: Record<string, MigrationModule>): MigrationSet {
	const set: MigrationSet = {};
	for (const [file, module] of Object.entries(modules)) {
		const name = file.replace(/^.*\//, '').replace(/\.ts$/, '');
		if (!NAME_PATTERN.test(name))
			throw new Error(`Migration file name "${name}" must look like 20261121T0500_name`);
		if (set[name]) throw new Error(`Two migrations are named "${name}"`);
		set[name] = module;
	}
	return set;
}

export class MigrationMismatchError extends Error {
	constructor(message: string) {
		super(`Refusing to start: ${message}`);
		this.name = 'MigrationMismatchError';
	}
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function appliedMigrations(db: Kysely<any>): Promise<string[]> {
	const schema = await schemaInUse(db);
	const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
	if (!tables.some((t) => t.name === MIGRATION_TABLE && t.schema === schema)) return [];
	const rows = await db.selectFrom(MIGRATION_TABLE).select('name').orderBy('name').execute();
	return rows.map((r) => r.name as string);
}

/**
 * PostgreSQL: the schema the server works in (the first on its search_path, see DATABASE_SCHEMA).
 * Kysely's own introspection lists the tables of every schema (ours, ownSchemaDialect.ts, only this
 * one), and its Migrator, unless told the schema, could take another schema's migration tables for
 * its own (other deployments or test runs may share the database). SQLite has no schemas: undefined.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function schemaInUse(db: Kysely<any>): Promise<string | undefined> {
	if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return undefined;
	const { rows } = await sql<{ name: string }>`select current_schema() as name`.execute(db);
	return rows[0]?.name;
}

/**
 * The database must have applied exactly a prefix of the known migrations, in order. Anything else
 * means code and data come from different versions, and running on would corrupt one of them.
 */
export function checkMigrationHistory(applied: string[], known: string[]): void {
	const unknown = applied.filter((name) => !known.includes(name));
	if (unknown.length > 0) {
		throw new MigrationMismatchError(
			`the database has migrations applied that this server does not know (${unknown.join(', ')}). ` +
				'It was probably used by a newer version of the server: run that version or restore a backup.'
		);
	}
	const sortedKnown = [...known].sort();
	const lastApplied = applied.length > 0 ? [...applied].sort().at(-1)! : null;
	const skipped = sortedKnown.filter(
		(name) => lastApplied !== null && name < lastApplied && !applied.includes(name)
	);
	if (skipped.length > 0) {
		throw new MigrationMismatchError(
			`migration(s) ${skipped.join(', ')} are not applied but sort before the already applied ${lastApplied}. ` +
				'New migrations must be named after the last applied one.'
		);
	}
}

/** Checks the history, then applies pending migrations in name order. Returns the names applied now. */
export async function migrateToLatest(
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	db: Kysely<any>,
	dialect: DialectName,
	migrations: MigrationSet = knownMigrations
): Promise<string[]> {
	checkMigrationHistory(await appliedMigrations(db), Object.keys(migrations));
	const provided: Record<string, Migration> = {};
	for (const [name, module] of Object.entries(migrations)) {
		provided[name] = { up: (trx) => module.up(trx, dialect) };
	}
	const migrator = new Migrator({
		db,
		provider: { getMigrations: async () => provided },
		migrationTableName: MIGRATION_TABLE,
		migrationTableSchema: await schemaInUse(db)
	});
	const { error, results } = await migrator.migrateToLatest();
	if (error) {
		const failed = results?.find((r) => r.status === 'Error')?.migrationName;
		const reason = error instanceof Error ? error.message : String(error);
		throw new Error(`Migration ${failed ?? '(history check)'} failed: ${reason}`, { cause: error });
	}
	return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
