import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postLogin, postSetPassword } from '$lib/server/auth/handlers';
import { getTeam, patchTeamMember, postTeamMember, postTeamResetLink } from '$lib/server/accounts/handlers';
import { send } from '$lib/server/testing/requests';
import { loginToken } from '$lib/server/testing/session';
import {
	addFacility,
	addUser,
	startTestServer,
	TEST_PASSWORD,
	testDialects,
	type TestServer
} from '$lib/server/testing/testServer';

describe.each(testDialects)('a Leitung managing her team on %s', (dialect) => {
	let server: TestServer;
	let leitung: string;

	beforeEach(async () => {
		server = await startTestServer(dialect);
		await addFacility(server.ctx, 'kita-a');
		await addFacility(server.ctx, 'kita-b');
		const lead = await addUser(server.ctx, { id: 'leitung-a', role: 'leitung', facilityIds: ['kita-a'] });
		await addUser(server.ctx, { id: 'team-a', role: 'team', facilityIds: ['kita-a'] });
		await addUser(server.ctx, { id: 'team-b', role: 'team', facilityIds: ['kita-b'] });
		leitung = await loginToken(lead.email);
	});
	afterEach(() => server.cleanup());

	it('lists the accounts of her own facility only', async () => {
		const response = await send(getTeam, { path: '/api/team', token: leitung });
		expect(response.status).toBe(200);
		expect(response.body.users.map((u: { id: string }) => u.id).sort()).toEqual(['leitung-a', 'team-a']);
		expect(response.body.facilities.map((f: { id: string }) => f.id)).toEqual(['kita-a']);
	});

	it('creates a team account in her facility and gets its one-time link', async () => {
		const response = await send(postTeamMember, {
			path: '/api/team',
			token: leitung,
			body: { email: 'neu@kita-a.example', displayName: 'Neu', facilityIds: ['kita-a'] }
		});
		expect(response.status).toBe(201);
		expect(response.body.user).toMatchObject({ role: 'team', facilityIds: ['kita-a'] });
		expect(response.body.link.url).toContain('/passwort-setzen?token=');
	});

	it('cannot create accounts in another facility or with another role', async () => {
		const elsewhere = await send(postTeamMember, {
			path: '/api/team',
			token: leitung,
			body: { email: 'neu@kita-b.example', displayName: 'Neu', facilityIds: ['kita-b'] }
		});
		expect(elsewhere.status).toBe(403);
		const admin = await send(postTeamMember, {
			path: '/api/team',
			token: leitung,
			body: { email: 'neu@kita-a.example', displayName: 'Neu', role: 'admin', facilityIds: ['kita-a'] }
		});
		expect(admin.status).toBe(400);
	});

	it("locks her team member, but cannot touch another facility's account", async () => {
		const own = await send(patchTeamMember, {
			method: 'PATCH',
			path: '/api/team/team-a',
			params: { id: 'team-a' },
			token: leitung,
			body: { disabled: true }
		});
		expect(own.status).toBe(200);
		expect(own.body.user.disabled).toBe(true);
		const other = await send(patchTeamMember, {
			method: 'PATCH',
			path: '/api/team/team-b',
			params: { id: 'team-b' },
			token: leitung,
			body: { disabled: true }
		});
		expect(other.status).toBe(404);
		const link = await send(postTeamResetLink, {
			method: 'POST',
			path: '/api/team/team-b/reset-link',
			params: { id: 'team-b' },
			token: leitung
		});
		expect(link.status).toBe(404);
	});

	it('is refused to team members', async () => {
		const token = await loginToken('team-a@test.example');
		expect((await send(getTeam, { path: '/api/team', token })).status).toBe(403);
	});

	describe('does not reveal which addresses have accounts in other centres', () => {
		const create = (email: string, displayName = 'Neu') =>
			send(postTeamMember, {
				path: '/api/team',
				token: leitung,
				body: { email, displayName, facilityIds: ['kita-a'] }
			});
		const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;
		const setPassword = (url: string, password: string) =>
			send(postSetPassword, {
				path: '/api/auth/set-password',
				body: { token: tokenOf(url), password }
			});
		/** The answer with what differs between any two accounts (ids, tokens) taken out. */
		const shape = (body: { user: Record<string, unknown>; link: { url: string; expiresAt: string } }) => ({
			...body,
			user: { ...body.user, id: typeof body.user.id, email: undefined },
			link: { url: body.link.url.replace(/token=[\w-]+$/, 'token=…'), expiresAt: body.link.expiresAt }
		});

		it('answers a fresh address and one of another centre alike, and both links say the password is set', async () => {
			const fresh = await create('neu@kita-a.example');
			const taken = await create('team-b@test.example');
			expect(taken.status).toBe(fresh.status);
			expect(taken.status).toBe(201);
			expect(shape(taken.body)).toEqual(shape(fresh.body));
			expect(taken.body.user).toMatchObject({ email: 'team-b@test.example', hasPassword: false });

			const list = await send(getTeam, { path: '/api/team', token: leitung });
			const listed = (email: string) => list.body.users.find((u: { email: string }) => u.email === email);
			expect(listed('team-b@test.example')).toEqual(taken.body.user);
			expect(listed('neu@kita-a.example')).toEqual(fresh.body.user);

			const weakFresh = await setPassword(fresh.body.link.url, '1234567890');
			const weakTaken = await setPassword(taken.body.link.url, '1234567890');
			expect(weakTaken.status).toBe(400);
			expect(weakTaken.body).toEqual(weakFresh.body);
			const setFresh = await setPassword(fresh.body.link.url, 'Lindenblüte-Kastanie-42');
			const setTaken = await setPassword(taken.body.link.url, 'Lindenblüte-Kastanie-42');
			expect(setTaken.status).toBe(200);
			expect(setTaken.body).toEqual({ ok: true, email: 'team-b@test.example' });
			expect(setFresh.body).toEqual({ ok: true, email: 'neu@kita-a.example' });
			// The link used once is used up, for both.
			expect((await setPassword(taken.body.link.url, 'Lindenblüte-Kastanie-42')).status).toBe(400);
			expect((await setPassword(fresh.body.link.url, 'Lindenblüte-Kastanie-42')).status).toBe(400);

			// The existing account in the other centre is untouched: its password and its facility.
			const login = (password: string) =>
				send(postLogin, { path: '/api/auth/login', body: { email: 'team-b@test.example', password } });
			expect((await login('Lindenblüte-Kastanie-42')).status).toBe(401);
			const own = await login(TEST_PASSWORD);
			expect(own.status).toBe(200);
			expect(own.body.user.facilities.map((f: { id: string }) => f.id)).toEqual(['kita-b']);
			const audit = await server.ctx.db
				.selectFrom('audit_log')
				.select('action')
				.where('action', 'like', 'team.invitation%')
				.execute();
			expect(audit.map((a) => a.action)).toEqual(['team.invitation_in_use', 'team.invitation_redeemed']);
		});

		it('lets her lock, unlock and re-link such an account like any other', async () => {
			const taken = await create('team-b@test.example');
			const id = taken.body.user.id as string;
			const lock = await send(patchTeamMember, {
				method: 'PATCH',
				path: `/api/team/${id}`,
				params: { id },
				token: leitung,
				body: { disabled: true }
			});
			expect(lock.status).toBe(200);
			expect(lock.body.user).toMatchObject({ id, disabled: true });
			expect((await setPassword(taken.body.link.url, 'Lindenblüte-Kastanie-42')).status).toBe(400);
			const relinkLocked = await send(postTeamResetLink, {
				method: 'POST',
				path: `/api/team/${id}/reset-link`,
				params: { id },
				token: leitung
			});
			expect(relinkLocked.status).toBe(409);
			await send(patchTeamMember, {
				method: 'PATCH',
				path: `/api/team/${id}`,
				params: { id },
				token: leitung,
				body: { disabled: false }
			});
			const relink = await send(postTeamResetLink, {
				method: 'POST',
				path: `/api/team/${id}/reset-link`,
				params: { id },
				token: leitung
			});
			expect(relink.status).toBe(200);
			expect(relink.body.link.url).toContain('/passwort-setzen?token=');
			expect((await setPassword(relink.body.link.url, 'Lindenblüte-Kastanie-42')).status).toBe(200);
		});

		it('tells her plainly when the address is already in her own team', async () => {
			const existing = await create('team-a@test.example');
			expect(existing.status).toBe(409);
			expect(existing.body.error.message).toBe('Diese Person hat schon ein Konto in Ihrem Team.');
			expect((await create('team-b@test.example')).status).toBe(201);
			expect((await create('team-b@test.example')).status).toBe(409);
		});
	});
});
