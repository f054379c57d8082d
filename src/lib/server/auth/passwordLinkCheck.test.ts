import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { passwordLinkProblems } from '$lib/domain/passwordLinkState';
import { postTeamMember, postTeamResetLink } from '$lib/server/accounts/handlers';
import { getPasswordLink, postSetPassword } from '$lib/server/auth/handlers';
import { send } from '$lib/server/testing/requests';
import { loginToken } from '$lib/server/testing/session';
import {
	addFacility,
	addUser,
	startTestServer,
	testDialects,
	type TestServer
} from '$lib/server/testing/testServer';
import { createPasswordLink } from './passwordLinks';

const DAY = 24 * 60 * 60 * 1000;
const PASSWORD = 'Lindenblüte-Kastanie-42';

describe.each(testDialects)('a device opening a one-time link on %s', (dialect) => {
	let server: TestServer;
	let leitung: string;

	beforeEach(async () => {
		server = await startTestServer(dialect);
		await addFacility(server.ctx, 'kita-a');
		await addFacility(server.ctx, 'kita-b');
		const lead = await addUser(server.ctx, { id: 'leitung-a', role: 'leitung', facilityIds: ['kita-a'] });
		await addUser(server.ctx, { id: 'team-b', role: 'team', facilityIds: ['kita-b'] });
		await addUser(server.ctx, { id: 'neu', role: 'team', facilityIds: ['kita-a'], password: null });
		leitung = await loginToken(lead.email);
	});
	afterEach(() => server.cleanup());

	const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;
	const check = async (url: string) =>
		(await send(getPasswordLink, { path: `/api/auth/set-password?token=${tokenOf(url)}` })).body;
	const setPassword = (url: string) =>
		send(postSetPassword, {
			path: '/api/auth/set-password',
			body: { token: tokenOf(url), password: PASSWORD }
		});

	it('says a fresh link works and until when, then that it was used', async () => {
		const link = await createPasswordLink(server.ctx, 'neu', 'http://localhost:5173');
		expect(await check(link.url)).toEqual({ state: 'usable', expiresAt: link.expiresAt });
		expect((await setPassword(link.url)).status).toBe(200);
		expect(await check(link.url)).toEqual({ state: 'used', expiresAt: null });
		const again = await setPassword(link.url);
		expect(again.status).toBe(400);
		expect(again.body.error).toMatchObject({ code: 'invalid_token', message: passwordLinkProblems.used });
	});

	it('tells an expired link from a used one, and says what to do', async () => {
		const link = await createPasswordLink(server.ctx, 'neu', 'http://localhost:5173');
		server.clock.advance(7 * DAY + 1000);
		expect(await check(link.url)).toEqual({ state: 'expired', expiresAt: link.expiresAt });
		const response = await setPassword(link.url);
		expect(response.status).toBe(400);
		expect(response.body.error.message).toBe(passwordLinkProblems.expired);
		expect(response.body.error.message).toMatch(/nach einem neuen Link/);
	});

	it('counts a link replaced by a newer one as used, and the newer one as usable', async () => {
		const older = await createPasswordLink(server.ctx, 'neu', 'http://localhost:5173');
		const newer = await createPasswordLink(server.ctx, 'neu', 'http://localhost:5173');
		expect((await check(older.url)).state).toBe('used');
		expect((await check(newer.url)).state).toBe('usable');
	});

	it('calls an unknown, cut-off or locked account’s link invalid', async () => {
		const link = await createPasswordLink(server.ctx, 'neu', 'http://localhost:5173');
		expect(await check(link.url.slice(0, -5))).toEqual({ state: 'invalid', expiresAt: null });
		const empty = await send(getPasswordLink, { path: '/api/auth/set-password' });
		expect(empty.status).toBe(200);
		expect(empty.body).toEqual({ state: 'invalid', expiresAt: null });
		await server.ctx.db.updateTable('users').set({ disabled: 1 }).where('id', '=', 'neu').execute();
		expect((await check(link.url)).state).toBe('invalid');
		const refused = await setPassword(link.url);
		expect(refused.status).toBe(400);
		expect(refused.body.error.message).toBe(passwordLinkProblems.invalid);
	});

	it('answers a team invitation’s link exactly like an account’s, before and after use', async () => {
		const create = (email: string) =>
			send(postTeamMember, {
				path: '/api/team',
				token: leitung,
				body: { email, displayName: 'Tina Tablet', facilityIds: ['kita-a'] }
			});
		const fresh = await create('tina@kita-a.example');
		const taken = await create('team-b@test.example');
		for (const body of [fresh.body, taken.body]) {
			expect(await check(body.link.url)).toEqual({ state: 'usable', expiresAt: body.link.expiresAt });
			expect((await setPassword(body.link.url)).status).toBe(200);
			expect(await check(body.link.url)).toEqual({ state: 'used', expiresAt: null });
			expect((await setPassword(body.link.url)).body.error.message).toBe(passwordLinkProblems.used);
		}

		// A new link for the invitation works again, once.
		const id = taken.body.user.id as string;
		const relink = await send(postTeamResetLink, {
			method: 'POST',
			path: `/api/team/${id}/reset-link`,
			params: { id },
			token: leitung
		});
		expect(relink.status).toBe(200);
		expect((await check(relink.body.link.url)).state).toBe('usable');
		expect((await setPassword(relink.body.link.url)).status).toBe(200);
		expect((await check(relink.body.link.url)).state).toBe('used');
	});
});
