import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '$lib/server/accounts/audit';
import { createSession } from '$lib/server/auth/sessions';
import { getReviewFacilities } from '$lib/server/review/handlers';
import { send } from '$lib/server/testing/requests';
import {
	addTwoCentres,
	addUser,
	startTestServer,
	testDialects,
	type TestServer
} from '$lib/server/testing/testServer';
import { conflictId } from './applyChange';
import { MAX_PULL_BYTES } from './pull';
import { saveRecords } from './store';
import { signedIn, type InProcessFetch } from './testing/inProcessFetch';
import {
	change,
	DEVICE_A,
	DEVICE_B,
	noteEvidence,
	pull,
	pullAll,
	push,
	statusRecord,
	T0
} from './testing/syncFixtures';

/**
 * The holes a security review found after the attacks of attacks.test.ts were closed: an attacker
 * holding the Leitung account of kita-b, on both databases. Each must neither answer 500 nor tell
 * anything of kita-a.
 */

const DEVICE_C = '0c0c0c0c-0000-4000-8000-00000000000c';

function profile(facilityId: string, values: Record<string, unknown> = {}) {
	return {
		id: facilityId,
		facilityId,
		createdAt: T0,
		updatedAt: T0,
		updatedBy: 'Tablet',
		deleted: false,
		name: 'Kita B',
		catalogueId: 'gs',
		catalogueVersion: '1',
		...values
	};
}

