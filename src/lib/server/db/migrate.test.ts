import { afterEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { loadConfig } from '$lib/server/config';
import { createServerContext } from '$lib/server/start';
import { dropSchema, TEST_DATABASE_URL, testDialects } from '$lib/server/testing/testServer';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createDatabase, type OpenDatabase, type DialectName } from './database';
import {
	appliedMigrations,
	checkMigrationHistory,
	knownMigrations,
	MIGRATION_TABLE,
	MigrationMismatchError,
	migrateToLatest,
	type MigrationSet
} from './migrate';

describe('checkMigrationHistory', () => {
	it('accepts a database that has applied a prefix of the known migrations', () => {
		expect(() => checkMigrationHistory([], ['a', 'b'])).not.toThrow();
		expect(() => checkMigrationHistory(['a'], ['a', 'b'])).not.toThrow();
		expect(() => checkMigrationHistory(['a', 'b'], ['a', 'b'])).not.toThrow();
	});

	it('refuses a database with a migration this code does not know', () => {
		expect(() => checkMigrationHistory(['a', 'z'], ['a', 'b'])).toThrow(/does not know \(z\)/);
	});

	it('refuses a new migration that sorts before one already applied', () => {
		expect(() => checkMigrationHistory(['a', 'c'], ['a', 'b', 'c'])).toThrow(
			/b are not applied but sort before/
		);
	});
});

it('knows the accounts migration, by timestamp name', () => {
	expect(Object.keys(knownMigrations)).toContain('20261121T0500_accounts');
});

function tableMigration(table: string): MigrationSet[string] {
	return {
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		up: async (db: Kysely<any>) => {
			await db.schema.createTable(table).addColumn('id', 'text').execute();
		}
	};
}

