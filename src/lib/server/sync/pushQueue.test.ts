import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '$lib/domain/accounts';
import type { PushRequest } from '$lib/domain/sync/protocol';
import { loadSessionUser } from '$lib/server/auth/sessionUser';
import type { ServerContext } from '$lib/server/context';
import {
	addTwoCentres,
	startTestServer,
	testDialects,
	type TestServer
} from '$lib/server/testing/testServer';
import type { PushOutcome } from './push';
import { pushChanges } from './pushQueue';
import { signedIn } from './testing/inProcessFetch';
import { change, noteEvidence, pullAll } from './testing/syncFixtures';

// Pushes that arrive while others are being stored go to the database together (group commit). Each
// tablet must get the answer it would have got alone, in order of arrival, whatever the others sent.
describe.each(testDialects)('pushes arriving together on %s', (dialect) => {
	let server: TestServer;
	let ctx: ServerContext;
	let transactions: number;
	/** Transactions (by their number, from 1) that fail as if the database had refused them. */
	let failing: Set<number>;
	const users = new Map<string, SessionUser>();

	beforeEach(async () => {
		server = await startTestServer(dialect);
		await addTwoCentres(server.ctx);
		for (const id of ['leitung-a', 'team-a', 'leitung-b']) {
			users.set(id, (await loadSessionUser(server.ctx.db, id))!);
		}
		transactions = 0;
		failing = new Set();
		ctx = {
			...server.ctx,
			inBatchedTransaction: (work) => {
				transactions += 1;
				if (failing.has(transactions)) return Promise.reject(new Error('Verbindung zur Datenbank verloren'));
				return server.ctx.inBatchedTransaction(work);
			}
		};
	});
	afterEach(() => server.cleanup());

	/** Sends the pushes in one turn, as tablets whose requests arrive at the same moment. */
	const together = (...pushes: [string, PushRequest][]) =>
		Promise.allSettled(pushes.map(([userId, request]) => pushChanges(ctx, users.get(userId)!, request)));

	const newNote = (
		deviceId: string,
		seq: number,
		facilityId: string,
		id: string = randomUUID()
	): PushRequest => ({
		deviceId,
		changes: [change(seq, 'evidence', noteEvidence(facilityId, id))]
	});

	const done = (settled: PromiseSettledResult<PushOutcome>) => {
		if (settled.status === 'rejected') throw settled.reason;
		if (settled.value.kind !== 'done') throw new Error(`not stored: ${JSON.stringify(settled.value)}`);
		return settled.value.response;
	};

	it('stores the pushes of several tablets in one transaction, each answered as if alone, in order of arrival', async () => {
		const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
		const answers = await together(
			['leitung-a', newNote(a, 1, 'kita-a', 'ev-a')],
			['team-a', newNote(b, 1, 'kita-a', 'ev-b')],
			['leitung-b', newNote(c, 1, 'kita-b', 'ev-c')]
		);
		expect(transactions).toBe(1);
		const results = answers.map((answer) => done(answer));
		expect(results.map((r) => [r.lastSeq, r.results[0].status])).toEqual([
			[1, 'accepted'],
			[1, 'accepted'],
			[1, 'accepted']
		]);
		const revisions = results.map((r) => r.results[0].revision!);
		expect(revisions).toEqual([...revisions].sort((x, y) => x - y));
		expect(new Set(revisions).size).toBe(3);

		// Each centre sees its own, at the revisions its tablets were told.
		const kitaA = await pullAll(await signedIn(server.ctx, 'team-a'));
		expect(kitaA.map((r) => [r.recordId, r.revision])).toEqual([
			['ev-a', revisions[0]],
			['ev-b', revisions[1]]
		]);
		const kitaB = await pullAll(await signedIn(server.ctx, 'leitung-b'));
		expect(kitaB.map((r) => [r.recordId, r.revision])).toEqual([['ev-c', revisions[2]]]);
	});

	it('gives the second of two tablets editing the same field in one group the conflict, as one after the other', async () => {
		const [a, b] = [randomUUID(), randomUUID()];
		const created = done((await together(['leitung-a', newNote(a, 1, 'kita-a', 'ev-1')]))[0]);
		const base = created.results[0].revision!;
		const edit = (deviceId: string, seq: number, note: string): PushRequest => ({
			deviceId,
			changes: [change(seq, 'evidence', { note }, { recordId: 'ev-1', baseRevision: base })]
		});

		const [first, second] = (
			await together(['leitung-a', edit(a, 2, 'Vom ersten Tablet')], ['team-a', edit(b, 1, 'Vom zweiten')])
		).map((answer) => done(answer).results[0]);
		expect(transactions).toBe(2);
		expect(first).toMatchObject({ status: 'accepted' });
		expect(first.conflicts).toBeUndefined();
		expect(second).toMatchObject({ status: 'accepted' });
		expect(second.conflicts?.map((c) => c.field)).toEqual(['note']);

		// One value stays, the other is kept in a conflict for the leader, as when they came apart.
		const stored = await pullAll(await signedIn(server.ctx, 'leitung-a'));
		const note = stored.find((r) => r.recordId === 'ev-1')!.record.note;
		const conflicts = stored.filter((r) => r.table === 'syncConflicts').map((r) => r.record);
		expect(conflicts).toHaveLength(1);
		expect(conflicts[0].keptValue).toBe(note);
		expect([conflicts[0].keptValue, conflicts[0].otherValue].sort()).toEqual([
			'Vom ersten Tablet',
			'Vom zweiten'
		]);
	});

	it('answers another user’s tablet, a gap and a resent change each on their own and stores the rest', async () => {
		const [a, b, c, d, e] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
		await together(
			['leitung-a', newNote(a, 1, 'kita-a', 'ev-a')],
			['leitung-a', newNote(c, 1, 'kita-a', 'ev-c')]
		);
		transactions = 0;

		const [otherUser, gap, edit, resent, fresh] = await together(
			['team-a', newNote(a, 2, 'kita-a')],
			['team-a', newNote(b, 5, 'kita-a')],
			// Changes the record whose creation the next push resends.
			[
				'team-a',
				{ deviceId: e, changes: [change(1, 'evidence', { note: 'Ergänzt' }, { recordId: 'ev-c' })] }
			],
			[
				'leitung-a',
				{
					deviceId: c,
					changes: [
						change(1, 'evidence', noteEvidence('kita-a', 'ev-c')),
						change(2, 'evidence', noteEvidence('kita-a', 'ev-c2'))
					]
				}
			],
			['leitung-b', newNote(d, 1, 'kita-b', 'ev-d')]
		);
		expect(transactions).toBe(1);
		expect(otherUser).toMatchObject({
			status: 'rejected',
			reason: { status: 403, code: 'device_of_other_user' }
		});
		expect(gap).toEqual({ status: 'fulfilled', value: { kind: 'gap', expectedSeq: 1 } });
		const edited = done(edit).results[0].revision!;
		// A resent change is answered with its record's revision, as it stands after the edit before it.
		const [duplicate, accepted] = done(resent).results;
		expect([duplicate.seq, duplicate.status, duplicate.revision]).toEqual([1, 'duplicate', edited]);
		expect([accepted.seq, accepted.status]).toEqual([2, 'accepted']);
		expect(accepted.revision).toBeGreaterThan(edited);
		expect(done(fresh).results[0].status).toBe('accepted');

		const kitaA = await pullAll(await signedIn(server.ctx, 'leitung-a'));
		const evidence = kitaA.filter((r) => r.table === 'evidence');
		expect(evidence.map((r) => r.recordId).sort()).toEqual(['ev-a', 'ev-c', 'ev-c2']);
	});

	it('lets a second push of the same tablet wait for the next group', async () => {
		const [a, b] = [randomUUID(), randomUUID()];
		const [first, second, other] = await together(
			['leitung-a', newNote(a, 1, 'kita-a')],
			['leitung-a', newNote(a, 2, 'kita-a')],
			['team-a', newNote(b, 1, 'kita-a')]
		);
		expect(transactions).toBe(2);
		expect(done(first).lastSeq).toBe(1);
		expect(done(second).lastSeq).toBe(2);
		expect(done(second).results[0].revision).toBeGreaterThan(done(other).results[0].revision!);
	});

	it('never lets a tablet’s later push overtake an earlier one that did not fit into the group', async () => {
		const [a, b] = [randomUUID(), randomUUID()];
		const notes = (deviceId: string, from: number, count: number): PushRequest => ({
			deviceId,
			changes: Array.from({ length: count }, (_, i) =>
				change(from + i, 'evidence', noteEvidence('kita-a', randomUUID()))
			)
		});
		// 10 + 495 changes are more than a group holds: the big push waits, and so must the small one after it.
		const [small, big, after] = await together(
			['team-a', notes(b, 1, 10)],
			['leitung-a', notes(a, 1, 495)],
			['leitung-a', notes(a, 496, 5)]
		);
		expect(transactions).toBe(3);
		expect(done(small).lastSeq).toBe(10);
		expect(done(big).lastSeq).toBe(495);
		expect(done(after).lastSeq).toBe(500);
		expect(done(after).results.every((r) => r.status === 'accepted')).toBe(true);
	});

	it('stores each push alone when the group as a whole fails, so one push’s trouble stays its own', async () => {
		const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
		// The group fails, then the second push alone fails too.
		failing = new Set([1, 3]);
		const [first, second, third] = await together(
			['leitung-a', newNote(a, 1, 'kita-a', 'ev-a')],
			['team-a', newNote(b, 1, 'kita-a', 'ev-b')],
			['leitung-b', newNote(c, 1, 'kita-b', 'ev-c')]
		);
		expect(transactions).toBe(4);
		expect(done(first).results[0].status).toBe('accepted');
		expect(second).toMatchObject({
			status: 'rejected',
			reason: { message: 'Verbindung zur Datenbank verloren' }
		});
		expect(done(third).results[0].status).toBe('accepted');

		// The refused push stays on its tablet, which sends it again: now it is stored.
		expect(done((await together(['team-a', newNote(b, 1, 'kita-a', 'ev-b')]))[0]).lastSeq).toBe(1);
		const kitaA = await pullAll(await signedIn(server.ctx, 'leitung-a'));
		expect(kitaA.map((r) => r.recordId).sort()).toEqual(['ev-a', 'ev-b']);
	});
});
