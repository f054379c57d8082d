import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	addTwoCentres,
	startTestServer,
	testDialects,
	type TestServer
} from '$lib/server/testing/testServer';
import { signedIn, type InProcessFetch } from './testing/inProcessFetch';
import {
	change,
	DEVICE_A,
	DEVICE_B,
	noteEvidence,
	pullAll,
	push,
	statusRecord
} from './testing/syncFixtures';

/** The merge rules of docs/sync.md as two tablets of one centre meet them on the server. */
describe.each(testDialects)('merge rules on %s', (dialect) => {
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

	const recordOf = async (client: InProcessFetch, recordId: string) =>
		(await pullAll(client)).find((r) => r.recordId === recordId)!;
	const conflictsOf = async (client: InProcessFetch) =>
		(await pullAll(client)).filter((r) => r.table === 'syncConflicts');
	const openConflictsOf = async (client: InProcessFetch) =>
		(await conflictsOf(client)).filter((r) => r.record.resolved === false);

	it('keeps evidence that one tablet deleted while another edited it, until the Leitung deletes it', async () => {
		await push(leitungA, DEVICE_A, [change(1, 'evidence', noteEvidence('kita-a', 'ev-1'))]);
		await push(leitungA, DEVICE_A, [
			change(2, 'evidence', { title: 'Flyer Elterncafé' }, { recordId: 'ev-1', baseRevision: 1 })
		]);
		const deletion = await push(teamA, DEVICE_B, [
			change(1, 'evidence', { deleted: true }, { recordId: 'ev-1', baseRevision: 1, op: 'delete' })
		]);
		expect(deletion.body.results[0]).toMatchObject({
			status: 'accepted',
			conflicts: [{ field: 'deleted', keptValue: false, otherValue: true, changedFields: ['title'] }]
		});
		const kept = await recordOf(teamA, 'ev-1');
		expect(kept).toMatchObject({ deleted: false, record: { title: 'Flyer Elterncafé' } });
		const [conflict] = await openConflictsOf(leitungA);
		expect(conflict.record).toMatchObject({
			table: 'evidence',
			recordId: 'ev-1',
			field: 'deleted',
			otherBy: 'Person team-a',
			changedFields: ['title']
		});

		// „Löschen“: the Leitung's delete, made on the current revision, and the resolution.
		const resolved = await push(leitungA, DEVICE_A, [
			change(
				3,
				'evidence',
				{ deleted: true },
				{ recordId: 'ev-1', baseRevision: kept.revision, op: 'delete' }
			),
			change(
				4,
				'syncConflicts',
				{ resolved: true, resolution: 'other' },
				{ recordId: conflict.recordId, baseRevision: conflict.revision }
			)
		]);
		expect(resolved.body.results.map((r) => r.conflicts)).toEqual([undefined, undefined]);
		expect((await recordOf(teamA, 'ev-1')).deleted).toBe(true);
		expect(await openConflictsOf(teamA)).toEqual([]);
	});

	it('keeps the edit of evidence another tablet deleted, so restoring shows it', async () => {
		await push(leitungA, DEVICE_A, [change(1, 'evidence', noteEvidence('kita-a', 'ev-1'))]);
		await push(leitungA, DEVICE_A, [
			change(2, 'evidence', { deleted: true }, { recordId: 'ev-1', baseRevision: 1, op: 'delete' })
		]);
		const edit = await push(teamA, DEVICE_B, [
			change(1, 'evidence', { note: 'Aushang im Flur' }, { recordId: 'ev-1', baseRevision: 1 })
		]);
		expect(edit.body.results[0]).toMatchObject({
			status: 'accepted',
			conflicts: [{ field: 'deleted', keptValue: true, otherValue: false, changedFields: ['note'] }]
		});
		const deleted = await recordOf(leitungA, 'ev-1');
		expect(deleted).toMatchObject({ deleted: true, record: { note: 'Aushang im Flur' } });

		// „Wiederherstellen“.
		const [conflict] = await openConflictsOf(leitungA);
		await push(leitungA, DEVICE_A, [
			change(3, 'evidence', { deleted: false }, { recordId: 'ev-1', baseRevision: deleted.revision }),
			change(
				4,
				'syncConflicts',
				{ resolved: true, resolution: 'other' },
				{ recordId: conflict.recordId, baseRevision: conflict.revision }
			)
		]);
		expect(await recordOf(teamA, 'ev-1')).toMatchObject({
			deleted: false,
			record: { note: 'Aushang im Flur', title: 'Aushang Sprechstunde' }
		});
		expect(await openConflictsOf(teamA)).toEqual([]);
	});

	it('merges two tablets that both created the status of an untouched criterion', async () => {
		await push(leitungA, DEVICE_A, [
			change(1, 'criterionStatuses', statusRecord('kita-a', '1.1', 'erfuellt'))
		]);
		const second = await push(teamA, DEVICE_B, [
			change(1, 'criterionStatuses', statusRecord('kita-a', '1.1', 'offen', { note: 'Elterncafé' }))
		]);
		expect(second.body.results[0]).toMatchObject({ status: 'accepted' });
		expect(second.body.results[0].conflicts).toBeUndefined();
		expect((await recordOf(leitungA, 'kita-a:1.1')).record).toMatchObject({
			status: 'erfuellt',
			note: 'Elterncafé'
		});
		expect(await conflictsOf(leitungA)).toEqual([]);
	});

	it('never lets a blank profile from a tablet that lost its data overwrite or conflict with the server’s', async () => {
		const profile = {
			id: 'kita-a',
			facilityId: 'kita-a',
			createdAt: '2026-11-23T08:00:00.000Z',
			updatedAt: '2026-11-23T08:00:00.000Z',
			updatedBy: 'Tablet',
			deleted: false,
			name: 'Familienzentrum Am Park',
			catalogueId: 'familienzentrum-nrw',
			catalogueVersion: '2026'
		};
		await push(leitungA, DEVICE_A, [
			change(1, 'facilities', {
				...profile,
				traeger: 'AWO Köln',
				jugendamt: 'Stadt Köln',
				city: 'Köln',
				sealValidUntil: '2027-05-31'
			})
		]);
		const blank = await push(teamA, DEVICE_B, [
			change(1, 'facilities', {
				...profile,
				traeger: '',
				jugendamt: '',
				street: '',
				postalCode: '',
				city: '',
				verbundMembers: [],
				sealValidUntil: null,
				chosenProfileAreas: []
			})
		]);
		expect(blank.body.results[0]).toMatchObject({ status: 'accepted' });
		expect(blank.body.results[0].conflicts).toBeUndefined();
		expect((await recordOf(leitungA, 'kita-a')).record).toMatchObject({
			traeger: 'AWO Köln',
			jugendamt: 'Stadt Köln',
			city: 'Köln',
			sealValidUntil: '2027-05-31'
		});
		expect(await conflictsOf(leitungA)).toEqual([]);
	});

	it('keeps one open conflict per record and field however often the field clashes', async () => {
		await push(leitungA, DEVICE_A, [
			change(1, 'criterionStatuses', statusRecord('kita-a', '1.1', 'erfuellt', { note: 'A' }))
		]);
		// Tablet B created the record too (status and note), then changed the status again.
		const clashes = await push(teamA, DEVICE_B, [
			change(1, 'criterionStatuses', statusRecord('kita-a', '1.1', 'in_arbeit', { note: 'B' })),
			change(2, 'criterionStatuses', { status: 'nicht_zutreffend' }, { recordId: 'kita-a:1.1' })
		]);
		expect(clashes.body.results.map((r) => r.conflicts?.map((c) => c.field))).toEqual([
			['status', 'note'],
			['status']
		]);
		const open = await openConflictsOf(leitungA);
		expect(open.map((c) => [c.record.field, c.record.otherValue]).sort()).toEqual([
			['note', 'B'],
			['status', 'nicht_zutreffend']
		]);

		// Resolved, then the same field clashes again: the one conflict opens again.
		const status = open.find((c) => c.record.field === 'status')!;
		await push(leitungA, DEVICE_A, [
			change(
				2,
				'syncConflicts',
				{ resolved: true, resolution: 'kept' },
				{ recordId: status.recordId, baseRevision: status.revision }
			)
		]);
		expect(await openConflictsOf(teamA)).toHaveLength(1);
		await push(teamA, DEVICE_B, [
			change(3, 'criterionStatuses', { status: 'in_arbeit' }, { recordId: 'kita-a:1.1' })
		]);
		const all = await conflictsOf(teamA);
		expect(all).toHaveLength(2);
		expect(all.find((c) => c.record.field === 'status')?.record).toMatchObject({
			resolved: false,
			resolution: null,
			keptValue: 'erfuellt',
			otherValue: 'in_arbeit'
		});
	});

	it('answers a refused change with the record as the server holds it, for whoever may read it', async () => {
		await push(leitungA, DEVICE_A, [
			change(1, 'criterionStatuses', statusRecord('kita-a', '1.1', 'erfuellt'))
		]);
		const edit = change(
			1,
			'criterionStatuses',
			{ status: 'offen' },
			{ recordId: 'kita-a:1.1', baseRevision: 1 }
		);

		const byAdvisor = await push(advisor, DEVICE_B, [edit]);
		expect(byAdvisor.body.results[0]).toMatchObject({
			status: 'rejected',
			code: 'permission',
			current: {
				table: 'criterionStatuses',
				recordId: 'kita-a:1.1',
				revision: 1,
				record: { status: 'erfuellt' }
			}
		});
		// Asked again (a lost answer), the same.
		const again = await push(advisor, DEVICE_B, [edit]);
		expect(again.body.results[0]).toMatchObject({ status: 'rejected', current: { revision: 1 } });

		const byOtherCentre = await push(leitungB, '0c0c0c0c-0000-4000-8000-00000000000c', [edit]);
		expect(byOtherCentre.body.results[0]).toMatchObject({ status: 'rejected' });
		expect(byOtherCentre.body.results[0].current).toBeUndefined();
	});

	it('answers a change that met a conflict with the value the server kept', async () => {
		await push(leitungA, DEVICE_A, [
			change(1, 'criterionStatuses', statusRecord('kita-a', '1.1', 'erfuellt'))
		]);
		const clash = await push(teamA, DEVICE_B, [
			change(1, 'criterionStatuses', statusRecord('kita-a', '1.1', 'in_arbeit'))
		]);
		expect(clash.body.results[0]).toMatchObject({
			status: 'accepted',
			current: { recordId: 'kita-a:1.1', record: { status: 'erfuellt' } }
		});
	});
});
