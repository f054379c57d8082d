// The production server on PostgreSQL runs in several processes (scripts/serve.js): every process
// answers, what one stores the other serves, a crashed process is replaced, and stopping the server
// stops them all. On SQLite it refuses to run in more than one.
import { execFileSync } from 'node:child_process';
import { request } from 'node:http';
import { availableParallelism } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropSchema, TEST_DATABASE_URL } from '$lib/server/testing/testServer';
import { startServer, type RunningServer } from '../../scripts/lib/server.js';
import { serverProcesses } from '../../scripts/serve.js';
import { DEMO } from './sync/support';

const schema = `test_processes_${process.pid}`;
const leitung = { email: DEMO.leitung.email, password: DEMO.leitung.password };

/** One request on a connection of its own, so the server hands each to its next process in turn. */
function send(
	server: RunningServer,
	method: string,
	path: string,
	{ cookie, body }: { cookie?: string; body?: unknown } = {}
): Promise<{ status: number; cookies: string[]; json: unknown }> {
	const payload = body === undefined ? undefined : JSON.stringify(body);
	return new Promise((resolve, reject) => {
		const req = request(
			`${server.url}${path}`,
			{
				method,
				agent: false,
				headers: {
					origin: server.url,
					...(cookie ? { cookie } : {}),
					...(payload ? { 'content-type': 'application/json' } : {})
				}
			},
			(res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (chunk) => (text += chunk));
				res.on('end', () =>
					resolve({
						status: res.statusCode ?? 0,
						cookies: (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]),
						json: text ? JSON.parse(text) : null
					})
				);
			}
		);
		req.on('error', reject);
		req.end(payload);
	});
}

/** The server's worker processes: the children of the process startServer started. */
function workersOf(server: RunningServer): number[] {
	try {
		return execFileSync('pgrep', ['-P', String(server.pid)], { encoding: 'utf8' })
			.split('\n')
			.filter(Boolean)
			.map(Number);
	} catch {
		return []; // pgrep exits with 1 when there are none
	}
}

describe('the server on PostgreSQL in two processes', () => {
	let server: RunningServer;

	beforeAll(async () => {
		server = await startServer({
			env: { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema, SERVER_PROCESSES: '2', DEMO_SEED: '1' }
		});
	});

	afterAll(async () => {
		await server?.stop();
		await dropSchema(schema);
	});

	it('starts both, prints the demo logins once and answers from either', async () => {
		expect(workersOf(server)).toHaveLength(2);
		expect(server.output().match(/leitung@demo\.example/g)).toHaveLength(1);
		for (let i = 0; i < 4; i++) {
			const health = await send(server, 'GET', '/api/health');
			expect(health).toMatchObject({ status: 200, json: { status: 'ok', database: 'postgres' } });
		}
	});

	it('serves from each process what was pushed through the other', async () => {
		const login = await send(server, 'POST', '/api/auth/login', { body: leitung });
		expect(login.status).toBe(200);
		const cookie = login.cookies.join('; ');
		const pulled = (await send(server, 'GET', '/api/sync/pull?cursor=0&limit=1000', { cookie })).json as {
			records: { table: string; recordId: string; revision: number; record: Record<string, unknown> }[];
		};
		const status = pulled.records.find((r) => r.table === 'criterionStatuses')!;
		const note = `Von Prozess zu Prozess ${Date.now()}`;
		const pushed = await send(server, 'POST', '/api/sync/push', {
			cookie,
			body: {
				deviceId: crypto.randomUUID(),
				changes: [
					{
						seq: 1,
						table: 'criterionStatuses',
						recordId: status.recordId,
						op: 'put',
						values: { note },
						baseRevision: status.revision,
						changedAt: new Date().toISOString()
					}
				]
			}
		});
		expect(pushed.json).toMatchObject({ results: [{ status: 'accepted' }] });
		// Two pulls on fresh connections: one goes to each process.
		for (let i = 0; i < 2; i++) {
			const again = (
				await send(server, 'GET', `/api/sync/pull?cursor=${status.revision}&limit=1000`, { cookie })
			).json as typeof pulled;
			expect(again.records.find((r) => r.recordId === status.recordId)?.record.note).toBe(note);
		}
	});

	it('throttles wrong passwords sent to both processes at once as if sent one after another', async () => {
		// An address nobody logs in as here, so the other tests' logins are not slowed.
		const guess = { email: 'niemand@demo.example', password: 'falsch-falsch' };
		const answers = await Promise.all(
			Array.from({ length: 30 }, () => send(server, 'POST', '/api/auth/login', { body: guess }))
		);
		const statuses = answers.map((answer) => answer.status);
		expect(statuses.filter((status) => status === 401)).toHaveLength(3);
		expect(statuses.filter((status) => status === 429)).toHaveLength(27);
	});

	it('replaces a process that dies and keeps answering meanwhile', async () => {
		const [victim, survivor] = workersOf(server);
		process.kill(victim, 'SIGKILL');
		await expect.poll(() => server.output(), { timeout: 30_000 }).toContain('wird neu gestartet');
		expect((await send(server, 'GET', '/api/health')).status).toBe(200);
		await expect.poll(() => workersOf(server).length, { timeout: 30_000 }).toBe(2);
		expect(workersOf(server)).toContain(survivor);
		expect(workersOf(server)).not.toContain(victim);
		for (let i = 0; i < 4; i++) expect((await send(server, 'GET', '/api/health')).status).toBe(200);
	});

	it('stops every process when the server is stopped', async () => {
		const workers = workersOf(server);
		await server.stop();
		for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
	});
});

describe('the server on SQLite', () => {
	it('refuses to run in more than one process, with the reason', async () => {
		await expect(startServer({ env: { SERVER_PROCESSES: '2' } })).rejects.toThrow(
			/SERVER_PROCESSES über 1 braucht PostgreSQL/
		);
	});
});

describe('serverProcesses', () => {
	it('runs SQLite in one process', () => {
		expect(serverProcesses({})).toBe(1);
		expect(serverProcesses({ SERVER_PROCESSES: '1' })).toBe(1);
	});

	it('runs PostgreSQL in one process per core, at most four, unless told otherwise', () => {
		const url = 'postgres://db/guetesiegel';
		expect(serverProcesses({ DATABASE_URL: url })).toBe(Math.min(availableParallelism(), 4));
		expect(serverProcesses({ DATABASE_URL: url, SERVER_PROCESSES: '6' })).toBe(6);
		expect(serverProcesses({ DATABASE_URL: url, SERVER_PROCESSES: ' 1 ' })).toBe(1);
	});

	it('refuses a count that is no whole number from 1, or several processes on SQLite', () => {
		for (const raw of ['0', '-2', '1.5', 'zwei']) {
			expect(() => serverProcesses({ DATABASE_URL: 'postgres://db/x', SERVER_PROCESSES: raw })).toThrow(
				`SERVER_PROCESSES muss eine ganze Zahl ab 1 sein, nicht "${raw}".`
			);
		}
		expect(() => serverProcesses({ SERVER_PROCESSES: '2' })).toThrow(/braucht PostgreSQL/);
	});
});
