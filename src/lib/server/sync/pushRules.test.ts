import { describe, expect, it } from 'vitest';
import type { SessionUser } from '$lib/domain/accounts';
import type { PushRequest } from '$lib/domain/sync/protocol';
import { storePushes, type DevicePush } from './push';
import type { PushStore, PushWrites, StoredRejection } from './pushStore';
import { recordKey, type ServerRecord } from './store';
import { change, DEVICE_A, noteEvidence } from './testing/syncFixtures';

// The push rules read on their own: here over a store in memory, without a database.

const leitung: SessionUser = {
	id: 'leitung-a',
	email: 'leitung@a.example',
	displayName: 'Leitung A',
	role: 'leitung',
	facilities: [{ id: 'fz-a', name: 'Familienzentrum A', familienzentrum: 'Familienzentrum A' }]
};

function memoryStore(lastSeq: number, rejections: StoredRejection[] = []) {
	const records = new Map<string, ServerRecord>();
	const commits: PushWrites[] = [];
	const store: PushStore = {
		open: async () => ({ lastSeqs: new Map([[DEVICE_A, lastSeq]]), records: new Map(records) }),
		loadRecord: async (table, recordId) => records.get(recordKey(table, recordId)) ?? null,
		rejections: async (_deviceId, from, to) => rejections.filter((r) => r.seq >= from && r.seq <= to),
		ownsFile: async () => false,
		writerName: async () => null,
		commit: async (writes) => {
			commits.push({ ...writes, records: [...writes.records] });
			return 41;
		}
	};
	return { store, commits };
}

function push(changes: PushRequest['changes']): DevicePush {
	return { user: leitung, request: { deviceId: DEVICE_A, changes } };
}

describe('the push rules over a store', () => {
	it('stores a new record with a revision from the claimed counter and advances the device', async () => {
		const { store, commits } = memoryStore(0);
		const [outcome] = await storePushes(
			store,
			[push([change(1, 'evidence', noteEvidence('fz-a', 'e1'))])],
			new Date()
		);
		expect(outcome).toEqual({
			kind: 'done',
			response: { results: [{ seq: 1, status: 'accepted', revision: 42 }], lastSeq: 1 }
		});
		expect(commits).toHaveLength(1);
		expect(commits[0].revisionCount).toBe(1);
		expect(commits[0].devices[0]).toMatchObject({ deviceId: DEVICE_A, lastSeq: 1, rejections: [] });
		expect([...commits[0].records].map((r) => r.recordId)).toEqual(['e1']);
	});

	it('answers a gap with the seq it expects and writes nothing for that push', async () => {
		const { store, commits } = memoryStore(3);
		const [outcome] = await storePushes(
			store,
			[push([change(5, 'evidence', noteEvidence('fz-a', 'e1'))])],
			new Date()
		);
		expect(outcome).toEqual({ kind: 'gap', expectedSeq: 4 });
		expect(commits[0].devices).toEqual([]);
	});

	it('answers a resent change with its stored rejection', async () => {
		const rejection = { seq: 2, code: 'validation', reason: 'Ungültig.' };
		const { store } = memoryStore(2, [rejection]);
		const [outcome] = await storePushes(
			store,
			[push([change(2, 'evidence', noteEvidence('fz-a', 'e1'))])],
			new Date()
		);
		expect(outcome).toEqual({
			kind: 'done',
			response: {
				results: [{ seq: 2, status: 'rejected', code: 'validation', reason: 'Ungültig.' }],
				lastSeq: 2
			}
		});
	});
});
