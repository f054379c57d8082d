import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fullDevice } from '../../../../tests/fixtures/db/fullDevice';
import { blobOf, freshWorkspace, useCloneableBlob } from '../../../../tests/fixtures/db/testWorkspace';
import { sha256Hex, storeAttachment } from '$lib/client/db/attachments';
import { putRecord, syncedTableNames, updateRecord } from '$lib/client/db/changes';
import { getDeviceId } from '$lib/client/db/meta';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import type { PullResponse, PushRequest } from '$lib/domain/sync/protocol';
import { syncedTableSchemas } from '$lib/domain/sync/tables';
import { applyServerChanges } from './applyServerChanges';
import { acceptAll, createFakeFetch, emptyPull, jsonResponse, type FakeFetch } from './fakeServer';
import { listClientChanges, recordPushResults } from './outbox';
import { synchronize } from './sync';
import { createSyncApi, NeedsLoginError } from '$lib/client/api/sync';
import { readNumber, SYNC_META_KEYS } from './syncMeta';

useCloneableBlob();

const FACILITY = 'kita-a';
const T0 = '2026-11-23T08:00:00.000Z';

function status(criterionId: string, value = 'in_arbeit', note = '') {
	return {
		id: `${FACILITY}:${criterionId}`,
		facilityId: FACILITY,
		criterionId,
		status: value as 'in_arbeit',
		note
	};
}

function pulledStatus(
	criterionId: string,
	revision: number,
	value: string,
	note = ''
): PullResponse['records'][number] {
	const record = {
		...status(criterionId, value, note),
		createdAt: T0,
		updatedAt: T0,
		updatedBy: 'Server',
		deleted: false
	};
	return {
		table: 'criterionStatuses',
		recordId: record.id,
		facilityId: FACILITY,
		revision,
		deleted: false,
		record
	};
}

const pushes = (fake: FakeFetch) =>
	fake.requests.filter((r) => r.path === '/api/sync/push').map((r) => r.body as PushRequest);

let db: WorkspaceDb;
let fake: FakeFetch;
beforeEach(async () => {
	db = await freshWorkspace();
	fake = createFakeFetch();
});

it('knows the same synced tables as the server', () => {
	expect([...syncedTableNames].sort()).toEqual(Object.keys(syncedTableSchemas).sort());
});

describe('listClientChanges', () => {
	it('numbers pending changes one by one and sends each with its values and base revision', async () => {
		await putRecord('criterionStatuses', status('1.1'));
		await db.syncRevisions.put({ table: 'criterionStatuses', recordId: `${FACILITY}:1.2`, revision: 7 });
		await putRecord('criterionStatuses', status('1.2'));
		await updateRecord('criterionStatuses', `${FACILITY}:1.2`, { note: 'Flyer bestellt' });

		const changes = await listClientChanges(db);
		expect(changes.map((c) => [c.seq, c.recordId, c.baseRevision])).toEqual([
			[1, `${FACILITY}:1.1`, 0],
			[2, `${FACILITY}:1.2`, 7],
			[3, `${FACILITY}:1.2`, 7]
		]);
		expect(changes[0].values).toMatchObject({
			id: `${FACILITY}:1.1`,
			status: 'in_arbeit',
			facilityId: FACILITY
		});
		expect(changes[2].values).toEqual({ note: 'Flyer bestellt' });
		// Resent unchanged until the server answers.
		expect(await listClientChanges(db)).toEqual(changes);
	});

	it('holds back a change citing a file not yet uploaded, and later changes of that record, but not others', async () => {
		const bytes = new TextEncoder().encode('%PDF-1.4 Vereinbarung');
		const sha = await sha256Hex(bytes);
		await storeAttachment(sha, blobOf(bytes, 'application/pdf'), 'application/pdf');
		const evidence = {
			id: 'ev-1',
			facilityId: FACILITY,
			kind: 'file' as const,
			title: 'Kooperationsvereinbarung',
			date: '2026-11-20',
			criterionIds: ['1.2'],
			attachment: { sha256: sha, mimeType: 'application/pdf', size: bytes.length, fileName: 'v.pdf' }
		};
		await putRecord('evidence', evidence);
		await updateRecord('evidence', 'ev-1', { note: 'unterschrieben' });
		await putRecord('criterionStatuses', status('1.1'));

		expect((await listClientChanges(db)).map((c) => c.recordId)).toEqual([`${FACILITY}:1.1`]);
		await db.uploadedAttachments.put({ sha256: sha, uploadedAt: T0 });
		expect((await listClientChanges(db)).map((c) => [c.seq, c.recordId])).toEqual([
			[1, `${FACILITY}:1.1`],
			[2, 'ev-1'],
			[3, 'ev-1']
		]);
	});
});

