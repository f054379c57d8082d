import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '$lib/domain/accounts';
import {
	addFacility,
	addUser,
	startTestServer,
	testDialects,
	type TestServer
} from '$lib/server/testing/testServer';
import {
	canLeadFacility,
	canReadFacility,
	canReviewFacility,
	canWriteFacility,
	facilitiesVisibleTo
} from './permissions';
import { loadSessionUser } from './sessionUser';

describe.each(testDialects)('who may see which facility, on %s', (dialect) => {
	let server: TestServer;
	const load = async (id: string): Promise<SessionUser> => (await loadSessionUser(server.ctx.db, id))!;

	beforeEach(async () => {
		server = await startTestServer(dialect);
		await addFacility(server.ctx, 'kita-a');
		await addFacility(server.ctx, 'kita-b');
		await addFacility(server.ctx, 'kita-c');
		await addUser(server.ctx, { id: 'team-a', role: 'team', facilityIds: ['kita-a'] });
		await addUser(server.ctx, { id: 'leitung-a', role: 'leitung', facilityIds: ['kita-a'] });
		await addUser(server.ctx, { id: 'beratung', role: 'fachberatung', facilityIds: ['kita-a', 'kita-c'] });
		await addUser(server.ctx, { id: 'admin', role: 'admin' });
	});
	afterEach(() => server.cleanup());

	it('lets a team member of facility A read and write A, and nothing of B', async () => {
		const team = await load('team-a');
		expect(facilitiesVisibleTo(team)).toEqual(['kita-a']);
		expect(canReadFacility(team, 'kita-a')).toBe(true);
		expect(canWriteFacility(team, 'kita-a')).toBe(true);
		expect(canReadFacility(team, 'kita-b')).toBe(false);
		expect(canWriteFacility(team, 'kita-b')).toBe(false);
		expect(canLeadFacility(team, 'kita-a')).toBe(false);
	});

	it('lets the Leitung lead her own facility only', async () => {
		const leitung = await load('leitung-a');
		expect(canLeadFacility(leitung, 'kita-a')).toBe(true);
		expect(canLeadFacility(leitung, 'kita-b')).toBe(false);
	});

	it('shows an advisor only the facilities assigned to her, for reading and review', async () => {
		const advisor = await load('beratung');
		expect(facilitiesVisibleTo(advisor).sort()).toEqual(['kita-a', 'kita-c']);
		expect(canReadFacility(advisor, 'kita-b')).toBe(false);
		expect(canReviewFacility(advisor, 'kita-a')).toBe(true);
		expect(canReviewFacility(advisor, 'kita-b')).toBe(false);
		expect(canWriteFacility(advisor, 'kita-a')).toBe(false);
	});

	it('gives the admin no facility data', async () => {
		const admin = await load('admin');
		expect(facilitiesVisibleTo(admin)).toEqual([]);
		expect(canReadFacility(admin, 'kita-a')).toBe(false);
	});

	it('has no session user for a locked account', async () => {
		await server.ctx.db.updateTable('users').set({ disabled: 1 }).where('id', '=', 'team-a').execute();
		expect(await loadSessionUser(server.ctx.db, 'team-a')).toBeNull();
	});
});