describe.each(testDialects)('migrations on %s', (dialect: DialectName) => {
	let database: OpenDatabase | undefined;
	let dataDir = '';
	let schema: string | null = null;

	async function open(): Promise<OpenDatabase> {
		dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'gsm-migrate-'));
		schema =
			dialect === 'postgres' ? `test_mig_${process.pid}_${Math.random().toString(36).slice(2, 8)}` : null;
		database = await createDatabase({
			dataDir,
			databaseUrl: dialect === 'postgres' ? TEST_DATABASE_URL : null,
			databaseSchema: schema
		});
		return database;
	}

	afterEach(async () => {
		await database?.close();
		database = undefined;
		if (schema) await dropSchema(schema);
		await fs.rm(dataDir, { recursive: true, force: true });
	});

	it('applies every known migration once and records it', async () => {
		const { db } = await open();
		const applied = await migrateToLatest(db, dialect);
		expect(applied).toEqual(Object.keys(knownMigrations).sort());
		expect(await appliedMigrations(db)).toEqual(applied);
		expect(await migrateToLatest(db, dialect)).toEqual([]);
		const tables = (await db.introspection.getTables()).map((t) => t.name);
		expect(tables).toEqual(expect.arrayContaining(['users', 'sessions', 'audit_log', 'catalogue_versions']));
	});

	// Until sync's migrations moved into db/migrations they sat in a folder of their own. Their names
	// are what a database records, so a database migrated then must go on with today's set.
	it('migrates on a database migrated when sync kept its migrations in a folder of its own', async () => {
		const oldLayout = {
			'db/migrations': ['20261121T0500_accounts', '20261121T0700_dossiers', '20261204T2130_team_invitations'],
			'sync/migrations': [
				'20261121T0600_sync',
				'20261204T2135_attachment_owners',
				'20261204T2200_squatted_ids'
			]
		};
		const oldNames = Object.values(oldLayout).flat().sort();
		expect(Object.keys(knownMigrations)).toEqual(expect.arrayContaining(oldNames));
		const { db } = await open();
		const appliedThen = oldNames.filter((name) => name < '20261204T2135');
		await migrateToLatest(
			db,
			dialect,
			Object.fromEntries(appliedThen.map((name) => [name, knownMigrations[name]]))
		);
		expect(await migrateToLatest(db, dialect)).toEqual(
			Object.keys(knownMigrations)
				.filter((name) => !appliedThen.includes(name))
				.sort()
		);
		expect(await appliedMigrations(db)).toEqual(Object.keys(knownMigrations).sort());
	});

	/** A fresh schema of its own, while another schema of the same database holds every migration. */
	async function besideAMigratedSchema(check: (db: OpenDatabase['db']) => Promise<void>): Promise<void> {
		const other = await open();
		await migrateToLatest(other.db, dialect);
		const [otherSchema, otherDataDir] = [schema, dataDir];
		const { db } = await open();
		try {
			await check(db);
		} finally {
			await other.close();
			if (otherSchema) await dropSchema(otherSchema);
			await fs.rm(otherDataDir, { recursive: true, force: true });
		}
	}

	// Only PostgreSQL has schemas.
	it.runIf(dialect === 'postgres')(
		'starts from scratch in a schema of its own while another schema of the database is migrated',
		() =>
			besideAMigratedSchema(async (db) => {
				expect(await appliedMigrations(db)).toEqual([]);
				expect(await migrateToLatest(db, dialect)).toEqual(Object.keys(knownMigrations).sort());
			})
	);

	// Kysely's own introspection read every schema and looked each up by name: a test run dropping its
	// schema at that moment made another run's migration fail with „schema … does not exist“.
	it.runIf(dialect === 'postgres')('looks only at the tables of its own schema when it migrates', () =>
		besideAMigratedSchema(async (db) => {
			expect(await db.introspection.getTables({ withInternalKyselyTables: true })).toEqual([]);
			await migrateToLatest(db, dialect);
			const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
			expect(new Set(tables.map((t) => t.schema))).toEqual(new Set([schema]));
			expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining([MIGRATION_TABLE, 'users']));
			expect((await db.introspection.getTables()).map((t) => t.name)).not.toContain(MIGRATION_TABLE);
			const users = tables.find((t) => t.name === 'users');
			expect(users?.columns.find((c) => c.name === 'id')).toMatchObject({ isNullable: false });
		})
	);

	it('gives audit entries increasing ids', async () => {
		const { db } = await open();
		await migrateToLatest(db, dialect);
		const row = { at: 'x', action: 'a', entity: 'e', detail: '{}' };
		await db.insertInto('audit_log').values(row).execute();
		await db.insertInto('audit_log').values(row).execute();
		const ids = (await db.selectFrom('audit_log').select('id').orderBy('id').execute()).map((r) => r.id);
		expect(ids).toHaveLength(2);
		expect(typeof ids[0]).toBe('number');
		expect(ids[1]).toBeGreaterThan(ids[0]);
	});

	it('refuses to run when the database has a migration this code does not know', async () => {
		const { db } = await open();
		await migrateToLatest(db, dialect);
		await db
			// eslint-disable-next-line @typescript-eslint/no-explicit-any
			.insertInto(MIGRATION_TABLE as any)
			.values({ name: '29991231T2359_from_the_future', timestamp: new Date().toISOString() })
			.execute();
		await expect(migrateToLatest(db, dialect)).rejects.toThrow(MigrationMismatchError);
		await expect(migrateToLatest(db, dialect)).rejects.toThrow(/29991231T2359_from_the_future/);
	});

	it('refuses to run when a new migration sorts before an applied one', async () => {
		const { db } = await open();
		await migrateToLatest(db, dialect, {
			'20260101T0000_a': tableMigration('t_a'),
			'20260301T0000_c': tableMigration('t_c')
		});
		await expect(
			migrateToLatest(db, dialect, {
				'20260101T0000_a': tableMigration('t_a'),
				'20260201T0000_b': tableMigration('t_b'),
				'20260301T0000_c': tableMigration('t_c')
			})
		).rejects.toThrow(/20260201T0000_b/);
		const tables = (await db.introspection.getTables()).map((t) => t.name);
		expect(tables).not.toContain('t_b');
	});

	it('keeps the server from starting on a mismatched database', async () => {
		const { db } = await open();
		await migrateToLatest(db, dialect);
		await db
			// eslint-disable-next-line @typescript-eslint/no-explicit-any
			.insertInto(MIGRATION_TABLE as any)
			.values({ name: '29991231T2359_from_the_future', timestamp: new Date().toISOString() })
			.execute();
		const config = {
			...loadConfig({ DATA_DIR: dataDir, DEMO_SEED: '0' }),
			databaseUrl: dialect === 'postgres' ? TEST_DATABASE_URL : null,
			databaseSchema: schema
		};
		await expect(createServerContext(config, { log: () => {} })).rejects.toThrow(/Refusing to start/);
	});
});