describe('recordPushResults', () => {
	it('drops accepted changes and keeps rejected ones, marked with the reason, never to be resent', async () => {
		await putRecord('criterionStatuses', status('1.1'));
		await putRecord('criterionStatuses', status('1.2'));
		await listClientChanges(db);
		await recordPushResults(db, {
			results: [
				{ seq: 1, status: 'accepted', revision: 4 },
				{ seq: 2, status: 'rejected', code: 'permission', reason: 'Nur lesen.' }
			],
			lastSeq: 2
		});
		const outbox = await db.outbox.toArray();
		expect(outbox).toHaveLength(1);
		expect(outbox[0]).toMatchObject({
			recordId: `${FACILITY}:1.2`,
			status: 'rejected',
			rejection: { code: 'permission', reason: 'Nur lesen.' }
		});
		expect(await listClientChanges(db)).toEqual([]);
		expect(await db.criterionStatuses.get(`${FACILITY}:1.2`)).toBeDefined();
	});
});

describe('applyServerChanges', () => {
	it('stores pulled records with their revision and moves the cursor, making no outbox entries', async () => {
		await applyServerChanges(db, {
			records: [pulledStatus('1.1', 3, 'erfuellt'), pulledStatus('1.2', 5, 'offen')],
			facilityIds: [FACILITY],
			cursor: 5,
			hasMore: false
		});
		expect(await db.criterionStatuses.get(`${FACILITY}:1.1`)).toMatchObject({ status: 'erfuellt' });
		expect(await db.syncRevisions.get(['criterionStatuses', `${FACILITY}:1.2`])).toMatchObject({
			revision: 5
		});
		expect(await readNumber(db, SYNC_META_KEYS.cursor)).toBe(5);
		expect(await db.outbox.count()).toBe(0);
	});

	it('keeps a pending local edit on top of the pulled record, with the base it was made on', async () => {
		await applyServerChanges(db, {
			records: [pulledStatus('1.1', 3, 'offen')],
			facilityIds: [FACILITY],
			cursor: 3,
			hasMore: false
		});
		await updateRecord('criterionStatuses', `${FACILITY}:1.1`, { status: 'erfuellt' });

		await applyServerChanges(db, {
			records: [pulledStatus('1.1', 9, 'offen', 'Notiz von Tablet B')],
			facilityIds: [FACILITY],
			cursor: 9,
			hasMore: false
		});
		expect(await db.criterionStatuses.get(`${FACILITY}:1.1`)).toMatchObject({
			status: 'erfuellt',
			note: 'Notiz von Tablet B'
		});
		const [change] = await listClientChanges(db);
		expect(change).toMatchObject({ baseRevision: 3, values: { status: 'erfuellt' } });
	});

	it('applies nothing and keeps the cursor when the batch cannot be stored', async () => {
		const broken = { ...pulledStatus('1.2', 8, 'offen'), recordId: undefined as unknown as string };
		await expect(
			applyServerChanges(db, {
				records: [pulledStatus('1.1', 7, 'offen'), broken],
				facilityIds: [FACILITY],
				cursor: 8,
				hasMore: false
			})
		).rejects.toThrow();
		expect(await db.criterionStatuses.count()).toBe(0);
		expect(await readNumber(db, SYNC_META_KEYS.cursor)).toBe(0);
	});
});

