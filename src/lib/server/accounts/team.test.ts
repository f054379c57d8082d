import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getTeam, patchTeamMember, postTeamMember, postTeamResetLink } from '../api/team';
import { send } from '../testing/requests';
import { loginToken } from '../testing/session';
import { addFacility, addUser, startTestServer, testDialects, type TestServer } from '../testing/testServer';

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
});
