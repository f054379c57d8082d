// `npm run build` once, then `node build`: the production start without npm start's launcher. The
// server applies what it needs itself (BODY_SIZE_LIMIT for attachments, DATA_DIR) and refuses a
// wrong or missing setting with a message naming it and exit code 78 (EX_CONFIG).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from '../../scripts/lib/build.js';
import { freePort } from '../../scripts/lib/server.js';

const scratch = mkdtempSync(join(tmpdir(), 'gsm-node-build-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The environment of a fresh service: none of the server's settings inherited from this shell. */
function cleanEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME };
	return { ...env, DEMO_SEED: '0', ...settings };
}

interface Run {
	exited: Promise<number | null>;
	output: () => string;
	stop: () => Promise<number | null>;
}

function nodeBuild(settings: Record<string, string>): Run {
	let output = '';
	const child = spawn(process.execPath, ['build'], { cwd: root, env: cleanEnv(settings) });
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	return {
		exited,
		output: () => output,
		stop: async () => {
			if (child.exitCode === null) child.kill('SIGTERM');
			return exited;
		}
	};
}

const lines = (output: string) =>
	output
		.split('\n')
		.filter(Boolean)
		.map((line) => JSON.parse(line) as Record<string, unknown>);

/** Waits until the started server answers its health check. */
async function healthy(origin: string): Promise<void> {
	await expect
		.poll(async () => (await fetch(`${origin}/api/health`).catch(() => null))?.status, { timeout: 60_000 })
		.toBe(200);
}