describe('synchronize', () => {
	it('pushes, then pulls until the server has no more', async () => {
		await putRecord('criterionStatuses', status('1.1'));
		fake.on('POST /api/sync/push', acceptAll(10));
		fake.on('GET /api/sync/pull', (_body, url) =>
			url.searchParams.get('cursor') === '0'
				? jsonResponse({
						records: [pulledStatus('1.1', 10, 'in_arbeit')],
						facilityIds: [FACILITY],
						cursor: 10,
						hasMore: true
					})
				: jsonResponse({
						records: [pulledStatus('1.2', 11, 'offen')],
						facilityIds: [FACILITY],
						cursor: 11,
						hasMore: false
					})
		);
		const report = await synchronize(db, createSyncApi(fake.fetch));
		expect(report).toMatchObject({ accepted: 1, rejected: 0, pulled: 2 });
		expect(await db.outbox.count()).toBe(0);
		expect(await readNumber(db, SYNC_META_KEYS.cursor)).toBe(11);
		expect(await db.meta.get(SYNC_META_KEYS.lastSyncedAt)).toBeDefined();
	});

	it('shows the server’s record after a refusal, though its revision lies behind the cursor', async () => {
		await applyServerChanges(db, {
			records: [pulledStatus('1.1', 3, 'erfuellt')],
			facilityIds: [FACILITY],
			cursor: 20,
			hasMore: false
		});
		await updateRecord('criterionStatuses', `${FACILITY}:1.1`, { status: 'offen' });
		fake.on('POST /api/sync/push', (body) =>
			jsonResponse({
				results: [
					{
						seq: (body as PushRequest).changes[0].seq,
						status: 'rejected',
						code: 'permission',
						reason: 'Nur lesen.',
						current: pulledStatus('1.1', 3, 'erfuellt')
					}
				],
				lastSeq: (body as PushRequest).changes[0].seq
			})
		);
		fake.on('GET /api/sync/pull', emptyPull());
		await synchronize(db, createSyncApi(fake.fetch));
		expect(await db.criterionStatuses.get(`${FACILITY}:1.1`)).toMatchObject({ status: 'erfuellt' });
		expect(await db.outbox.toArray()).toEqual([
			expect.objectContaining({ status: 'rejected', values: { status: 'offen' } })
		]);
	});

	it('stops at an expired session and keeps every local change', async () => {
		await putRecord('criterionStatuses', status('1.1'));
		fake.on('POST /api/sync/push', () =>
			jsonResponse({ error: { code: 'unauthenticated', message: 'Bitte anmelden.' } }, 401)
		);
		await expect(synchronize(db, createSyncApi(fake.fetch))).rejects.toBeInstanceOf(NeedsLoginError);
		expect(await db.outbox.count()).toBe(1);
		expect(await db.meta.get(SYNC_META_KEYS.lastSyncedAt)).toBeUndefined();
	});

	it('resends the same changes after a cut connection, and the server’s duplicate answer settles them', async () => {
		await putRecord('criterionStatuses', status('1.1'));
		fake.on('POST /api/sync/push', () => Promise.reject(new TypeError('network down')));
		await expect(synchronize(db, createSyncApi(fake.fetch))).rejects.toThrow('nicht erreichbar');

		fake.on('POST /api/sync/push', (body) =>
			jsonResponse({
				results: [{ seq: (body as PushRequest).changes[0].seq, status: 'duplicate', revision: 3 }],
				lastSeq: 1
			})
		);
		fake.on('GET /api/sync/pull', emptyPull());
		await synchronize(db, createSyncApi(fake.fetch));
		const [first, second] = pushes(fake);
		expect(second).toEqual(first);
		expect(await db.outbox.count()).toBe(0);
	});

	it('resends from where the server stands after a gap', async () => {
		await putRecord('criterionStatuses', status('1.1'));
		await listClientChanges(db);
		await recordPushResults(db, { results: [{ seq: 1, status: 'accepted', revision: 1 }], lastSeq: 1 });
		await putRecord('criterionStatuses', status('1.2'));
		// The server was restored from a backup and knows nothing of this device.
		fake.on('POST /api/sync/push', (body) => {
			const { changes } = body as PushRequest;
			if (changes[0].seq !== 1)
				return jsonResponse({ error: { code: 'sequence_gap', message: 'Lücke' }, expectedSeq: 1 }, 409);
			return acceptAll()(body);
		});
		fake.on('GET /api/sync/pull', emptyPull());
		await synchronize(db, createSyncApi(fake.fetch));
		expect(pushes(fake).map((p) => p.changes.map((c) => c.seq))).toEqual([[2], [1]]);
		expect(await db.outbox.count()).toBe(0);
	});

	it('pulls again from the start when the user sees a new facility', async () => {
		await db.meta.put({ key: SYNC_META_KEYS.cursor, value: 50 });
		await db.meta.put({ key: SYNC_META_KEYS.facilityIds, value: [FACILITY] });
		fake.on('GET /api/sync/pull', (_body, url) =>
			jsonResponse({
				records: url.searchParams.get('cursor') === '0' ? [pulledStatus('1.1', 3, 'erfuellt')] : [],
				facilityIds: [FACILITY, 'kita-c'],
				cursor: url.searchParams.get('cursor') === '0' ? 60 : 50,
				hasMore: false
			})
		);
		await synchronize(db, createSyncApi(fake.fetch));
		expect(await db.criterionStatuses.count()).toBe(1);
		expect(await db.meta.get(SYNC_META_KEYS.facilityIds)).toMatchObject({ value: [FACILITY, 'kita-c'] });
	});
});

