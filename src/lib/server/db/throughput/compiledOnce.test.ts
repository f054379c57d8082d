import {
	DummyDriver,
	Kysely,
	PostgresAdapter,
	PostgresIntrospector,
	PostgresQueryCompiler,
	SqliteAdapter,
	SqliteIntrospector,
	SqliteQueryCompiler
} from 'kysely';
import { describe, expect, it } from 'vitest';
import { compiledOnce } from './compiledOnce';

interface Tables {
	devices: { id: string; owner: string; seen: string };
}

// Compile-only databases: the statements are compared, never run.
const postgres = new Kysely<Tables>({
	dialect: {
		createAdapter: () => new PostgresAdapter(),
		createDriver: () => new DummyDriver(),
		createIntrospector: (db) => new PostgresIntrospector(db),
		createQueryCompiler: () => new PostgresQueryCompiler()
	}
});
const sqlite = new Kysely<Tables>({
	dialect: {
		createAdapter: () => new SqliteAdapter(),
		createDriver: () => new DummyDriver(),
		createIntrospector: (db) => new SqliteIntrospector(db),
		createQueryCompiler: () => new SqliteQueryCompiler()
	}
});

const touch = (db: Kysely<Tables>, id: string, seen: string) =>
	db.updateTable('devices').set({ seen }).where('id', '=', id).where('owner', '!=', 'system');

describe('statements compiled once', () => {
	it('gives what a fresh compile gives, for each dialect', () => {
		const touchOnce = compiledOnce(touch);
		for (const db of [postgres, sqlite]) {
			for (const [id, seen] of [
				['tablet-1', '2026-11-21T08:00:00Z'],
				['tablet-2', '2026-11-21T09:00:00Z']
			]) {
				const once = touchOnce(db, id, seen);
				const fresh = touch(db, id, seen).compile();
				expect({ sql: once.sql, parameters: once.parameters }).toEqual({
					sql: fresh.sql,
					parameters: fresh.parameters
				});
			}
		}
		expect(touchOnce(postgres, 'a', 'b').sql).not.toBe(touchOnce(sqlite, 'a', 'b').sql);
	});

	it('refuses a statement that computes with an argument instead of passing it on', () => {
		const shouting = compiledOnce((db: Kysely<Tables>, id: string) =>
			db.selectFrom('devices').selectAll().where('id', '=', id.toUpperCase())
		);
		expect(() => shouting(postgres, 'tablet-1')).toThrow('exactly one parameter');
	});
});