describe('node build', () => {
	it.each([
		['without ORIGIN', {}, 'ORIGIN', /ORIGIN fehlt/],
		[
			'with a BODY_SIZE_LIMIT too small for attachments',
			{ BODY_SIZE_LIMIT: '512K' },
			'BODY_SIZE_LIMIT',
			/zu klein/
		],
		['with a PORT that is no port', { PORT: 'achtzig' }, 'PORT', /Portnummer/],
		[
			'with a DATABASE_URL that is not PostgreSQL',
			{ DATABASE_URL: 'mysql://db/x' },
			'DATABASE_URL',
			/postgres/
		],
		['with an unknown LOG_LEVEL', { LOG_LEVEL: 'laut' }, 'LOG_LEVEL', /LOG_LEVEL muss/]
	])('refuses to start %s, naming the setting', async (_case, settings, variable, message) => {
		const origin: Record<string, string> = variable === 'ORIGIN' ? {} : { ORIGIN: 'http://127.0.0.1:9' };
		const run = nodeBuild({
			...origin,
			DATA_DIR: join(scratch, 'x'),
			...(settings as Record<string, string>)
		});
		expect(await run.exited).toBe(78);
		const fatal = lines(run.output()).find((line) => line.level === 'fatal');
		expect(fatal, run.output()).toMatchObject({ variable });
		expect(fatal?.msg).toMatch(message);
	});

	it('refuses a DATA_DIR it cannot create, naming it', async () => {
		writeFileSync(join(scratch, 'a-file'), '');
		const run = nodeBuild({ ORIGIN: 'http://127.0.0.1:9', DATA_DIR: join(scratch, 'a-file', 'data') });
		expect(await run.exited).toBe(78);
		expect(lines(run.output()).find((line) => line.level === 'fatal')).toMatchObject({
			variable: 'DATA_DIR'
		});
	});

	it('starts with ORIGIN alone: creates DATA_DIR, takes attachment-sized bodies, logs JSON, stops cleanly', async () => {
		const port = await freePort();
		const origin = `http://127.0.0.1:${port}`;
		const dataDir = join(scratch, 'new', 'data');
		const run = nodeBuild({
			ORIGIN: origin,
			PORT: String(port),
			HOST: '127.0.0.1',
			DATA_DIR: dataDir,
			DEMO_SEED: '1'
		});
		try {
			await healthy(origin);
			expect(existsSync(join(dataDir, 'guetesiegel.sqlite'))).toBe(true);
			const health = await (await fetch(`${origin}/api/health`)).json();
			expect(health).toMatchObject({ status: 'ok', database: 'sqlite', databaseStatus: 'ok' });
			expect(health.disk.freeBytes).toBeGreaterThan(0);

			// A 2 MB push, past adapter-node's own default of 512K: the app reads it and answers in JSON.
			const login = await fetch(`${origin}/api/auth/login`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', origin },
				body: JSON.stringify({ email: 'leitung@demo.example', password: 'Demo-Leitung-2026' })
			});
			expect(login.status).toBe(200);
			const cookie = login.headers
				.getSetCookie()
				.map((c) => c.split(';')[0])
				.join('; ');
			const big = await fetch(`${origin}/api/sync/push`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', origin, cookie },
				body: JSON.stringify({ filler: 'p'.repeat(2 * 1024 * 1024) })
			});
			expect(big.status).toBe(400);
			expect((await big.json()).error.code).toBe('invalid_request');
			expect(big.headers.get('x-request-id')).toBeTruthy();
		} finally {
			expect(await run.stop()).toBe(0);
		}
		const logged = lines(run.output());
		expect(logged.map((line) => line.msg)).toEqual(
			expect.arrayContaining(['server started', 'server stopped'])
		);
		expect(logged.find((line) => line.msg === 'server started')).toMatchObject({
			bodySizeLimit: '26M',
			origin
		});
		const requests = logged.filter((line) => line.msg === 'request');
		// Health checks are logged at debug level only.
		expect(requests.map((line) => [line.route, line.status])).toEqual([
			['/api/auth/login', 200],
			['/api/sync/push', 400]
		]);
		expect(JSON.stringify(requests)).not.toMatch(/leitung@demo|Demo-Leitung|gsm_session/);
	});

	it('behind a proxy (ADDRESS_HEADER): login and „Passwort vergessen“ past the proxy get a clear JSON error, not a 500', async () => {
		const port = await freePort();
		const origin = `http://127.0.0.1:${port}`;
		const run = nodeBuild({
			ORIGIN: origin,
			PORT: String(port),
			HOST: '127.0.0.1',
			DATA_DIR: join(scratch, 'proxied'),
			ADDRESS_HEADER: 'X-Forwarded-For',
			// Mail on, so that „Passwort vergessen“ gets as far as the address (nothing is sent: the
			// request is refused before; no server listens on port 9).
			SMTP_URL: 'smtp://127.0.0.1:9',
			MAIL_FROM: 'Gütesiegel-Mappe <mappe@traeger.example>',
			DEMO_SEED: '1'
		});
		try {
			await healthy(origin);
			const credentials = JSON.stringify({ email: 'leitung@demo.example', password: 'Demo-Leitung-2026' });
			const headers = { 'content-type': 'application/json', origin };
			const direct = await fetch(`${origin}/api/auth/login`, { method: 'POST', headers, body: credentials });
			expect(direct.status).toBe(400);
			const body = await direct.json();
			expect(body.error.code).toBe('client_address_missing');
			expect(body.error.message).toMatch(/ADDRESS_HEADER/);
			const forgot = await fetch(`${origin}/api/auth/forgot-password`, {
				method: 'POST',
				headers,
				body: JSON.stringify({ email: 'leitung@demo.example' })
			});
			expect(forgot.status).toBe(400);
			expect((await forgot.json()).error.code).toBe('client_address_missing');
			const proxied = await fetch(`${origin}/api/auth/login`, {
				method: 'POST',
				headers: { ...headers, 'x-forwarded-for': '203.0.113.7' },
				body: credentials
			});
			expect(proxied.status).toBe(200);
		} finally {
			expect(await run.stop()).toBe(0);
		}
		const warning = lines(run.output()).find(
			(line) => line.level === 'warn' && /ADDRESS_HEADER/.test(String(line.msg))
		);
		expect(warning).toMatchObject({ route: '/api/auth/login' });
	});
});
