import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshWorkspace } from '../../../../tests/fixtures/db/testWorkspace';
import { putRecord } from '$lib/client/db/changes';
import type { OutboxEntry, WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import type { PushRequest, PushResponse } from '$lib/domain/sync/protocol';
import { acceptAll, createFakeFetch, emptyPull, jsonResponse, type FakeFetch } from './fakeServer';
import { PushQueue, recordPushResults } from './outbox';
import { synchronize } from './sync';
import { createSyncApi } from '$lib/client/api/sync';

const FACILITY = 'kita-a';
const T0 = '2026-11-23T08:00:00.000Z';

function note(n: number) {
	return {
		id: `ev-${n}`,
		facilityId: FACILITY,
		createdAt: T0,
		updatedAt: T0,
		updatedBy: 'Leitung',
		deleted: false,
		kind: 'note' as const,
		title: `Elterncafé ${n}`,
		note: 'Offenes Angebot, 12 Teilnehmende.',
		url: '',
		date: '2026-11-20',
		validUntil: null,
		criterionIds: ['1.2'],
		attachment: null
	};
}

/** `count` new evidence notes with their outbox entries, written as a backup import writes them. */
async function queueNotes(db: WorkspaceDb, from: number, count: number): Promise<void> {
	const records = Array.from({ length: count }, (_, i) => note(from + i));
	await db.transaction('rw', db.evidence, db.outbox, async () => {
		await db.evidence.bulkPut(records);
		await db.outbox.bulkAdd(
			records.map((record): OutboxEntry => ({
				table: 'evidence',
				recordId: record.id,
				op: 'put',
				fields: Object.keys(record),
				createdAt: T0
			}))
		);
	});
}

const pushes = (fake: FakeFetch) =>
	fake.requests.filter((r) => r.path === '/api/sync/push').map((r) => r.body as PushRequest);

let db: WorkspaceDb;
let fake: FakeFetch;
beforeEach(async () => {
	db = await freshWorkspace();
	fake = createFakeFetch();
	fake.on('GET /api/sync/pull', emptyPull([FACILITY]));
});
afterEach(() => vi.restoreAllMocks());

describe('push in bulk', () => {
	it('sends thousands of changes in batches of 500, in the order they were made, numbered without a gap', async () => {
		await queueNotes(db, 1, 1200);
		fake.on('POST /api/sync/push', acceptAll());

		const report = await synchronize(db, createSyncApi(fake.fetch));

		const batches = pushes(fake);
		expect(batches.map((b) => b.changes.length)).toEqual([500, 500, 200]);
		const sent = batches.flatMap((b) => b.changes);
		expect(sent.map((c) => c.seq)).toEqual(Array.from({ length: 1200 }, (_, i) => i + 1));
		expect(sent.map((c) => c.recordId)).toEqual(Array.from({ length: 1200 }, (_, i) => `ev-${i + 1}`));
		expect(sent[0].values).toMatchObject({ id: 'ev-1', title: 'Elterncafé 1', facilityId: FACILITY });
		expect(report.accepted).toBe(1200);
		expect(await db.outbox.count()).toBe(0);
	});

	it('removes exactly the acknowledged entries; rejected ones stay, marked, and are not resent', async () => {
		await queueNotes(db, 1, 6);
		const batch = (await new PushQueue(db).next())!;
		const unanswered = await recordPushResults(
			db,
			{
				results: [
					{ seq: 1, status: 'accepted', revision: 10 },
					{ seq: 2, status: 'duplicate', revision: 11 },
					{ seq: 3, status: 'rejected', code: 'permission', reason: 'Nur lesen.' }
				],
				lastSeq: 3
			},
			batch.entryKeys
		);

		expect(unanswered).toEqual([4, 5, 6]);
		const left = await db.outbox.toArray();
		expect(left.map((e) => [e.recordId, e.status])).toEqual([
			['ev-3', 'rejected'],
			['ev-4', undefined],
			['ev-5', undefined],
			['ev-6', undefined]
		]);
		expect(left[0].rejection).toMatchObject({ code: 'permission', reason: 'Nur lesen.' });
		// What was sent and not answered goes again, unchanged; the rejected change does not.
		const again = (await new PushQueue(db).next())!.changes;
		expect(again).toEqual(batch.changes.slice(3));
	});

	it('keeps the unanswered changes after a lost answer and resends them unchanged', async () => {
		await queueNotes(db, 1, 1200);
		let answered = 0;
		fake.on('POST /api/sync/push', (body) => {
			// The first batch gets through; the answer to the second one is lost.
			if (answered++ === 1) return Promise.reject(new TypeError('network down'));
			return acceptAll()(body);
		});
		await expect(synchronize(db, createSyncApi(fake.fetch))).rejects.toThrow('nicht erreichbar');
		const [first, lost] = pushes(fake);
		expect(await db.outbox.count()).toBe(700);
		expect((await db.outbox.toArray()).map((e) => e.recordId)).toEqual(
			Array.from({ length: 700 }, (_, i) => `ev-${i + 501}`)
		);

		fake.requests.length = 0;
		fake.on('POST /api/sync/push', (body) => {
			const request = body as PushRequest;
			const response: PushResponse = {
				results: request.changes.map((c) => ({
					seq: c.seq,
					status: c.seq <= 1000 ? 'duplicate' : 'accepted',
					revision: c.seq
				})),
				lastSeq: request.changes.at(-1)!.seq
			};
			return jsonResponse(response);
		});
		await synchronize(db, createSyncApi(fake.fetch));
		const [resent, rest] = pushes(fake);
		expect(first.changes[0].seq).toBe(1);
		expect(resent).toEqual(lost);
		expect(rest.changes.map((c) => c.seq)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1001));
		expect(await db.outbox.count()).toBe(0);
	});

	it('never sends a batch before the previous one is answered', async () => {
		await queueNotes(db, 1, 1800);
		let inFlight = 0;
		let most = 0;
		const accept = acceptAll();
		fake.on('POST /api/sync/push', async (body) => {
			most = Math.max(most, ++inFlight);
			await new Promise((resolve) => setTimeout(resolve, 0));
			inFlight -= 1;
			return accept(body);
		});
		await synchronize(db, createSyncApi(fake.fetch));
		expect(pushes(fake)).toHaveLength(4);
		expect(most).toBe(1);
	});

	it('sends changes made while the push runs in the same run, after the earlier ones', async () => {
		await queueNotes(db, 1, 600);
		const accept = acceptAll();
		let first = true;
		fake.on('POST /api/sync/push', async (body) => {
			if (first) {
				first = false;
				await putRecord('evidence', note(9001));
			}
			return accept(body);
		});
		await synchronize(db, createSyncApi(fake.fetch));
		const sent = pushes(fake).flatMap((b) => b.changes);
		expect(sent).toHaveLength(601);
		expect(sent.at(-1)).toMatchObject({ seq: 601, recordId: 'ev-9001' });
		expect(await db.outbox.count()).toBe(0);
	});

	it('stops with a clear message when the server leaves changes unanswered, keeping them', async () => {
		await queueNotes(db, 1, 3);
		fake.on('POST /api/sync/push', () =>
			jsonResponse({ results: [{ seq: 1, status: 'accepted', revision: 1 }], lastSeq: 1 })
		);
		await expect(synchronize(db, createSyncApi(fake.fetch))).rejects.toThrow(
			'Der Server hat die Änderungen nicht bestätigt.'
		);
		expect((await db.outbox.toArray()).map((e) => e.recordId)).toEqual(['ev-2', 'ev-3']);
	});
});

