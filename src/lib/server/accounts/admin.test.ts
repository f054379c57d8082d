import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	getAssignments,
	getAudit,
	getFacilities,
	getUsers,
	patchUser,
	postFacility,
	postUser,
	postUserResetLink,
	putAssignments
} from '$lib/server/accounts/handlers';
import { getCatalogues, postCatalogue, postCatalogueActivation } from '$lib/server/catalogue/handlers';
import { postLogin, postSetPassword } from '$lib/server/auth/handlers';
import { getActiveCatalogueVersion } from '$lib/server/catalogue/handlers';
import { miniCatalogue } from '$lib/server/testing/catalogue';
import { send, type TestRequest } from '$lib/server/testing/requests';
import { loginToken } from '$lib/server/testing/session';
import {
	addFacility,
	addUser,
	startTestServer,
	testDialects,
	type TestServer
} from '$lib/server/testing/testServer';

describe.each(testDialects)('administration on %s', (dialect) => {
	let server: TestServer;
	let admin: string;
	const as = (token: string, handler: Parameters<typeof send>[0], request: TestRequest) =>
		send(handler, { ...request, token });

	beforeEach(async () => {
		server = await startTestServer(dialect);
		await addFacility(server.ctx, 'kita-a', 'FZ Nord');
		await addFacility(server.ctx, 'kita-a2', 'FZ Nord');
		await addFacility(server.ctx, 'kita-b', 'FZ Süd');
		const adminUser = await addUser(server.ctx, { id: 'admin', role: 'admin' });
		admin = await loginToken(adminUser.email);
	});
	afterEach(() => server.cleanup());

	it('creates a facility, by default its own Familienzentrum', async () => {
		const created = await as(admin, postFacility, {
			path: '/api/admin/facilities',
			body: { name: 'Kita Löwenzahn' }
		});
		expect(created.status).toBe(201);
		expect(created.body.facility).toMatchObject({
			name: 'Kita Löwenzahn',
			familienzentrum: 'Kita Löwenzahn'
		});
		const list = await as(admin, getFacilities, { path: '/api/admin/facilities' });
		expect(list.body.facilities.map((f: { name: string }) => f.name)).toContain('Kita Löwenzahn');
	});

	it('creates an account with a one-time link the new user sets a password with', async () => {
		const created = await as(admin, postUser, {
			path: '/api/admin/users',
			body: {
				email: ' Neu@Example.org ',
				displayName: 'Nina Neu',
				role: 'team',
				facilityIds: ['kita-a', 'kita-a2']
			}
		});
		expect(created.status).toBe(201);
		expect(created.body.user).toMatchObject({
			email: 'neu@example.org',
			role: 'team',
			hasPassword: false,
			disabled: false
		});
		expect(created.body.user.facilityIds.sort()).toEqual(['kita-a', 'kita-a2']);
		const token = new URL(created.body.link.url).searchParams.get('token');
		const set = await send(postSetPassword, {
			path: '/api/auth/set-password',
			body: { token, password: 'mein-eigenes-passwort' }
		});
		expect(set.status).toBe(200);
		const login = await send(postLogin, {
			path: '/api/auth/login',
			body: { email: 'neu@example.org', password: 'mein-eigenes-passwort' }
		});
		expect(login.status).toBe(200);
	});

	it('refuses a second account for the same email', async () => {
		const body = { email: 'doppelt@example.org', displayName: 'D', role: 'admin', facilityIds: [] };
		expect((await as(admin, postUser, { path: '/api/admin/users', body })).status).toBe(201);
		const again = await as(admin, postUser, { path: '/api/admin/users', body });
		expect(again.status).toBe(409);
		expect(again.body.error.issues[0].path).toEqual(['email']);
	});

	it('refuses team accounts across two Familienzentren or without a facility', async () => {
		const across = await as(admin, postUser, {
			path: '/api/admin/users',
			body: { email: 'x@example.org', displayName: 'X', role: 'team', facilityIds: ['kita-a', 'kita-b'] }
		});
		expect(across.status).toBe(400);
		expect(across.body.error.issues[0].path).toEqual(['facilityIds']);
		const none = await as(admin, postUser, {
			path: '/api/admin/users',
			body: { email: 'x@example.org', displayName: 'X', role: 'leitung', facilityIds: [] }
		});
		expect(none.status).toBe(400);
		const unknown = await as(admin, postUser, {
			path: '/api/admin/users',
			body: { email: 'x@example.org', displayName: 'X', role: 'team', facilityIds: ['gibt-es-nicht'] }
		});
		expect(unknown.status).toBe(400);
	});

	it('locks an account, which ends its sessions, and unlocks it', async () => {
		const team = await addUser(server.ctx, { id: 'team-a', role: 'team', facilityIds: ['kita-a'] });
		const teamToken = await loginToken(team.email);
		const locked = await as(admin, patchUser, {
			method: 'PATCH',
			path: '/api/admin/users/team-a',
			params: { id: 'team-a' },
			body: { disabled: true }
		});
		expect(locked.status).toBe(200);
		expect(locked.body.user.disabled).toBe(true);
		expect(
			await server.ctx.db.selectFrom('sessions').select('user_id').where('user_id', '=', 'team-a').execute()
		).toEqual([]);
		expect((await send(getUsers, { path: '/api/admin/users', token: teamToken })).status).toBe(401);
		const unlocked = await as(admin, patchUser, {
			method: 'PATCH',
			path: '/api/admin/users/team-a',
			params: { id: 'team-a' },
			body: { disabled: false }
		});
		expect(unlocked.body.user.disabled).toBe(false);
	});

	it('changes a role and moves the facilities to assignments for an advisor', async () => {
		await addUser(server.ctx, { id: 'wechsel', role: 'team', facilityIds: ['kita-a'] });
		const response = await as(admin, patchUser, {
			method: 'PATCH',
			path: '/api/admin/users/wechsel',
			params: { id: 'wechsel' },
			body: { role: 'fachberatung', facilityIds: ['kita-a', 'kita-b'] }
		});
		expect(response.status).toBe(200);
		expect(response.body.user.role).toBe('fachberatung');
		const assignments = await as(admin, getAssignments, { path: '/api/admin/assignments' });
		expect(assignments.body.assignments).toEqual([
			{ advisorId: 'wechsel', facilityId: 'kita-a' },
			{ advisorId: 'wechsel', facilityId: 'kita-b' }
		]);
	});

	it('keeps the admin from locking or demoting herself', async () => {
		const response = await as(admin, patchUser, {
			method: 'PATCH',
			path: '/api/admin/users/admin',
			params: { id: 'admin' },
			body: { disabled: true }
		});
		expect(response.status).toBe(409);
	});

	it('answers 404 for an unknown account', async () => {
		const response = await as(admin, postUserResetLink, {
			method: 'POST',
			path: '/api/admin/users/niemand/reset-link',
			params: { id: 'niemand' }
		});
		expect(response.status).toBe(404);
	});

	it('issues a new link for a forgotten password', async () => {
		await addUser(server.ctx, { id: 'vergesslich', role: 'team', facilityIds: ['kita-a'] });
		const response = await as(admin, postUserResetLink, {
			method: 'POST',
			path: '/api/admin/users/vergesslich/reset-link',
			params: { id: 'vergesslich' }
		});
		expect(response.status).toBe(200);
		expect(response.body.link.url).toContain('/passwort-setzen?token=');
	});

	it('assigns facilities to an advisor and refuses assignments for other roles', async () => {
		await addUser(server.ctx, { id: 'beratung', role: 'fachberatung' });
		await addUser(server.ctx, { id: 'team-a', role: 'team', facilityIds: ['kita-a'] });
		const put = await as(admin, putAssignments, {
			method: 'PUT',
			path: '/api/admin/assignments',
			body: { advisorId: 'beratung', facilityIds: ['kita-b'] }
		});
		expect(put.status).toBe(200);
		const list = await as(admin, getAssignments, { path: '/api/admin/assignments' });
		expect(list.body.assignments).toEqual([{ advisorId: 'beratung', facilityId: 'kita-b' }]);
		const wrong = await as(admin, putAssignments, {
			method: 'PUT',
			path: '/api/admin/assignments',
			body: { advisorId: 'team-a', facilityIds: ['kita-b'] }
		});
		expect(wrong.status).toBe(400);
	});

	it('keeps catalogue versions, validates uploads and puts one in force', async () => {
		const first = await as(admin, postCatalogue, {
			path: '/api/admin/catalogues',
			body: { catalogue: miniCatalogue('2026.1'), activate: true }
		});
		expect(first.status).toBe(201);
		expect(first.body.catalogue).toMatchObject({ id: 'familienzentrum-nrw@2026.1', active: true });
		await as(admin, postCatalogue, {
			path: '/api/admin/catalogues',
			body: { catalogue: miniCatalogue('2026.2') }
		});
		const duplicate = await as(admin, postCatalogue, {
			path: '/api/admin/catalogues',
			body: { catalogue: miniCatalogue('2026.2') }
		});
		expect(duplicate.status).toBe(409);
		const invalid = await as(admin, postCatalogue, {
			path: '/api/admin/catalogues',
			body: { catalogue: { ...miniCatalogue('2026.3'), criteria: [] } }
		});
		expect(invalid.status).toBe(400);
		expect(invalid.body.error.issues[0].path).toEqual(['catalogue', 'criteria']);

		const activated = await as(admin, postCatalogueActivation, {
			method: 'POST',
			path: '/api/admin/catalogues/familienzentrum-nrw@2026.2/activate',
			params: { id: 'familienzentrum-nrw@2026.2' }
		});
		expect(activated.status).toBe(200);
		const list = await as(admin, getCatalogues, { path: '/api/admin/catalogues' });
		expect(
			list.body.catalogues.map((c: { version: string; active: boolean }) => [c.version, c.active]).sort()
		).toEqual([
			['2026.1', false],
			['2026.2', true]
		]);
		const active = await as(admin, getActiveCatalogueVersion, { path: '/api/catalogue' });
		expect(active.body.catalogue.version).toBe('2026.2');
	});

	it('records who changed what in the audit log, newest first', async () => {
		await as(admin, postFacility, { path: '/api/admin/facilities', body: { name: 'Kita Pusteblume' } });
		const audit = await as(admin, getAudit, { path: '/api/admin/audit?limit=5' });
		expect(audit.status).toBe(200);
		expect(audit.body.entries[0]).toMatchObject({
			userId: 'admin',
			userEmail: 'admin@test.example',
			action: 'facility.create',
			entity: 'facility',
			detail: { name: 'Kita Pusteblume', familienzentrum: 'Kita Pusteblume' }
		});
		expect(audit.body.entries[1].action).toBe('auth.login');
	});

	it('answers 403 to every admin route for other roles', async () => {
		const leitung = await addUser(server.ctx, { id: 'leitung-a', role: 'leitung', facilityIds: ['kita-a'] });
		const token = await loginToken(leitung.email);
		for (const [handler, request] of [
			[getUsers, { path: '/api/admin/users' }],
			[getFacilities, { path: '/api/admin/facilities' }],
			[getAudit, { path: '/api/admin/audit' }],
			[getCatalogues, { path: '/api/admin/catalogues' }],
			[postFacility, { path: '/api/admin/facilities', body: { name: 'X' } }],
			[postUser, { path: '/api/admin/users', body: { email: 'a@b.de', displayName: 'A', role: 'admin' } }]
		] as const) {
			const response = await send(handler, { ...request, token });
			expect(response.status, request.path).toBe(403);
			expect(response.body.error.code).toBe('forbidden');
		}
	});
});