describe.each(testDialects)('holes found in review, closed, on %s', (dialect) => {
	let server: TestServer;
	let leitungA: InProcessFetch;
	let teamA: InProcessFetch;
	let leitungB: InProcessFetch;

	beforeEach(async () => {
		server = await startTestServer(dialect);
		await addTwoCentres(server.ctx);
		leitungA = await signedIn(server.ctx, 'leitung-a');
		teamA = await signedIn(server.ctx, 'team-a');
		leitungB = await signedIn(server.ctx, 'leitung-b');
	});
	afterEach(() => server.cleanup());

	async function advisorList() {
		await addUser(server.ctx, { id: 'beratung-ab', role: 'fachberatung', facilityIds: ['kita-a', 'kita-b'] });
		const token = (await createSession(server.ctx, 'beratung-ab')).token;
		return send(getReviewFacilities, { path: '/api/review/facilities', token });
	}

	it('refuses a profile whose catalogue names hold control characters, and an old one breaks no list', async () => {
		const pushed = await push(leitungB, DEVICE_C, [
			change(1, 'facilities', profile('kita-b', { catalogueId: 'gs\u0000' })),
			change(2, 'facilities', profile('kita-b', { catalogueVersion: '1\n2' })),
			change(3, 'facilities', profile('kita-b', { catalogueId: 'g'.repeat(41) }))
		]);
		expect(pushed.status).toBe(200);
		for (const result of pushed.body.results)
			expect(result).toMatchObject({ status: 'rejected', code: 'validation' });

		// A profile stored before its values were checked.
		await saveRecords(server.ctx.db, [
			{
				table: 'facilities',
				recordId: 'kita-b',
				facilityId: 'kita-b',
				record: profile('kita-b', { catalogueId: 'gs\u0000', catalogueVersion: '\ud800' }),
				revision: 1,
				fieldRevisions: {},
				fieldWriters: {},
				deleted: false
			}
		]);
		const list = await advisorList();
		expect(list.status).toBe(200);
		expect(list.body.facilities.map((f: { id: string }) => f.id).sort()).toEqual(['kita-a', 'kita-b']);
	});

	it('refuses a file name with a NUL, and stores a refusal quoting half an emoji', async () => {
		const file = (fileName: string) =>
			noteEvidence('kita-b', `ev-${fileName.length}`, {
				kind: 'file',
				attachment: { sha256: 'a'.repeat(64), mimeType: 'application/pdf', size: 10, fileName }
			});
		const sent = [change(1, 'evidence', file('a\u0000b.pdf')), change(2, 'evidence', file('Plan\ud83d.pdf'))];
		const first = await push(leitungB, DEVICE_C, sent);
		expect(first.status).toBe(200);
		expect(first.body.results[0]).toMatchObject({ status: 'rejected', code: 'validation' });
		expect(first.body.results[0].reason).toContain('Steuerzeichen');
		expect(first.body.results[1]).toMatchObject({ status: 'rejected', code: 'missing_attachment' });

		// Sent again (the answer was lost): the stored refusals come back.
		const again = await push(leitungB, DEVICE_C, sent);
		expect(again.status).toBe(200);
		expect(again.body.results.map((r) => r.code)).toEqual(['validation', 'missing_attachment']);
		expect(again.body.results[1].reason).toContain('Plan\ufffd.pdf');
	});

	it.each([
		['a NUL', 'zw\u0000ei'],
		['half an emoji', 'zwei \ud83d']
	])('lets the Leitung resolve a conflict whose value holds %s', async (_, value) => {
		await push(leitungA, DEVICE_A, [change(1, 'evidence', noteEvidence('kita-a', 'ev-1'))]);
		await push(leitungA, DEVICE_A, [
			change(2, 'evidence', { note: 'eins' }, { recordId: 'ev-1', baseRevision: 1 })
		]);
		const clash = await push(teamA, DEVICE_B, [
			change(1, 'evidence', { note: value }, { recordId: 'ev-1', baseRevision: 1 })
		]);
		expect(clash.body.results[0].conflicts).toHaveLength(1);

		const id = conflictId('evidence', 'ev-1', 'note');
		const conflict = (await pullAll(teamA)).find((r) => r.recordId === id)!;
		expect(conflict.record.otherValue).toBe(value);
		const resolved = await push(leitungA, DEVICE_A, [
			change(
				3,
				'syncConflicts',
				{ resolved: true, resolution: 'kept' },
				{ recordId: id, baseRevision: conflict.revision }
			)
		]);
		expect(resolved.status).toBe(200);
		expect(resolved.body.results[0]).toMatchObject({ status: 'accepted' });

		const records = await pullAll(teamA);
		expect(records.find((r) => r.recordId === id)?.record).toMatchObject({
			resolved: true,
			otherValue: value
		});
		expect(records.find((r) => r.recordId === 'ev-1')?.record.note).toBe('eins');
	});

	it('answers a resent change naming another centre’s record the same whether or not it exists', async () => {
		const own = await push(leitungB, DEVICE_C, [
			change(1, 'criterionStatuses', statusRecord('kita-b', '1.1', 'offen'))
		]);
		expect(own.body.results[0].status).toBe('accepted');
		const probe = () =>
			push(leitungB, DEVICE_C, [
				change(1, 'criterionStatuses', { updatedBy: 'x' }, { recordId: 'kita-a:1.2' })
			]);
		const before = await probe();
		await push(leitungA, DEVICE_A, [change(1, 'criterionStatuses', statusRecord('kita-a', '1.2', 'offen'))]);
		const after = await probe();
		expect(after.body).toEqual(before.body);
		expect(after.body.results[0]).toEqual({ seq: 1, status: 'duplicate' });

		// The own record's revision still comes back.
		const mine = await push(leitungB, DEVICE_C, [
			change(1, 'criterionStatuses', statusRecord('kita-b', '1.1', 'offen'))
		]);
		expect(mine.body.results[0]).toMatchObject({
			status: 'duplicate',
			revision: own.body.results[0].revision
		});
	});

	it('refuses writing a conflict id in the same words whether or not another centre has it', async () => {
		const id = conflictId('evidence', 'ev-1', 'note');
		const attempt = (seq: number, op: 'put' | 'delete' = 'put') =>
			push(leitungB, DEVICE_C, [
				change(
					seq,
					'syncConflicts',
					{ resolved: true, resolution: 'kept', facilityId: 'kita-b' },
					{ recordId: id, op }
				)
			]);
		const before = [await attempt(1), await attempt(2, 'delete')];
		await push(leitungA, DEVICE_A, [change(1, 'evidence', noteEvidence('kita-a', 'ev-1'))]);
		await push(leitungA, DEVICE_A, [
			change(2, 'evidence', { note: 'eins' }, { recordId: 'ev-1', baseRevision: 1 })
		]);
		await push(teamA, DEVICE_B, [
			change(1, 'evidence', { note: 'zwei' }, { recordId: 'ev-1', baseRevision: 1 })
		]);
		expect((await pullAll(teamA)).some((r) => r.recordId === id)).toBe(true);
		const after = [await attempt(3), await attempt(4, 'delete')];
		const answers = (pushes: typeof before) => pushes.map((p) => ({ ...p.body.results[0], seq: 0 }));
		expect(answers(after)).toEqual(answers(before));
		expect(before[0].body.results[0]).toMatchObject({ status: 'rejected', code: 'permission' });
	});

	it('refuses overlong values and records beyond 64 KB with a validation reason', async () => {
		const pushed = await push(leitungB, DEVICE_C, [
			change(1, 'evidence', noteEvidence('kita-b', 'ev-big', { criterionIds: ['x'.repeat(6_000_000)] })),
			change(
				2,
				'evidence',
				noteEvidence('kita-b', 'ev-many', { criterionIds: Array.from({ length: 201 }, (_, i) => `1.${i}`) })
			),
			change(3, 'criterionStatuses', statusRecord('kita-b', 'k'.repeat(41), 'offen')),
			change(
				4,
				'facilities',
				profile('kita-b', { chosenProfileAreas: Array.from({ length: 21 }, (_, i) => `P${i}`) })
			),
			// Each field within its limit, the whole beyond 64 KB: a NUL takes six bytes in JSON.
			change(
				5,
				'evidence',
				noteEvidence('kita-b', 'ev-wide', {
					note: '\u0000'.repeat(10_000),
					criterionIds: Array.from({ length: 200 }, (_, i) => `${i}`.padStart(40, 'k'))
				})
			),
			change(6, 'evidence', noteEvidence('kita-b', 'ev-fine', { note: 'ä'.repeat(10_000) }))
		]);
		expect(pushed.status).toBe(200);
		const results = pushed.body.results as { status: string; code?: string; reason?: string }[];
		for (const result of results.slice(0, 5))
			expect(result).toMatchObject({ status: 'rejected', code: 'validation' });
		expect(results[4].reason).toContain('höchstens 64 KB');
		expect(results[5]).toMatchObject({ status: 'accepted' });
	}, 120_000);

	it('counts changes of tables named like object internals in the audit as plain names', async () => {
		const pushed = await push(leitungB, DEVICE_C, [
			change(1, 'constructor', { id: 'x', facilityId: 'kita-b' }),
			change(2, 'toString', { id: 'y', facilityId: 'kita-b' }),
			change(3, 'constructor', { id: 'z', facilityId: 'kita-b' })
		]);
		expect(pushed.status).toBe(200);
		for (const result of pushed.body.results) expect(result).toMatchObject({ code: 'unknown_table' });
		const entry = (await listAudit(server.ctx.db)).find((e) => e.action === 'sync.push')!;
		expect(Object.entries(entry.detail.tables as object)).toEqual([
			['constructor', 2],
			['toString', 1]
		]);
	});

	it('ends a pull page after 4 MB of records, and the next page brings the rest', async () => {
		// Each record within 64 KB, together beyond a page: a NUL takes six characters in JSON.
		const count = Math.ceil(MAX_PULL_BYTES / 60_000) + 2;
		const large = Array.from({ length: count }, (_, i) =>
			change(i + 1, 'evidence', noteEvidence('kita-a', `ev-${i}`, { note: '\u0000'.repeat(10_000) }))
		);
		const pushed = await push(leitungA, DEVICE_A, large);
		expect(pushed.body.results.every((r) => r.status === 'accepted')).toBe(true);

		const first = await pull(teamA, 0);
		expect(first.hasMore).toBe(true);
		expect(first.records.length).toBeLessThan(count);
		expect(JSON.stringify(first.records).length).toBeLessThan(MAX_PULL_BYTES + 100_000);
		const all = await pullAll(teamA);
		expect(all.map((r) => r.recordId).sort()).toEqual(large.map((c) => c.recordId).sort());
	}, 120_000);
});