describe('the cost of a push', () => {
	/**
	 * Counts what IndexedDB is asked for: the transactions that make requests, and the outbox entries
	 * read (by get, getAll and cursors), so the test pins how the work grows with the outbox, not how
	 * long it takes.
	 */
	function countIndexedDbWork() {
		const transactions = new Set<IDBTransaction>();
		const work = { transactions: 0, outboxEntriesRead: 0 };
		type Store = IDBObjectStore | IDBIndex;
		type Method = (this: Store, ...args: unknown[]) => IDBRequest;
		const wrap = (proto: Store, method: string, reads: boolean) => {
			const methods = proto as unknown as Record<string, Method>;
			const original = methods[method];
			vi.spyOn(methods, method).mockImplementation(function (this: Store, ...args: unknown[]) {
				const request = original.apply(this, args);
				const store = 'objectStore' in this ? this.objectStore : this;
				transactions.add(store.transaction);
				work.transactions = transactions.size;
				if (reads && store.name === 'outbox') {
					request.addEventListener('success', () => {
						const result: unknown = request.result;
						if (Array.isArray(result)) work.outboxEntriesRead += result.length;
						else if (result !== undefined && result !== null) work.outboxEntriesRead += 1;
					});
				}
				return request;
			});
		};
		for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype]) {
			for (const method of ['get', 'getAll', 'openCursor', 'getAllKeys', 'openKeyCursor', 'count']) {
				wrap(proto, method, true);
			}
		}
		for (const method of ['put', 'add', 'delete']) wrap(IDBObjectStore.prototype, method, false);
		return work;
	}

	it('reads each outbox entry about once and needs two transactions per batch, however long the outbox', async () => {
		const changes = 3000;
		await queueNotes(db, 1, changes);
		fake.on('POST /api/sync/push', acceptAll());
		const work = countIndexedDbWork();

		await synchronize(db, createSyncApi(fake.fetch));

		const batches = pushes(fake).length;
		expect(batches).toBe(6);
		expect(await db.outbox.count()).toBe(0);
		// One read of the whole outbox when the push starts; then each entry only as it is numbered
		// (it is in memory already) and acknowledged (by key, no read). The rest of the sync (pull,
		// files) reads the empty outbox.
		expect(work.outboxEntriesRead).toBeLessThanOrEqual(changes + 10);
		// Per batch: number it, record its answer. Plus the few of the start and of pull and files.
		expect(work.transactions).toBeLessThanOrEqual(2 * batches + 12);
	});
});
