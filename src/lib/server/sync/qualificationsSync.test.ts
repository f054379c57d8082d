import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db, useWorkspace } from '$lib/client/db';
import { getAttachment, sha256Hex, storeAttachment } from '$lib/client/db/attachments';
import { putRecord, updateRecord } from '$lib/client/db/changes';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import { readRejectedChanges } from '$lib/client/sync/rejectedChanges';
import { synchronize } from '$lib/client/sync/sync';
import { createSyncApi, type SyncApi } from '$lib/client/api/sync';
import {
	addTwoCentres,
	startTestServer,
	testDialects,
	type TestServer
} from '$lib/server/testing/testServer';
import { signedIn } from './testing/inProcessFetch';

/**
 * The qualifications register syncs like every other table: a training entered on one tablet,
 * with its certificate, reaches the colleague's tablet of the same centre and no other centre.
 */

const CERTIFICATE = new TextEncoder().encode(
	'%PDF-1.4\n% Teilnahmebescheinigung\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n'
);

interface Tablet {
	name: string;
	api: SyncApi;
}

describe.each(testDialects)('the qualifications register syncing on %s', (dialect) => {
	let server: TestServer;
	let tabletA: Tablet;
	let teamTabletA: Tablet;
	let tabletB: Tablet;

	beforeEach(async () => {
		server = await startTestServer(dialect);
		await addTwoCentres(server.ctx);
		const run = crypto.randomUUID();
		const tablet = async (name: string, userId: string): Promise<Tablet> => ({
			name: `${name}-${run}`,
			api: createSyncApi((await signedIn(server.ctx, userId)).fetch)
		});
		tabletA = await tablet('tablet-a', 'leitung-a');
		teamTabletA = await tablet('team-tablet-a', 'team-a');
		tabletB = await tablet('tablet-b', 'leitung-b');
	});
	afterEach(() => server.cleanup());

	async function on(tablet: Tablet): Promise<WorkspaceDb> {
		expect(await useWorkspace(tablet.name)).toBe('ok');
		return db;
	}

	it('pushes a qualification with its certificate and pulls it on the colleague’s tablet', async () => {
		await on(tabletA);
		const sha = await sha256Hex(CERTIFICATE);
		await storeAttachment(sha, new Blob([CERTIFICATE], { type: 'application/pdf' }), 'application/pdf');
		await putRecord('qualifications', {
			id: 'q-1',
			facilityId: 'kita-a',
			title: 'Fortbildung Kinderschutz',
			kind: 'fortbildung',
			holder: 'Fachkraft A',
			startDate: '2026-03-02',
			endDate: '2026-03-02',
			hours: 6,
			criterionIds: ['1.1'],
			certificate: { sha256: sha, mimeType: 'application/pdf', size: CERTIFICATE.length, fileName: 'TN.pdf' }
		});
		expect(await synchronize(await on(tabletA), tabletA.api)).toMatchObject({
			uploaded: 1,
			accepted: 1,
			rejected: 0
		});
		expect(await readRejectedChanges(await on(tabletA))).toEqual([]);

		const team = await on(teamTabletA);
		expect(await synchronize(team, teamTabletA.api)).toMatchObject({ downloaded: 1 });
		expect(await team.qualifications.get('q-1')).toMatchObject({
			holder: 'Fachkraft A',
			hours: 6,
			certificate: { sha256: sha, fileName: 'TN.pdf' }
		});
		expect(await getAttachment(sha, team)).toBeDefined();

		// An edit on the colleague's tablet goes back to the first one.
		await updateRecord('qualifications', 'q-1', { hours: 7.5 });
		expect(await synchronize(await on(teamTabletA), teamTabletA.api)).toMatchObject({ accepted: 1 });
		const first = await on(tabletA);
		await synchronize(first, tabletA.api);
		expect((await first.qualifications.get('q-1'))?.hours).toBe(7.5);

		// Another centre sees neither the entry nor the file.
		const other = await on(tabletB);
		await synchronize(other, tabletB.api);
		expect(await other.qualifications.count()).toBe(0);
		expect(await tabletB.api.downloadAttachment(sha)).toBeNull();
	});
});