describe('attachments', () => {
	async function fileEvidence(text: string, id: string) {
		const bytes = new TextEncoder().encode(text);
		const sha = await sha256Hex(bytes);
		await storeAttachment(sha, blobOf(bytes, 'application/pdf'), 'application/pdf');
		await putRecord('evidence', {
			id,
			facilityId: FACILITY,
			kind: 'file',
			title: `Datei ${id}`,
			date: '2026-11-20',
			criterionIds: ['1.2'],
			attachment: { sha256: sha, mimeType: 'application/pdf', size: bytes.length, fileName: `${id}.pdf` }
		});
		return sha;
	}

	it('uploads a file before the change citing it, and keeps the local copy', async () => {
		const sha = await fileEvidence('%PDF-1.4 eins', 'ev-1');
		fake.on('HEAD /api/sync/attachments/:sha256', () => new Response(null, { status: 404 }));
		fake.on('PUT /api/sync/attachments/:sha256', () =>
			jsonResponse({ sha256: sha, size: 13, mimeType: 'application/pdf', created: true }, 201)
		);
		fake.on('POST /api/sync/push', acceptAll());
		fake.on('GET /api/sync/pull', emptyPull());
		const report = await synchronize(db, createSyncApi(fake.fetch));
		expect(report).toMatchObject({ uploaded: 1, accepted: 1 });
		const order = fake.requests.map((r) => `${r.method} ${r.path.replace(sha, 'sha')}`);
		expect(order.indexOf('PUT /api/sync/attachments/sha')).toBeLessThan(order.indexOf('POST /api/sync/push'));
		expect(await db.attachments.get(sha)).toBeDefined();
		expect(await db.uploadedAttachments.get(sha)).toBeDefined();
	});

	it('skips the upload of a file the server has, and lets a failing file hold back only its own record', async () => {
		const present = await fileEvidence('%PDF-1.4 schon da', 'ev-1');
		const failing = await fileEvidence('%PDF-1.4 kaputt', 'ev-2');
		await putRecord('criterionStatuses', status('1.1'));
		fake.on(
			'HEAD /api/sync/attachments/:sha256',
			(_b, url) => new Response(null, { status: url.pathname.endsWith(present) ? 200 : 404 })
		);
		fake.on('PUT /api/sync/attachments/:sha256', () =>
			jsonResponse({ error: { code: 'internal', message: 'Serverfehler' } }, 500)
		);
		fake.on('POST /api/sync/push', acceptAll());
		fake.on('GET /api/sync/pull', emptyPull());
		const report = await synchronize(db, createSyncApi(fake.fetch));
		expect(report.failedUploads).toEqual([{ sha256: failing, message: 'Serverfehler' }]);
		const pushed = pushes(fake).flatMap((p) => p.changes.map((c) => c.recordId));
		expect(pushed.sort()).toEqual(['ev-1', `${FACILITY}:1.1`]);
		expect(await db.outbox.toArray()).toEqual([expect.objectContaining({ recordId: 'ev-2' })]);
		expect(await db.outbox.get(1)).toBeUndefined();
	});

	it('marks the changes citing a file the server refuses for good, with its reason', async () => {
		await fileEvidence('kein pdf', 'ev-1');
		fake.on('HEAD /api/sync/attachments/:sha256', () => new Response(null, { status: 404 }));
		fake.on('PUT /api/sync/attachments/:sha256', () =>
			jsonResponse({ error: { code: 'unsupported_file_type', message: 'Nur PDF-Dateien und Bilder.' } }, 415)
		);
		fake.on('GET /api/sync/pull', emptyPull());
		await synchronize(db, createSyncApi(fake.fetch));
		expect(await db.outbox.toArray()).toEqual([
			expect.objectContaining({
				recordId: 'ev-1',
				status: 'rejected',
				rejection: expect.objectContaining({ reason: 'Nur PDF-Dateien und Bilder.' })
			})
		]);
	});

	it('fetches files that pulled records cite, checked against their hash', async () => {
		const bytes = new TextEncoder().encode('%PDF-1.4 vom anderen Tablet');
		const sha = await sha256Hex(bytes);
		const record = {
			id: 'ev-9',
			facilityId: FACILITY,
			createdAt: T0,
			updatedAt: T0,
			updatedBy: 'B',
			deleted: false,
			kind: 'file',
			title: 'Vereinbarung',
			note: '',
			url: '',
			date: '2026-11-20',
			validUntil: null,
			criterionIds: ['1.2'],
			attachment: { sha256: sha, mimeType: 'application/pdf', size: bytes.length, fileName: 'v.pdf' }
		};
		fake.on('GET /api/sync/pull', () =>
			jsonResponse({
				records: [
					{ table: 'evidence', recordId: 'ev-9', facilityId: FACILITY, revision: 2, deleted: false, record }
				],
				facilityIds: [FACILITY],
				cursor: 2,
				hasMore: false
			})
		);
		fake.on(
			'GET /api/sync/attachments/:sha256',
			() => new Response(bytes, { headers: { 'content-type': 'application/pdf' } })
		);
		const report = await synchronize(db, createSyncApi(fake.fetch));
		expect(report.downloaded).toBe(1);
		const stored = await db.attachments.get(sha);
		expect(stored).toMatchObject({ mimeType: 'application/pdf', size: bytes.length });
		expect(await sha256Hex(await stored!.blob.arrayBuffer())).toBe(sha);
	});
});

