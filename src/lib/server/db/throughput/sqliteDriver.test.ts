import SqliteDatabase from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteDatabaseDialect } from './sqliteDriver';

describe('the SQLite connection', () => {
	let db: Kysely<Record<string, never>>;

	beforeEach(() => {
		db = new Kysely({ dialect: new SqliteDatabaseDialect(new SqliteDatabase(':memory:')) });
	});
	afterEach(() => db.destroy());

	it('serves whoever asked first, also when the one releasing it asks again at once', async () => {
		const served: string[] = [];
		const ask = async (who: string) => {
			await sql`select 1`.execute(db);
			served.push(who);
		};
		const trx = await db.startTransaction().execute();
		const waiting = [ask('a'), ask('b'), ask('c')];
		// The transaction ends and its owner asks again straight away: it must queue behind a, b and c.
		const again = trx
			.commit()
			.execute()
			.then(() => ask('owner again'));
		await Promise.all([...waiting, again]);
		expect(served).toEqual(['a', 'b', 'c', 'owner again']);
	});

	it('keeps prepared statements, which still see a changed table', async () => {
		await sql`create table notes (id integer primary key, text text)`.execute(db);
		for (let i = 1; i <= 3; i++)
			await sql`insert into notes (id, text) values (${i}, ${`note ${i}`})`.execute(db);
		const all = () => sql<Record<string, unknown>>`select * from notes where id = ${2}`.execute(db);
		expect((await all()).rows).toEqual([{ id: 2, text: 'note 2' }]);
		await sql`alter table notes add column done integer not null default 0`.execute(db);
		expect((await all()).rows).toEqual([{ id: 2, text: 'note 2', done: 0 }]);
	});

	it('rolls back a transaction that throws, and answers afterwards', async () => {
		await sql`create table tally (n integer)`.execute(db);
		await expect(
			db.transaction().execute(async (trx) => {
				await sql`insert into tally (n) values (1)`.execute(trx);
				throw new Error('refused');
			})
		).rejects.toThrow('refused');
		expect((await sql`select count(*) as n from tally`.execute(db)).rows).toEqual([{ n: 0 }]);
	});
});
