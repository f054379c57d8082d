import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, testDialects, type TestServer } from '$lib/server/testing/testServer';

// A push's transaction goes to the database in two batches (see batchedTransaction.ts); these are the
// guarantees it relies on, on both databases.
describe.each(testDialects)('a transaction sent in batches on %s', (dialect) => {
	let server: TestServer;

	beforeEach(async () => {
		server = await startTestServer(dialect);
		await sql`create table tally (name text primary key, n integer not null)`.execute(server.ctx.db);
	});
	afterEach(() => server.cleanup());

	const insert = (name: string, n: number) =>
		sql`insert into tally (name, n) values (${name}, ${n})`.compile(server.ctx.db);
	const increment = (name: string) =>
		sql`update tally set n = n + 1 where name = ${name} returning n`.compile(server.ctx.db);
	const stored = async () =>
		(await sql<{ name: string; n: number }>`select name, n from tally order by name`.execute(server.ctx.db))
			.rows;

	it('runs each batch in order, each statement seeing the ones before, and commits with the last', async () => {
		const answers = await server.ctx.inBatchedTransaction(async (tx) => {
			const first = await tx.run([insert('a', 1), increment('a'), increment('a')]);
			const last = await tx.commit([increment('a'), insert('b', 7)]);
			return [first, last];
		});
		expect(answers).toEqual([
			[[], [{ n: 2 }], [{ n: 3 }]],
			[[{ n: 4 }], []]
		]);
		expect(await stored()).toEqual([
			{ name: 'a', n: 4 },
			{ name: 'b', n: 7 }
		]);
	});

	it('leaves nothing behind when the work ends without committing or throws', async () => {
		const result = await server.ctx.inBatchedTransaction(async (tx) => {
			await tx.run([insert('a', 1)]);
			return 'gap';
		});
		expect(result).toBe('gap');
		await expect(
			server.ctx.inBatchedTransaction(async (tx) => {
				await tx.run([insert('b', 1)]);
				throw new Error('refused');
			})
		).rejects.toThrow('refused');
		expect(await stored()).toEqual([]);
	});

	it('rolls back everything when a statement of the committing batch fails, and works again after', async () => {
		await expect(
			server.ctx.inBatchedTransaction(async (tx) => {
				await tx.run([insert('a', 1)]);
				// The second insert breaks the primary key; the first must not stay either.
				return tx.commit([insert('b', 1), insert('a', 2)]);
			})
		).rejects.toThrow();
		expect(await stored()).toEqual([]);

		await server.ctx.inBatchedTransaction((tx) => tx.commit([insert('c', 3)]));
		expect(await stored()).toEqual([{ name: 'c', n: 3 }]);
	});

	it('refuses statements after the commit', async () => {
		await expect(
			server.ctx.inBatchedTransaction(async (tx) => {
				await tx.commit([insert('a', 1)]);
				await tx.run([insert('b', 1)]);
			})
		).rejects.toThrow('already ended');
		expect(await stored()).toEqual([{ name: 'a', n: 1 }]);
	});

	it('keeps concurrent transactions apart', async () => {
		await sql`insert into tally (name, n) values ('shared', 0)`.execute(server.ctx.db);
		await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				server.ctx.inBatchedTransaction(async (tx) => {
					await tx.run([insert(`t${String(i).padStart(2, '0')}`, i)]);
					return tx.commit([increment('shared')]);
				})
			)
		);
		const rows = await stored();
		expect(rows).toHaveLength(21);
		expect(rows.find((r) => r.name === 'shared')?.n).toBe(20);
	});
});
