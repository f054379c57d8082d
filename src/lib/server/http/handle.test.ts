import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getFacilities, getUsers, postFacility } from '$lib/server/accounts/handlers';
import { getSession, postLogin } from '$lib/server/auth/handlers';
import { getHealth } from '$lib/server/http/health';
import { send, TEST_ORIGIN } from '$lib/server/testing/requests';
import {
	addUser,
	startTestServer,
	TEST_PASSWORD,
	testDialects,
	type TestServer
} from '$lib/server/testing/testServer';
import { version } from '../../../../package.json';

describe.each(testDialects)('the /api gate on %s', (dialect) => {
	let server: TestServer;
	let adminToken: string;

	beforeEach(async () => {
		server = await startTestServer(dialect);
		const admin = await addUser(server.ctx, { id: 'admin', role: 'admin' });
		const login = await send(postLogin, {
			path: '/api/auth/login',
			body: { email: admin.email, password: TEST_PASSWORD }
		});
		adminToken = login.sessionCookie!.value;
	});
	afterEach(() => server.cleanup());

	it('reports health, database and version without a session', async () => {
		const response = await send(getHealth, { path: '/api/health' });
		expect(response.status).toBe(200);
		expect(response.body).toMatchObject({ status: 'ok', database: dialect, databaseStatus: 'ok', version });
	});

	it('answers 401 in JSON to every other route without a valid session', async () => {
		for (const [handler, path] of [
			[getSession, '/api/auth/session'],
			[getUsers, '/api/admin/users'],
			[getFacilities, '/api/admin/facilities']
		] as const) {
			for (const token of [undefined, 'ausgedacht']) {
				const response = await send(handler, { path, token });
				expect(response.status).toBe(401);
				expect(response.headers.get('content-type')).toBe('application/json');
				expect(response.body.error.code).toBe('unauthenticated');
				expect(response.body.error.message).toMatch(/Bitte melden Sie sich an/);
			}
		}
		const anyOtherPath = await send(getUsers, { path: '/api/sync/pull' });
		expect(anyOtherPath.status).toBe(401);
	});

	it('refuses a state-changing request from another origin', async () => {
		const response = await send(postFacility, {
			path: '/api/admin/facilities',
			body: { name: 'Kita Fremd' },
			token: adminToken,
			headers: { origin: 'https://boese.example' }
		});
		expect(response.status).toBe(403);
		expect(response.body.error.code).toBe('cross_origin');
		expect(await server.ctx.db.selectFrom('facilities').selectAll().execute()).toEqual([]);
	});

	it('refuses a cross-site request even when the browser omits Origin', async () => {
		const response = await send(postFacility, {
			path: '/api/admin/facilities',
			rawBody: JSON.stringify({ name: 'Kita Fremd' }),
			token: adminToken,
			headers: { origin: TEST_ORIGIN, 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' }
		});
		expect(response.status).toBe(403);
	});

	it('refuses form-encoded bodies, which a foreign page could post without asking', async () => {
		for (const type of [
			'application/x-www-form-urlencoded',
			'multipart/form-data; boundary=x',
			'text/plain'
		]) {
			const response = await send(postFacility, {
				path: '/api/admin/facilities',
				rawBody: 'name=Kita',
				token: adminToken,
				headers: { 'content-type': type }
			});
			expect(response.status).toBe(415);
		}
	});

	it('accepts the same request from its own origin', async () => {
		const response = await send(postFacility, {
			path: '/api/admin/facilities',
			body: { name: 'Kita Sonnenschein' },
			token: adminToken
		});
		expect(response.status).toBe(201);
	});

	it('answers 400 with the issues for a payload that does not fit the schema', async () => {
		const response = await send(postFacility, {
			path: '/api/admin/facilities',
			body: { name: '' },
			token: adminToken
		});
		expect(response.status).toBe(400);
		expect(response.body.error).toEqual({
			code: 'invalid_request',
			message: 'Die Eingaben sind unvollständig oder ungültig.',
			issues: [{ path: ['name'], message: 'Bitte einen Namen angeben' }]
		});
	});

	it('answers 400 for a body that is not JSON at all', async () => {
		const response = await send(postFacility, {
			path: '/api/admin/facilities',
			rawBody: '{"name": ',
			token: adminToken,
			headers: { 'content-type': 'application/json' }
		});
		expect(response.status).toBe(400);
		expect(response.body.error.message).toBe('Die Anfrage enthält kein gültiges JSON.');
	});

	it('answers 400 for a login without a valid email', async () => {
		const response = await send(postLogin, {
			path: '/api/auth/login',
			body: { email: 'keine-mail', password: 'x' }
		});
		expect(response.status).toBe(400);
		expect(response.body.error.issues).toEqual([
			{ path: ['email'], message: 'Bitte eine gültige E-Mail-Adresse angeben' }
		]);
	});

	it('sends security headers and never lets an /api answer be cached', async () => {
		const response = await send(getHealth, { path: '/api/health' });
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('x-frame-options')).toBe('DENY');
		expect(response.headers.get('referrer-policy')).toBe('same-origin');
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
	});
});