describe('synchronize on a full device', () => {
	const device = fullDevice();
	afterEach(() => device.free());

	it('still pushes what waits, keeps it until the answer can be stored, and leaves the pull waiting', async () => {
		db = await freshWorkspace();
		await putRecord('criterionStatuses', status('1.1', 'erfuellt'));
		fake.on('POST /api/sync/push', acceptAll(4));
		fake.on('GET /api/sync/pull', () =>
			jsonResponse({
				records: [pulledStatus('1.2', 5, 'in_arbeit')],
				facilityIds: [FACILITY],
				cursor: 5,
				hasMore: false
			})
		);
		await getDeviceId(db);
		device.fill();

		const report = await synchronize(db, createSyncApi(fake.fetch));

		expect(report).toMatchObject({ storageFull: true, accepted: 1, pulled: 0 });
		expect(pushes(fake)[0].changes.map((c) => [c.seq, c.recordId])).toEqual([[1, `${FACILITY}:1.1`]]);
		expect(await db.outbox.count()).toBe(1);
		expect(await readNumber(db, SYNC_META_KEYS.cursor)).toBe(0);
		expect(await db.criterionStatuses.get(`${FACILITY}:1.2`)).toBeUndefined();

		// With space again the same change goes under the same number (the server answers it as a
		// duplicate) and the waiting pull comes in.
		device.free();
		fake.on('POST /api/sync/push', (body) =>
			jsonResponse({
				results: (body as PushRequest).changes.map((c) => ({ seq: c.seq, status: 'duplicate', revision: 4 })),
				lastSeq: 1
			})
		);
		const again = await synchronize(db, createSyncApi(fake.fetch));

		expect(again.storageFull).toBe(false);
		expect(pushes(fake)[1]).toEqual(pushes(fake)[0]);
		expect(await db.outbox.count()).toBe(0);
		expect(await readNumber(db, SYNC_META_KEYS.cursor)).toBe(5);
		expect(await db.criterionStatuses.get(`${FACILITY}:1.2`)).toMatchObject({ status: 'in_arbeit' });
	});

	it('numbers a change made after a full-device push after the ones the server has', async () => {
		db = await freshWorkspace();
		await putRecord('criterionStatuses', status('1.1', 'erfuellt'));
		fake.on('POST /api/sync/push', acceptAll(4));
		fake.on('GET /api/sync/pull', emptyPull());
		await getDeviceId(db);
		device.fill();
		await synchronize(db, createSyncApi(fake.fetch));
		device.free();

		await putRecord('criterionStatuses', status('1.3', 'in_arbeit'));
		await synchronize(db, createSyncApi(fake.fetch));

		expect(pushes(fake)[1].changes.map((c) => [c.seq, c.recordId])).toEqual([
			[1, `${FACILITY}:1.1`],
			[2, `${FACILITY}:1.3`]
		]);
		expect(await db.outbox.count()).toBe(0);
	});
});
