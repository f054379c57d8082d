import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, testDialects, type TestServer } from '$lib/server/testing/testServer';
import { signedIn } from './testing/inProcessFetch';
import { pullAll } from './testing/syncFixtures';

describe.each(testDialects)('the demo deployment on %s', (dialect) => {
	let server: TestServer;

	beforeEach(async () => {
		server = await startTestServer(dialect, { demoSeed: true });
	});
	afterEach(() => server.cleanup());

	it('gives the demo Leitung a dossier in progress to pull, and nothing of the other centre', async () => {
		const records = await pullAll(await signedIn(server.ctx, 'demo-leitung'));
		expect(new Set(records.map((r) => r.facilityId))).toEqual(new Set(['demo-sonnenblume']));
		expect(records.find((r) => r.table === 'facilities')?.record).toMatchObject({
			id: 'demo-sonnenblume',
			name: 'Familienzentrum Sonnenblume'
		});
		expect(records.filter((r) => r.table === 'criterionStatuses').length).toBeGreaterThan(5);
		expect(records.filter((r) => r.table === 'evidence')).toHaveLength(2);
	});
});
