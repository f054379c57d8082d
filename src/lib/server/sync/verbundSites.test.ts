import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	addTwoCentres,
	startTestServer,
	testDialects,
	type TestServer
} from '$lib/server/testing/testServer';
import { makeOfficeHourSession } from '$fixtures/registers';
import { signedIn, type InProcessFetch } from './testing/inProcessFetch';
import { change, DEVICE_A, DEVICE_B, noteEvidence, pullAll, push, T0 } from './testing/syncFixtures';

/** A Verbund's sites travel with the generic sync: profile roles, evidence and register entries. */
describe.each(testDialects)('Verbund sites on %s', (dialect) => {
	let server: TestServer;
	let leitung: InProcessFetch;
	let team: InProcessFetch;

	beforeEach(async () => {
		server = await startTestServer(dialect);
		await addTwoCentres(server.ctx);
		leitung = await signedIn(server.ctx, 'leitung-a');
		team = await signedIn(server.ctx, 'team-a');
	});
	afterEach(() => server.cleanup());

	const profile = {
		id: 'kita-a',
		facilityId: 'kita-a',
		createdAt: T0,
		updatedAt: T0,
		updatedBy: 'Tablet',
		deleted: false,
		name: 'Familienzentrum Am Park',
		catalogueId: 'familienzentrum-nrw',
		catalogueVersion: '2026',
		verbundMembers: [{ id: 'kita-2', name: 'Kita Sonnenschein', address: 'Parkstraße 3' }],
		grantRecipientSiteId: 'kita-2',
		contactSiteId: null
	};

	it('stores the roles, and evidence and register entries with their site, for the other tablets', async () => {
		const session = { ...makeOfficeHourSession({ siteId: 'kita-2' }), facilityId: 'kita-a' };
		const pushed = await push(leitung, DEVICE_A, [
			change(1, 'facilities', profile),
			change(2, 'evidence', noteEvidence('kita-a', 'ev-1', { siteId: 'kita-a' })),
			change(3, 'officeHourSessions', session)
		]);
		expect(pushed.body.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);

		const records = await pullAll(team);
		const byId = new Map(records.map((r) => [r.recordId, r.record]));
		expect(byId.get('kita-a')).toMatchObject({ grantRecipientSiteId: 'kita-2', contactSiteId: null });
		expect(byId.get('ev-1')).toMatchObject({ siteId: 'kita-a' });
		expect(byId.get(session.id)).toMatchObject({ siteId: 'kita-2' });
	});

	it('refuses a role held by no Kita of the Verbund, in German, also when a merge would make one', async () => {
		const unknown = await push(leitung, DEVICE_A, [
			change(1, 'facilities', { ...profile, grantRecipientSiteId: 'kita-9' })
		]);
		expect(unknown.body.results[0]).toMatchObject({ status: 'rejected', code: 'validation' });
		expect(unknown.body.results[0].reason).toContain('Der Zuschussempfänger ist keine Kita dieses Verbunds.');

		await push(leitung, DEVICE_A, [change(2, 'facilities', profile)]);
		// Another tablet, not yet aware of the role, removes the member that holds it.
		const removal = await push(team, DEVICE_B, [
			change(1, 'facilities', { verbundMembers: [] }, { recordId: 'kita-a', baseRevision: 1 })
		]);
		expect(removal.body.results[0]).toMatchObject({ status: 'rejected', code: 'validation' });
		const stored = (await pullAll(team)).find((r) => r.recordId === 'kita-a')?.record;
		expect(stored).toMatchObject({ verbundMembers: [{ id: 'kita-2' }], grantRecipientSiteId: 'kita-2' });
	});
});
