// Two app servers behind one load balancer: separate processes on separate ports and data
// directories, one PostgreSQL database, files in the database (FILE_STORE=database). What one server
// receives the other serves; a session and the login throttle hold on both. See docs/server.md.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropSchema, TEST_DATABASE_URL } from '$lib/server/testing/testServer';
import { startServer, type RunningServer } from '../../scripts/lib/server.js';
import { callApi as call, cookieOf } from './support/api';
import { DEMO } from './sync/support';

const schema = `test_scale_out_${process.pid}`;
const shared = {
	DATABASE_URL: TEST_DATABASE_URL,
	DATABASE_SCHEMA: schema,
	FILE_STORE: 'database',
	SERVER_PROCESSES: '1',
	// As scripts/start.js sets it: adapter-node refuses bodies over 512 KB by default.
	BODY_SIZE_LIMIT: '26M'
};

async function logIn(server: RunningServer, email: string, password: string): Promise<Response> {
	return call(server, 'POST', '/api/auth/login', { json: { email, password } });
}

/** A PDF of a few MB: several of the store's 1 MB pieces. */
function pdf(megabytes: number): Uint8Array {
	const head = new TextEncoder().encode('%PDF-1.7\n%Kooperationsvereinbarung\n');
	const bytes = new Uint8Array(megabytes * 1024 * 1024);
	bytes.set(head);
	bytes.set(randomBytes(bytes.length - head.length - 6), head.length);
	bytes.set(new TextEncoder().encode('%%EOF\n'), bytes.length - 6);
	return bytes;
}

describe('two app servers on one PostgreSQL', () => {
	let first: RunningServer;
	let second: RunningServer;

	beforeAll(async () => {
		// One after another: the first migrates and seeds the demo; the second finds both done.
		first = await startServer({ env: { ...shared, DEMO_SEED: '1' }, timeoutMs: 120_000 });
		second = await startServer({ env: { ...shared, DEMO_SEED: '0' }, timeoutMs: 120_000 });
	}, 300_000);

	afterAll(async () => {
		await first?.stop();
		await second?.stop();
		await dropSchema(schema);
	});

	it('serves a file uploaded through one from the other, byte for byte', async () => {
		const cookie = cookieOf(await logIn(first, DEMO.leitung.email, DEMO.leitung.password));
		const bytes = pdf(3);
		const sha256 = createHash('sha256').update(bytes).digest('hex');

		const upload = await call(first, 'PUT', `/api/sync/attachments/${sha256}`, { cookie, bytes });
		expect({ status: upload.status, body: await upload.json() }).toMatchObject({
			status: 201,
			body: { sha256, size: bytes.length, mimeType: 'application/pdf' }
		});

		const download = await call(second, 'GET', `/api/sync/attachments/${sha256}`, { cookie });
		expect(download.status).toBe(200);
		const served = new Uint8Array(await download.arrayBuffer());
		expect(served.length).toBe(bytes.length);
		expect(createHash('sha256').update(served).digest('hex')).toBe(sha256);
		// Neither server wrote the file to its own disk.
		for (const server of [first, second]) expect(existsSync(join(server.dataDir, 'blobs'))).toBe(false);
	});

	it('keeps a session made on one server on the other, and a logout on one ends it on both', async () => {
		const login = await logIn(second, DEMO.team.email, DEMO.team.password);
		expect(login.status).toBe(200);
		const cookie = cookieOf(login);
		const onFirst = await call(first, 'GET', '/api/auth/session', { cookie });
		expect(onFirst.status).toBe(200);
		expect(await onFirst.json()).toMatchObject({ user: { email: DEMO.team.email } });

		expect((await call(first, 'POST', '/api/auth/logout', { cookie })).status).toBeLessThan(300);
		expect((await call(second, 'GET', '/api/auth/session', { cookie })).status).toBe(401);
	});

	it('counts failed logins on one server on the other', async () => {
		// Three free failures per account and address (LOGIN_FREE_FAILURES_PER_USER), all on the first.
		for (let i = 0; i < 3; i++) {
			expect((await logIn(first, DEMO.beratung.email, 'falsches-Passwort')).status).toBe(401);
		}
		// The second server makes the next attempt wait, even with the right password.
		const throttled = await logIn(second, DEMO.beratung.email, DEMO.beratung.password);
		expect(throttled.status).toBe(429);
		expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
	});
});
