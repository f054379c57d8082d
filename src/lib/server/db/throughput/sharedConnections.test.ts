import { sql } from 'kysely';
import type pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '$lib/server/testing/testServer';
import { preparedOnce } from './sharedConnections';

// The single statements of all requests share a few PostgreSQL connections (sharedConnections.ts).
describe('statements sharing connections on postgres', () => {
	let server: TestServer;

	beforeEach(async () => {
		server = await startTestServer('postgres');
	});
	afterEach(() => server.cleanup());

	const echo = (n: number) => sql<{ n: number }>`select ${n}::int as n`.execute(server.ctx.reads);

	it('answers many statements sent at once, each with its own rows', async () => {
		const answers = await Promise.all(Array.from({ length: 300 }, (_, i) => echo(i)));
		expect(answers.map((a) => a.rows[0].n)).toEqual(Array.from({ length: 300 }, (_, i) => i));
	});

	it('answers the others when one statement among them fails', async () => {
		const answers = await Promise.allSettled([
			echo(1),
			sql`select * from no_such_table`.execute(server.ctx.reads),
			echo(2)
		]);
		expect(answers.map((a) => a.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
		expect((await echo(3)).rows).toEqual([{ n: 3 }]);
	});

	it('refuses a transaction, which needs a connection of its own', async () => {
		await expect(server.ctx.reads.transaction().execute(async () => {})).rejects.toThrow(
			'Transactions need a connection of their own.'
		);
		expect((await echo(4)).rows).toEqual([{ n: 4 }]);
	});

	it('opens a new connection when the database ended one', async () => {
		const pids = await Promise.all(
			[1, 2].map(
				async () =>
					(await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(server.ctx.reads)).rows[0].pid
			)
		);
		await sql`select pg_terminate_backend(pid) from unnest(${pids}::int[]) as pid`.execute(server.ctx.db);
		// Statements sent before the client noticed may fail; the next ones go to a new connection.
		let answered = false;
		for (let attempt = 0; attempt < 5 && !answered; attempt++) {
			answered = await echo(5).then(
				(a) => a.rows[0].n === 5,
				() => false
			);
			if (!answered) await new Promise((resolve) => setTimeout(resolve, 50));
		}
		expect(answered).toBe(true);
	});
});

describe('statements prepared once per connection', () => {
	it('names the first hundred texts of a connection and plans the rest each time', () => {
		const client = {} as pg.Client;
		const names = Array.from({ length: 101 }, (_, i) => preparedOnce(client, `select ${i}`).name);
		expect(new Set(names.slice(0, 100)).size).toBe(100);
		expect(names[100]).toBeUndefined();
		expect(preparedOnce(client, 'select 7', [1]).name).toBe(names[7]);
		expect(preparedOnce({} as pg.Client, 'select 7').name).toBe('s1');
	});
});
