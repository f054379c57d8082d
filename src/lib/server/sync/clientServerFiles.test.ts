import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db, useWorkspace } from '$lib/client/db';
import { sha256Hex, storeAttachment } from '$lib/client/db/attachments';
import { putRecord } from '$lib/client/db/changes';
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
 * Tablets of two centres with the same file (a flyer of the Jugendamt, say), each a real client
 * database syncing through the real handlers: the second centre's tablet uploads the file although
 * the server has its bytes, because a record may cite only what its own centre uploaded.
 */

const FLYER = new TextEncoder().encode(
	'%PDF-1.4\n% Flyer Erziehungsberatung\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n'
);

interface Tablet {
	name: string;
	api: SyncApi;
	/** `METHOD path` of every request the tablet sent. */
	requests: string[];
}

describe.each(testDialects)('the same file on tablets of two centres, on %s', (dialect) => {
	let server: TestServer;
	let tabletA: Tablet;
	let teamTabletA: Tablet;
	let tabletB: Tablet;

	beforeEach(async () => {
		server = await startTestServer(dialect);
		await addTwoCentres(server.ctx);
		const run = crypto.randomUUID();
		const tablet = async (name: string, userId: string): Promise<Tablet> => {
			const browser = await signedIn(server.ctx, userId);
			const requests: string[] = [];
			const recording: typeof fetch = (input, init) => {
				requests.push(`${init?.method ?? 'GET'} ${String(input)}`);
				return browser.fetch(input, init);
			};
			return { name: `${name}-${run}`, api: createSyncApi(recording), requests };
		};
		tabletA = await tablet('tablet-a', 'leitung-a');
		teamTabletA = await tablet('team-tablet-a', 'team-a');
		tabletB = await tablet('tablet-b', 'leitung-b');
	});
	afterEach(() => server.cleanup());

	async function on(tablet: Tablet): Promise<WorkspaceDb> {
		expect(await useWorkspace(tablet.name)).toBe('ok');
		return db;
	}

	async function citeFlyer(tablet: Tablet, facilityId: string, id: string): Promise<string> {
		await on(tablet);
		const sha = await sha256Hex(FLYER);
		await storeAttachment(sha, new Blob([FLYER], { type: 'application/pdf' }), 'application/pdf');
		await putRecord('evidence', {
			id,
			facilityId,
			kind: 'file',
			title: 'Flyer Erziehungsberatung',
			date: '2026-11-20',
			criterionIds: ['1.1'],
			attachment: { sha256: sha, mimeType: 'application/pdf', size: FLYER.length, fileName: 'flyer.pdf' }
		});
		return sha;
	}

	it('uploads the file from the second centre too, and both centres keep their record', async () => {
		await citeFlyer(tabletA, 'kita-a', 'ev-a');
		expect(await synchronize(await on(tabletA), tabletA.api)).toMatchObject({
			uploaded: 1,
			accepted: 1,
			rejected: 0
		});

		const sha = await citeFlyer(tabletB, 'kita-b', 'ev-b');
		expect(await synchronize(await on(tabletB), tabletB.api)).toMatchObject({
			uploaded: 1,
			accepted: 1,
			rejected: 0
		});
		expect(tabletB.requests).toContain(`PUT /api/sync/attachments/${sha}`);
		const b = await on(tabletB);
		expect(await readRejectedChanges(b)).toEqual([]);
		expect(await b.outbox.count()).toBe(0);
		expect(await tabletB.api.downloadAttachment(sha)).not.toBeNull();
	});

	it('lets a colleague of the centre cite the file without sending it again', async () => {
		const sha = await citeFlyer(tabletA, 'kita-a', 'ev-a');
		await synchronize(await on(tabletA), tabletA.api);

		// The team tablet pulls the record and the file, then cites the file in a record of its own.
		expect(await synchronize(await on(teamTabletA), teamTabletA.api)).toMatchObject({ downloaded: 1 });
		await citeFlyer(teamTabletA, 'kita-a', 'ev-team');
		const report = await synchronize(await on(teamTabletA), teamTabletA.api);
		expect(report).toMatchObject({ accepted: 1, rejected: 0 });
		expect(teamTabletA.requests.filter((r) => r.startsWith('PUT'))).toEqual([]);
		expect(teamTabletA.requests).toContain(`HEAD /api/sync/attachments/${sha}`);
		expect(await (await on(teamTabletA)).uploadedAttachments.get(sha)).toBeDefined();
	});
});
