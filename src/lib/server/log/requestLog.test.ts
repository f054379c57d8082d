import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postLogin, postSetPassword } from '$lib/server/auth/handlers';
import { createPasswordLink } from '$lib/server/auth/passwordLinks';
import { json } from '$lib/server/http/endpoint';
import { send } from '$lib/server/testing/requests';
import { addUser, startTestServer, TEST_PASSWORD, type TestServer } from '$lib/server/testing/testServer';
import { logger, redirectLogs } from './logger';
import { requestLogFields } from './requestLog';

type Line = Record<string, unknown>;

describe('the access log', () => {
	let server: TestServer;
	let raw: string[];
	let restore: () => void;

	beforeEach(async () => {
		server = await startTestServer('sqlite');
		raw = [];
		restore = redirectLogs({ write: (line) => raw.push(line) });
		logger.level = 'info';
	});
	afterEach(async () => {
		logger.level = 'silent';
		restore();
		await server.cleanup();
	});

	const requestLines = () =>
		raw.map((line) => JSON.parse(line) as Line).filter((line) => line.msg === 'request');

	it('writes one JSON line per request with id, method, route, status and duration', async () => {
		const response = await send(async () => json({ ok: true }), {
			path: '/api/catalogue/version',
			routeId: '/api/catalogue/version'
		});
		const [line, ...more] = requestLines();
		expect(more).toEqual([]);
		expect(line).toMatchObject({
			level: 'info',
			method: 'GET',
			route: '/api/catalogue/version',
			status: 401
		});
		expect(line.durationMs).toEqual(expect.any(Number));
		expect(line.requestId).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));
		expect(response.headers.get('x-request-id')).toBe(line.requestId);
	});

	it('logs the health checks a balancer sends every few seconds only at debug level, unless they fail', async () => {
		await send(async () => json({}), { path: '/api/health', routeId: '/api/health' });
		expect(requestLines()).toEqual([]);
		await send(async () => json({}, { status: 503 }), { path: '/api/health', routeId: '/api/health' });
		expect(requestLines()).toMatchObject([{ level: 'error', route: '/api/health', status: 503 }]);
		logger.level = 'debug';
		await send(async () => json({}), { path: '/api/health', routeId: '/api/health' });
		expect(requestLines().at(-1)).toMatchObject({ level: 'debug', route: '/api/health', status: 200 });
	});

	it('keeps the id a reverse proxy sent, so its log and ours name the same request', async () => {
		const response = await send(async () => json({}), {
			path: '/api/health',
			headers: { 'x-request-id': 'a1b2c3d4e5f6a7b8c9d0' }
		});
		expect(response.headers.get('x-request-id')).toBe('a1b2c3d4e5f6a7b8c9d0');
		expect(requestLines()[0].requestId).toBe('a1b2c3d4e5f6a7b8c9d0');
		await send(async () => json({}), { path: '/api/health', headers: { 'x-request-id': 'x@y.de <script>' } });
		expect(requestLines()[1].requestId).not.toContain('@');
	});

	it('never writes an e-mail address, password, token, cookie or query string', async () => {
		const user = await addUser(server.ctx, { id: 'leitung-log', role: 'leitung' });
		const login = await send(postLogin, {
			path: '/api/auth/login?next=%2Fkriterien',
			routeId: '/api/auth/login',
			body: { email: user.email, password: TEST_PASSWORD }
		});
		expect(login.status).toBe(200);
		const failed = await send(postLogin, {
			path: '/api/auth/login',
			routeId: '/api/auth/login',
			body: { email: user.email, password: 'ganz-falsch-123' }
		});
		expect(failed.status).toBe(401);
		const link = await createPasswordLink(server.ctx, user.id, 'http://localhost:5173');
		const token = new URL(link.url).searchParams.get('token')!;
		await send(async () => new Response('<!doctype html>'), {
			path: `/passwort-setzen?token=${token}`,
			routeId: '/passwort-setzen',
			token: login.sessionCookie!.value
		});
		await send(postSetPassword, {
			path: '/api/auth/set-password',
			routeId: '/api/auth/set-password',
			body: { token, password: 'Ein-ganz-neues-Passwort-2026' }
		});

		const lines = requestLines();
		expect(lines.map((line) => [line.route, line.status])).toEqual([
			['/api/auth/login', 200],
			['/api/auth/login', 401],
			['/passwort-setzen', 200],
			['/api/auth/set-password', 200]
		]);
		const all = raw.join('\n');
		for (const secret of [user.email, TEST_PASSWORD, token, login.sessionCookie!.value, 'next=', '?token']) {
			expect(all).not.toContain(secret);
		}
		expect(all).not.toMatch(/@/);
	});

	it('logs an answer the server could not give as an error', async () => {
		const user = await addUser(server.ctx, { id: 'team-log', role: 'team' });
		const login = await send(postLogin, {
			path: '/api/auth/login',
			body: { email: user.email, password: TEST_PASSWORD }
		});
		await expect(
			send(
				async () => {
					throw new Error('kaputt');
				},
				{ path: '/api/sync/pull', routeId: '/api/sync/pull', token: login.sessionCookie!.value }
			)
		).rejects.toThrow('kaputt');
		expect(requestLines().at(-1)).toMatchObject({ level: 'error', route: '/api/sync/pull', status: 500 });
	});
});

describe('requestLogFields', () => {
	it('names the route, not the path, and rounds the duration', () => {
		const request = new Request('http://localhost/api/admin/users/u-123?x=1', { method: 'PATCH' });
		expect(
			requestLogFields({ request, route: { id: '/api/admin/users/[id]' } }, 'id-1', 204, 12.3456)
		).toEqual({
			requestId: 'id-1',
			method: 'PATCH',
			route: '/api/admin/users/[id]',
			status: 204,
			durationMs: 12.3
		});
	});
});
