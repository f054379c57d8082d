import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db, useWorkspace } from '$lib/client/db';
import { sha256Hex, storeAttachment } from '$lib/client/db/attachments';
import { putRecord, updateRecord } from '$lib/client/db/changes';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import { readOpenConflicts, resolveConflict } from '$lib/client/sync/conflicts';
import { readRejectedChanges } from '$lib/client/sync/rejectedChanges';
import { synchronize } from '$lib/client/sync/sync';
import { createSyncApi, type SyncApi } from '$lib/client/api/sync';
import {
	addFacility,
	addUser,
	startTestServer,
	testDialects,
	type TestServer
} from '$lib/server/testing/testServer';
import { signedIn } from './testing/inProcessFetch';

/**
 * Two tablets of one centre and an advisor's laptop, each a real client database (fake-indexeddb)
 * syncing through the real sync handlers in-process: what one tablet enters reaches the others.
 */

const FACILITY = 'kita-a';
const PDF = new TextEncoder().encode(
	'%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'
);

interface Tablet {
	name: string;
	api: SyncApi;
}

describe.each(testDialects)('tablets syncing through the server on %s', (dialect) => {
	let server: TestServer;
	let tabletA: Tablet;
	let tabletB: Tablet;
	let laptop: Tablet;

	beforeEach(async () => {
		server = await startTestServer(dialect);
		await addFacility(server.ctx, FACILITY);
		await addUser(server.ctx, { id: 'leitung-a', role: 'leitung', facilityIds: [FACILITY] });
		await addUser(server.ctx, { id: 'team-a', role: 'team', facilityIds: [FACILITY] });
		await addUser(server.ctx, { id: 'beratung', role: 'fachberatung', facilityIds: [FACILITY] });
		const run = crypto.randomUUID();
		tabletA = {
			name: `tablet-a-${run}`,
			api: createSyncApi((await signedIn(server.ctx, 'leitung-a')).fetch)
		};
		tabletB = { name: `tablet-b-${run}`, api: createSyncApi((await signedIn(server.ctx, 'team-a')).fetch) };
		laptop = { name: `laptop-${run}`, api: createSyncApi((await signedIn(server.ctx, 'beratung')).fetch) };
	});
	afterEach(() => server.cleanup());

	/** Makes the tablet's database the one local writes go to, as the app on that tablet would. */
	async function on(tablet: Tablet): Promise<WorkspaceDb> {
		expect(await useWorkspace(tablet.name)).toBe('ok');
		return db;
	}

	async function sync(tablet: Tablet) {
		return synchronize(await on(tablet), tablet.api);
	}

	const status = (criterionId: string, value: 'offen' | 'in_arbeit' | 'erfuellt') => ({
		id: `${FACILITY}:${criterionId}`,
		facilityId: FACILITY,
		criterionId,
		status: value
	});

	it('shows on tablet B what was entered on tablet A, files included', async () => {
		await on(tabletA);
		await putRecord('criterionStatuses', status('1.2', 'erfuellt'));
		const sha = await sha256Hex(PDF);
		await storeAttachment(sha, new Blob([PDF], { type: 'application/pdf' }), 'application/pdf');
		await putRecord('evidence', {
			id: 'ev-1',
			facilityId: FACILITY,
			kind: 'file',
			title: 'Kooperationsvereinbarung Erziehungsberatung',
			date: '2026-11-20',
			criterionIds: ['1.2'],
			attachment: { sha256: sha, mimeType: 'application/pdf', size: PDF.length, fileName: 'vereinbarung.pdf' }
		});
		expect(await sync(tabletA)).toMatchObject({ uploaded: 1, accepted: 2, rejected: 0 });

		const report = await sync(tabletB);
		expect(report).toMatchObject({ pulled: 2, downloaded: 1 });
		const b = await on(tabletB);
		expect(await b.criterionStatuses.get(`${FACILITY}:1.2`)).toMatchObject({
			status: 'erfuellt',
			updatedBy: 'Person leitung-a'
		});
		expect(await b.evidence.get('ev-1')).toMatchObject({
			title: 'Kooperationsvereinbarung Erziehungsberatung'
		});
		const file = await b.attachments.get(sha);
		expect(new Uint8Array(await file!.blob.arrayBuffer())).toEqual(PDF);
		expect(await b.outbox.count()).toBe(0);

		// Syncing again changes nothing anywhere.
		await sync(tabletA);
		await sync(tabletB);
		expect(await (await on(tabletB)).criterionStatuses.count()).toBe(1);
	});

	it('merges different fields, shows a clash over one field as a conflict, and the Leitung resolves it', async () => {
		await on(tabletA);
		await putRecord('criterionStatuses', status('1.1', 'offen'));
		await sync(tabletA);
		await sync(tabletB);

		// Both tablets offline, editing the same criterion.
		await on(tabletA);
		await updateRecord('criterionStatuses', `${FACILITY}:1.1`, { status: 'erfuellt' });
		await on(tabletB);
		await updateRecord('criterionStatuses', `${FACILITY}:1.1`, {
			status: 'in_arbeit',
			note: 'Aushang fehlt noch'
		});

		await sync(tabletA);
		expect(await sync(tabletB)).toMatchObject({ accepted: 1, conflicts: 1 });
		await sync(tabletA);

		for (const tablet of [tabletA, tabletB]) {
			const local = await on(tablet);
			expect(await local.criterionStatuses.get(`${FACILITY}:1.1`)).toMatchObject({
				status: 'erfuellt',
				note: 'Aushang fehlt noch'
			});
		}
		const a = await on(tabletA);
		const [open] = await readOpenConflicts(a);
		expect(open.conflict).toMatchObject({
			field: 'status',
			keptValue: 'erfuellt',
			otherValue: 'in_arbeit',
			otherBy: 'Person team-a'
		});
		expect(open.record).toMatchObject({ criterionId: '1.1' });

		await resolveConflict(open.conflict, 'other');
		await sync(tabletA);
		await sync(tabletB);
		const b = await on(tabletB);
		expect(await b.criterionStatuses.get(`${FACILITY}:1.1`)).toMatchObject({ status: 'in_arbeit' });
		expect(await readOpenConflicts(b)).toEqual([]);
		expect(await (await on(tabletA)).outbox.count()).toBe(0);
	});

	it('shows the advisor the centre’s data, keeps her own edit on her laptop as rejected, and changes nothing', async () => {
		await on(tabletA);
		await putRecord('criterionStatuses', status('1.1', 'erfuellt'));
		await sync(tabletA);

		await sync(laptop);
		const mine = await on(laptop);
		expect(await mine.criterionStatuses.get(`${FACILITY}:1.1`)).toMatchObject({ status: 'erfuellt' });

		await updateRecord('criterionStatuses', `${FACILITY}:1.1`, { status: 'offen' });
		expect(await sync(laptop)).toMatchObject({ rejected: 1 });
		const [rejected] = await readRejectedChanges(await on(laptop));
		expect(rejected.rejection?.reason).toMatch(/Fachberatung/);

		await sync(tabletB);
		expect(await (await on(tabletB)).criterionStatuses.get(`${FACILITY}:1.1`)).toMatchObject({
			status: 'erfuellt'
		});
	});
});
