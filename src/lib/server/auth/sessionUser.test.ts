import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	addFacility,
	addUser,
	startTestServer,
	testDialects,
	type TestServer
} from '$lib/server/testing/testServer';
import { createSession } from './sessions';
import { loadSessionAndUser, loadSessionUser } from './sessionUser';
import { hashToken } from './tokens';

describe.each(testDialects)('the user behind a session on %s', (dialect) => {
	let server: TestServer;

	beforeEach(async () => {
		server = await startTestServer(dialect);
		await addFacility(server.ctx, 'regenbogen');
		await addFacility(server.ctx, 'ahorn');
		await addFacility(server.ctx, 'sonnenblume');
	});
	afterEach(() => server.cleanup());

	const sessionOf = async (userId: string) =>
		loadSessionAndUser(server.ctx.db, hashToken((await createSession(server.ctx, userId)).token));

	it('gives a team member and a Leitung their centres by name, an advisor her assigned ones, an admin none', async () => {
		await addUser(server.ctx, { id: 'team', role: 'team', facilityIds: ['sonnenblume', 'ahorn'] });
		await addUser(server.ctx, { id: 'leitung', role: 'leitung', facilityIds: ['regenbogen'] });
		await addUser(server.ctx, { id: 'beratung', role: 'fachberatung', facilityIds: ['regenbogen', 'ahorn'] });
		await addUser(server.ctx, { id: 'admin', role: 'admin' });

		const ids = async (userId: string) => (await sessionOf(userId))?.user?.facilities.map((f) => f.id);
		expect(await ids('team')).toEqual(['ahorn', 'sonnenblume']);
		expect(await ids('leitung')).toEqual(['regenbogen']);
		expect(await ids('beratung')).toEqual(['ahorn', 'regenbogen']);
		expect(await ids('admin')).toEqual([]);
		// The same answer as the user's own lookup (login uses it).
		for (const userId of ['team', 'leitung', 'beratung', 'admin']) {
			expect((await sessionOf(userId))?.user).toEqual(await loadSessionUser(server.ctx.db, userId));
		}
	});

	it('has no user for a locked account and nothing for an unknown session', async () => {
		await addUser(server.ctx, { id: 'locked', role: 'team', facilityIds: ['ahorn'], disabled: true });
		const found = await sessionOf('locked');
		expect(found?.user).toBeNull();
		expect(found?.session.userId).toBe('locked');
		expect(await loadSessionAndUser(server.ctx.db, hashToken('no-such-token'))).toBeNull();
	});
});
