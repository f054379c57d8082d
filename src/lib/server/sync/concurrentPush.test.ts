import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PullResponse } from '$lib/domain/sync/protocol';
import {
	addFacility,
	addUser,
	startTestServer,
	testDialects,
	type TestServer
} from '$lib/server/testing/testServer';
import { signedIn, type InProcessFetch } from './testing/inProcessFetch';
import { change, DEVICE_A, noteEvidence, pull, pullAll, push, statusRecord } from './testing/syncFixtures';

// Several tablets syncing at the same moment: their pushes are stored in groups (pushQueue.ts), with
// pulls running side by side. Nothing may be lost or doubled.
describe.each(testDialects)('pushes arriving at the same moment on %s', (dialect) => {
	let server: TestServer;
	let leitung: InProcessFetch;
	let team: InProcessFetch;

	beforeEach(async () => {
		server = await startTestServer(dialect);
		await addFacility(server.ctx, 'kita-a');
		await addUser(server.ctx, { id: 'leitung-a', role: 'leitung', facilityIds: ['kita-a'] });
		await addUser(server.ctx, { id: 'team-a', role: 'team', facilityIds: ['kita-a'] });
		leitung = await signedIn(server.ctx, 'leitung-a');
		team = await signedIn(server.ctx, 'team-a');
	});
	afterEach(() => server.cleanup());

	it('gives every change a revision of its own, and a pull racing the pushes misses none', async () => {
		const devices = 8;
		const batches = 5;
		const perBatch = 3;
		let pushing = true;
		const tablet = async (d: number) => {
			const deviceId = randomUUID();
			for (let b = 0; b < batches; b++) {
				const changes = Array.from({ length: perBatch }, (_, k) =>
					change(b * perBatch + k + 1, 'evidence', noteEvidence('kita-a', `ev-${d}-${b}-${k}`))
				);
				const pushed = await push(d % 2 ? leitung : team, deviceId, changes);
				expect(pushed.body.results.map((r) => r.status)).toEqual(Array(perBatch).fill('accepted'));
			}
		};
		// A third tablet pulls in small batches while the others push, moving its cursor each time.
		const seen = new Map<string, number>();
		let cursor = 0;
		const collect = (page: PullResponse) => {
			for (const r of page.records) seen.set(r.recordId, r.revision);
			cursor = page.cursor;
		};
		const reader = async () => {
			while (pushing) collect(await pull(team, cursor, 7));
			for (let page = await pull(team, cursor, 7); ; page = await pull(team, cursor, 7)) {
				collect(page);
				if (!page.hasMore) break;
			}
		};
		const reading = reader();
		await Promise.all(Array.from({ length: devices }, (_, d) => tablet(d)));
		pushing = false;
		await reading;

		const stored = await pullAll(leitung);
		const total = devices * batches * perBatch;
		expect(stored).toHaveLength(total);
		expect(new Set(stored.map((r) => r.revision)).size).toBe(total);
		expect(Math.max(...stored.map((r) => r.revision))).toBe(total);
		expect(seen).toEqual(new Map(stored.map((r) => [r.recordId, r.revision])));
	});

	it('keeps one value and a conflict when two tablets create the same criterion status at once', async () => {
		const criteria = ['1.1', '1.2', '1.3', '1.4', '1.5', '2.1', '2.2', '2.3'];
		const answers = await Promise.all(
			criteria.flatMap((criterion) => [
				push(leitung, randomUUID(), [
					change(1, 'criterionStatuses', statusRecord('kita-a', criterion, 'erfuellt'))
				]),
				push(team, randomUUID(), [
					change(1, 'criterionStatuses', statusRecord('kita-a', criterion, 'in_arbeit'))
				])
			])
		);

		const records = await pullAll(leitung);
		for (const [i, criterion] of criteria.entries()) {
			const results = [answers[2 * i], answers[2 * i + 1]].map((a) => a.body.results[0]);
			expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
			const withConflict = results.filter((r) => r.conflicts?.length);
			expect(withConflict, criterion).toHaveLength(1);
			const [conflict] = withConflict[0].conflicts!;
			const status = records.find((r) => r.recordId === `kita-a:${criterion}`)!;
			expect(conflict).toMatchObject({ field: 'status', keptValue: status.record.status });
			expect(conflict.otherValue).not.toBe(status.record.status);
		}
		expect(records.filter((r) => r.table === 'criterionStatuses')).toHaveLength(criteria.length);
		expect(records.filter((r) => r.table === 'syncConflicts')).toHaveLength(criteria.length);
	});

	it('stores a batch that arrives twice at the same moment once', async () => {
		const batch = [
			change(1, 'evidence', noteEvidence('kita-a', 'ev-twice-1')),
			change(2, 'evidence', noteEvidence('kita-a', 'ev-twice-2'))
		];
		const answers = await Promise.all([push(leitung, DEVICE_A, batch), push(leitung, DEVICE_A, batch)]);

		const statuses = answers.map((a) => a.body.results.map((r) => r.status).join(',')).sort();
		expect(statuses).toEqual(['accepted,accepted', 'duplicate,duplicate']);
		const records = await pullAll(team);
		expect(records.map((r) => r.revision)).toEqual([1, 2]);
	});
});
