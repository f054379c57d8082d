import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '$lib/server/accounts/audit';
import {
	addTwoCentres,
	startTestServer,
	testDialects,
	type TestServer
} from '$lib/server/testing/testServer';
import { inProcessFetch, signedIn, type InProcessFetch } from './testing/inProcessFetch';
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

describe.each(testDialects)('pushing changes on %s', (dialect) => {
	let server: TestServer;
	let leitungA: InProcessFetch;
	let teamA: InProcessFetch;
	let leitungB: InProcessFetch;
	let advisor: InProcessFetch;

	beforeEach(async () => {
		server = await startTestServer(dialect);
		await addTwoCentres(server.ctx);
		leitungA = await signedIn(server.ctx, 'leitung-a');
		teamA = await signedIn(server.ctx, 'team-a');
		leitungB = await signedIn(server.ctx, 'leitung-b');
		advisor = await signedIn(server.ctx, 'beratung');
	});
	afterEach(() => server.cleanup());

	const rowCount = async () =>
		Number(
			(
				await server.ctx.db
					.selectFrom('sync_records')
					.select((eb) => eb.fn.countAll().as('n'))
					.executeTakeFirstOrThrow()
			).n
		);

	it('stores a pushed record and hands it to another tablet of the centre', async () => {
		const pushed = await push(leitungA, DEVICE_A, [
			change(1, 'criterionStatuses', statusRecord('kita-a', '1.1', 'erfuellt'))
		]);
		expect(pushed.status).toBe(200);
		expect(pushed.body).toEqual({ results: [{ seq: 1, status: 'accepted', revision: 1 }], lastSeq: 1 });

		const pulled = await pull(teamA, 0);
		expect(pulled).toMatchObject({ cursor: 1, hasMore: false, facilityIds: ['kita-a'] });
		expect(pulled.records).toEqual([
			expect.objectContaining({
				table: 'criterionStatuses',
				recordId: 'kita-a:1.1',
				facilityId: 'kita-a',
				revision: 1,
				deleted: false,
				record: expect.objectContaining({ status: 'erfuellt', updatedBy: 'Person leitung-a' })
			})
		]);
		expect((await pull(teamA, 1)).records).toEqual([]);
	});

	it('stores real revisions for the record and for each field a batch changed', async () => {
		await push(leitungA, DEVICE_A, [change(1, 'evidence', noteEvidence('kita-a', 'ev-1'))]);
		// Another record in between, so the next batch's revisions do not follow on from ev-1's.
		await push(leitungA, DEVICE_A, [change(2, 'evidence', noteEvidence('kita-a', 'ev-2'))]);
		const pushed = await push(teamA, DEVICE_B, [
			change(1, 'evidence', { note: 'Aushang im Flur' }, { recordId: 'ev-1', baseRevision: 1 }),
			change(2, 'evidence', { title: 'Aushang Sprechstunde Mai' }, { recordId: 'ev-1', baseRevision: 1 })
		]);
		expect(pushed.body.results).toEqual([
			{ seq: 1, status: 'accepted', revision: 3 },
			{ seq: 2, status: 'accepted', revision: 4 }
		]);

		const row = await server.ctx.db
			.selectFrom('sync_records')
			.select(['revision', 'field_revisions'])
			.where('record_id', '=', 'ev-1')
			.executeTakeFirstOrThrow();
		expect(Number(row.revision)).toBe(4);
		const fieldRevisions = JSON.parse(row.field_revisions) as Record<string, number>;
		expect(fieldRevisions).toMatchObject({ note: 3, title: 4, kind: 1, date: 1 });
		// So an edit made before revision 4 conflicts on the title only, and one made after does not.
		const stale = await push(leitungA, DEVICE_A, [
			change(3, 'evidence', { title: 'Sprechstunde' }, { recordId: 'ev-1', baseRevision: 3 })
		]);
		expect(stale.body.results[0].conflicts?.map((c) => c.field)).toEqual(['title']);
		const fresh = await push(leitungA, DEVICE_A, [
			change(4, 'evidence', { title: 'Sprechstunde' }, { recordId: 'ev-1', baseRevision: 4 })
		]);
		expect(fresh.body.results[0]).toMatchObject({ status: 'accepted' });
		expect(fresh.body.results[0].conflicts).toBeUndefined();
	});

	it('acknowledges a batch sent twice without storing anything twice', async () => {
		const batch = [
			change(1, 'criterionStatuses', statusRecord('kita-a', '1.1', 'in_arbeit')),
			change(2, 'evidence', noteEvidence('kita-a', 'ev-1')),
			change(3, 'criterionStatuses', { status: 'erfuellt' }, { recordId: 'kita-a:1.1', baseRevision: 0 })
		];
		const first = await push(leitungA, DEVICE_A, batch);
		expect(first.body.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
		const rows = await rowCount();
		const records = await pullAll(teamA);

		const again = await push(leitungA, DEVICE_A, batch);
		expect(again.status).toBe(200);
		expect(again.body.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
		expect(again.body.lastSeq).toBe(3);
		expect(await rowCount()).toBe(rows);
		expect(await pullAll(teamA)).toEqual(records);
		expect(records.find((r) => r.recordId === 'kita-a:1.1')?.record.status).toBe('erfuellt');
	});

	it('refuses a gap in the sequence and tells where to resume, storing nothing', async () => {
		await push(leitungA, DEVICE_A, [change(1, 'criterionStatuses', statusRecord('kita-a', '1.1', 'offen'))]);
		const gap = await push(leitungA, DEVICE_A, [
			change(3, 'criterionStatuses', statusRecord('kita-a', '1.2', 'offen'))
		]);
		expect(gap.status).toBe(409);
		expect(gap.body).toMatchObject({ error: { code: 'sequence_gap' }, expectedSeq: 2 });
		expect(await rowCount()).toBe(1);
	});

	it('takes a batch that starts with changes it has seen and goes on with new ones', async () => {
		await push(leitungA, DEVICE_A, [change(1, 'criterionStatuses', statusRecord('kita-a', '1.1', 'offen'))]);
		const overlapping = await push(leitungA, DEVICE_A, [
			change(1, 'criterionStatuses', statusRecord('kita-a', '1.1', 'offen')),
			change(2, 'criterionStatuses', statusRecord('kita-a', '1.2', 'erfuellt'))
		]);
		expect(overlapping.body.results.map((r) => r.status)).toEqual(['duplicate', 'accepted']);
	});

	it('merges edits of different fields made on two tablets', async () => {
		await push(leitungA, DEVICE_A, [change(1, 'criterionStatuses', statusRecord('kita-a', '1.1', 'offen'))]);
		const [base] = (await pull(teamA)).records;

		await push(leitungA, DEVICE_A, [
			change(
				2,
				'criterionStatuses',
				{ status: 'erfuellt' },
				{ recordId: base.recordId, baseRevision: base.revision }
			)
		]);
		const fromB = await push(teamA, DEVICE_B, [
			change(
				1,
				'criterionStatuses',
				{ note: 'Flyer hängt aus' },
				{ recordId: base.recordId, baseRevision: base.revision }
			)
		]);
		expect(fromB.body.results[0]).toMatchObject({ status: 'accepted' });
		expect(fromB.body.results[0].conflicts).toBeUndefined();

		const [merged] = (await pull(leitungA)).records.filter((r) => r.table === 'criterionStatuses');
		expect(merged.record).toMatchObject({ status: 'erfuellt', note: 'Flyer hängt aus' });
	});

	it('keeps the first value of a field edited on two tablets and stores the other as a conflict', async () => {
		await push(leitungA, DEVICE_A, [change(1, 'criterionStatuses', statusRecord('kita-a', '1.1', 'offen'))]);
		const [base] = (await pull(teamA)).records;
		await push(leitungA, DEVICE_A, [
			change(
				2,
				'criterionStatuses',
				{ status: 'erfuellt' },
				{ recordId: base.recordId, baseRevision: base.revision }
			)
		]);
		const fromB = await push(teamA, DEVICE_B, [
			change(
				1,
				'criterionStatuses',
				{ status: 'in_arbeit' },
				{ recordId: base.recordId, baseRevision: base.revision, changedAt: '2026-11-23T09:00:00.000Z' }
			)
		]);
		expect(fromB.body.results[0].conflicts).toEqual([
			{
				field: 'status',
				keptValue: 'erfuellt',
				otherValue: 'in_arbeit',
				otherBy: 'Person team-a',
				otherAt: '2026-11-23T09:00:00.000Z',
				keptBy: 'Person leitung-a',
				keptAt: expect.any(String)
			}
		]);

		const records = await pullAll(leitungA);
		expect(records.find((r) => r.table === 'criterionStatuses')?.record.status).toBe('erfuellt');
		const conflict = records.find((r) => r.table === 'syncConflicts');
		expect(conflict).toMatchObject({
			facilityId: 'kita-a',
			record: {
				table: 'criterionStatuses',
				recordId: 'kita-a:1.1',
				field: 'status',
				keptValue: 'erfuellt',
				otherValue: 'in_arbeit',
				resolved: false
			}
		});
	});

	it('lets only the Leitung resolve a conflict, and nobody create one', async () => {
		await push(leitungA, DEVICE_A, [change(1, 'criterionStatuses', statusRecord('kita-a', '1.1', 'offen'))]);
		await push(leitungA, DEVICE_A, [
			change(2, 'criterionStatuses', { status: 'erfuellt' }, { recordId: 'kita-a:1.1', baseRevision: 1 })
		]);
		await push(teamA, DEVICE_B, [
			change(1, 'criterionStatuses', { status: 'in_arbeit' }, { recordId: 'kita-a:1.1', baseRevision: 1 })
		]);
		const conflict = (await pullAll(leitungA)).find((r) => r.table === 'syncConflicts')!;
		const resolution = { resolved: true, resolution: 'kept' };

		const byTeam = await push(teamA, DEVICE_B, [
			change(2, 'syncConflicts', resolution, { recordId: conflict.recordId, baseRevision: conflict.revision })
		]);
		expect(byTeam.body.results[0]).toMatchObject({ status: 'rejected', code: 'permission' });

		const byLeitung = await push(leitungA, DEVICE_A, [
			change(3, 'syncConflicts', resolution, { recordId: conflict.recordId, baseRevision: conflict.revision })
		]);
		expect(byLeitung.body.results[0]).toMatchObject({ status: 'accepted' });
		const resolved = (await pullAll(teamA)).find((r) => r.table === 'syncConflicts')!;
		expect(resolved.record).toMatchObject({ resolved: true, resolution: 'kept' });

		const forged = await push(leitungA, DEVICE_A, [
			change(
				4,
				'syncConflicts',
				{ ...resolved.record, id: 'forged', resolved: false },
				{ recordId: 'forged' }
			)
		]);
		expect(forged.body.results[0]).toMatchObject({ status: 'rejected', code: 'permission' });
	});

	it('rejects an invalid record with a German reason, counts it as processed and says so again on replay', async () => {
		const bad = [change(1, 'criterionStatuses', statusRecord('kita-a', '1.1', 'fast_fertig'))];
		const first = await push(leitungA, DEVICE_A, bad);
		expect(first.body).toMatchObject({
			lastSeq: 1,
			results: [{ seq: 1, status: 'rejected', code: 'validation' }]
		});
		expect(first.body.results[0].reason).toMatch(/^Ungültige Angaben: status: /);
		expect(await rowCount()).toBe(0);

		const replay = await push(leitungA, DEVICE_A, bad);
		expect(replay.body.results[0]).toMatchObject({
			status: 'rejected',
			code: 'validation',
			reason: first.body.results[0].reason
		});

		const next = await push(leitungA, DEVICE_A, [
			change(2, 'criterionStatuses', statusRecord('kita-a', '1.1', 'offen'))
		]);
		expect(next.body.results[0].status).toBe('accepted');
	});

	it('rejects a change to another centre’s record without touching it', async () => {
		await push(leitungA, DEVICE_A, [change(1, 'criterionStatuses', statusRecord('kita-a', '1.1', 'offen'))]);
		const fromB = await push(leitungB, DEVICE_B, [
			change(
				1,
				'criterionStatuses',
				{ ...statusRecord('kita-b', '1.1', 'erfuellt'), id: 'kita-a:1.1' },
				{ recordId: 'kita-a:1.1' }
			)
		]);
		expect(fromB.body.results[0]).toMatchObject({ status: 'rejected', code: 'permission' });
		const [record] = (await pullAll(leitungA)).filter((r) => r.table === 'criterionStatuses');
		expect(record).toMatchObject({ facilityId: 'kita-a', record: { status: 'offen', facilityId: 'kita-a' } });
		expect(await pullAll(leitungB)).toEqual([]);
	});

	it('rejects a new record that claims another centre', async () => {
		const claimed = await push(leitungB, DEVICE_B, [
			change(1, 'criterionStatuses', statusRecord('kita-a', '2.1', 'erfuellt'))
		]);
		expect(claimed.body.results[0]).toMatchObject({ status: 'rejected', code: 'permission' });
		expect(await rowCount()).toBe(0);
	});

	it('stores a certification round and evidence carried into it, and refuses a period in reverse', async () => {
		const round = {
			id: 'runde-2027',
			facilityId: 'kita-a',
			createdAt: T0,
			updatedAt: T0,
			updatedBy: 'Tablet',
			deleted: false,
			kind: 're',
			form: 'verbund',
			periodKind: 'kalenderjahr',
			periodStart: '2027-01-01',
			periodEnd: '2027-12-31',
			registrationDate: '2026-08-31',
			documentsDue: '2026-11-30',
			siteVisitDate: '2028-06-15',
			sealValidUntil: '2032-07-31',
			note: ''
		};
		const pushed = await push(leitungA, DEVICE_A, [
			change(1, 'certificationRounds', round),
			change(2, 'evidence', noteEvidence('kita-a', 'ev-vertrag', { carriedIntoRounds: ['runde-2027'] })),
			change(3, 'certificationRounds', { ...round, id: 'runde-falsch', periodEnd: '2026-12-31' })
		]);
		expect(pushed.body.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'rejected']);
		expect(pushed.body.results[2].reason).toMatch(/Ende des Prüfzeitraums liegt vor seinem Beginn/);

		const pulled = await pull(teamA, 0);
		expect(pulled.records).toEqual(
			expect.arrayContaining([
				expect.objectContaining({
					table: 'certificationRounds',
					recordId: 'runde-2027',
					record: expect.objectContaining({ form: 'verbund', siteVisitDate: '2028-06-15' })
				}),
				expect.objectContaining({
					table: 'evidence',
					recordId: 'ev-vertrag',
					record: expect.objectContaining({ carriedIntoRounds: ['runde-2027'] })
				})
			])
		);
	});

	it('rejects every change an advisor pushes: she reads, she does not write', async () => {
		const pushed = await push(advisor, DEVICE_B, [
			change(1, 'criterionStatuses', statusRecord('kita-a', '1.1', 'erfuellt'))
		]);
		expect(pushed.body.results[0]).toMatchObject({ status: 'rejected', code: 'permission' });
		expect(pushed.body.results[0].reason).toMatch(/Fachberatung/);
	});

	it('rejects tables it does not know and evidence citing a file it does not have', async () => {
		const pushed = await push(leitungA, DEVICE_A, [
			change(1, 'childrenNames', { id: 'x', facilityId: 'kita-a' }),
			change(
				2,
				'evidence',
				noteEvidence('kita-a', 'ev-photo', {
					kind: 'photo',
					attachment: { sha256: 'ab'.repeat(32), mimeType: 'image/jpeg', size: 10, fileName: 'aushang.jpg' }
				})
			)
		]);
		expect(pushed.body.results.map((r) => r.code)).toEqual(['unknown_table', 'missing_attachment']);
		expect(pushed.body.results[1].reason).toMatch(/aushang\.jpg/);
	});

	it('refuses a device that pushed for another user', async () => {
		await push(leitungA, DEVICE_A, [change(1, 'criterionStatuses', statusRecord('kita-a', '1.1', 'offen'))]);
		const other = await push(teamA, DEVICE_A, [
			change(2, 'criterionStatuses', statusRecord('kita-a', '1.2', 'offen'))
		]);
		expect(other.status).toBe(403);
		expect(other.body.error.code).toBe('device_of_other_user');
	});

	it('shows each user only the records of her own centres', async () => {
		await push(leitungA, DEVICE_A, [change(1, 'criterionStatuses', statusRecord('kita-a', '1.1', 'offen'))]);
		await push(leitungB, DEVICE_B, [
			change(1, 'criterionStatuses', statusRecord('kita-b', '1.1', 'erfuellt'))
		]);
		expect((await pullAll(leitungA)).map((r) => r.facilityId)).toEqual(['kita-a']);
		expect((await pullAll(leitungB)).map((r) => r.facilityId)).toEqual(['kita-b']);
		expect((await pullAll(advisor)).map((r) => r.facilityId)).toEqual(['kita-a']);
	});

	it('hands out records in batches by cursor, deletions included', async () => {
		const changes = ['1.1', '1.2', '1.3', '1.4', '1.5'].map((id, i) =>
			change(i + 1, 'criterionStatuses', statusRecord('kita-a', id, 'offen'))
		);
		changes.push(
			change(6, 'criterionStatuses', {}, { recordId: 'kita-a:1.1', op: 'delete', baseRevision: 1 })
		);
		await push(leitungA, DEVICE_A, changes);
		const first = await pull(teamA, 0, 2);
		expect(first.records.map((r) => r.recordId)).toEqual(['kita-a:1.2', 'kita-a:1.3']);
		expect(first.hasMore).toBe(true);
		const second = await pull(teamA, first.cursor, 2);
		const third = await pull(teamA, second.cursor, 2);
		expect(third.hasMore).toBe(false);
		expect(third.records.at(-1)).toMatchObject({ recordId: 'kita-a:1.1', deleted: true });
	});

	it('writes one audit entry per push and facility', async () => {
		await push(leitungA, DEVICE_A, [
			change(1, 'criterionStatuses', statusRecord('kita-a', '1.1', 'offen')),
			change(2, 'criterionStatuses', statusRecord('kita-a', '1.2', 'kaputt'))
		]);
		const [entry] = await listAudit(server.ctx.db, { facilityId: 'kita-a' });
		expect(entry).toMatchObject({
			userId: 'leitung-a',
			action: 'sync.push',
			entityId: DEVICE_A,
			detail: { accepted: 1, rejected: 1, conflicts: 0, tables: { criterionStatuses: 2 } }
		});
	});

	it('answers 401 without a session and 400 for a malformed push', async () => {
		const anonymous = inProcessFetch(null);
		expect(
			(
				await push(anonymous, DEVICE_A, [
					change(1, 'criterionStatuses', statusRecord('kita-a', '1.1', 'offen'))
				])
			).status
		).toBe(401);
		const malformed = await leitungA.fetch('/api/sync/push', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ deviceId: 'not-a-uuid', changes: [] })
		});
		expect(malformed.status).toBe(400);
	});
});
