import { beforeEach, describe, expect, it } from 'vitest';
import { freshWorkspace } from '../../../../tests/fixtures/db/testWorkspace';
import { putRecord } from '$lib/client/db/changes';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import type { SyncConflict } from '$lib/domain/sync/conflict';
import { applyServerChanges } from './applyServerChanges';
import { readOpenConflicts, readRecordConflicts, resolveConflict } from './conflicts';
import { listClientChanges, recordPushResults } from './outbox';
import { dismissRejectedChange, readRejectedChangeViews, resendRejectedChange } from './rejectedChanges';
import { showServerCopies } from './serverCopies';

const T0 = '2026-11-23T08:00:00.000Z';
const base = { facilityId: 'kita-a', createdAt: T0, updatedAt: T0, updatedBy: 'Server', deleted: false };
const statusRecord = { ...base, id: 'kita-a:1.1', criterionId: '1.1', status: 'erfuellt' as const, note: '' };
const conflict: SyncConflict = {
	...base,
	id: 'c1',
	table: 'criterionStatuses',
	recordId: 'kita-a:1.1',
	field: 'status',
	keptValue: 'erfuellt',
	otherValue: 'in_arbeit',
	otherBy: 'Tom Team',
	otherAt: T0,
	changedFields: [],
	keptBy: '',
	keptAt: null,
	resolved: false,
	resolution: null
};

let db: WorkspaceDb;
beforeEach(async () => {
	db = await freshWorkspace();
	await applyServerChanges(db, {
		records: [
			{
				table: 'criterionStatuses',
				recordId: statusRecord.id,
				facilityId: 'kita-a',
				revision: 4,
				deleted: false,
				record: statusRecord
			},
			{
				table: 'syncConflicts',
				recordId: 'c1',
				facilityId: 'kita-a',
				revision: 5,
				deleted: false,
				record: conflict
			}
		],
		facilityIds: ['kita-a'],
		cursor: 5,
		hasMore: false
	});
});

describe('resolving a conflict', () => {
	it('lists open conflicts with the record they are about', async () => {
		const [open] = await readOpenConflicts(db);
		expect(open).toMatchObject({ conflict: { id: 'c1' }, record: { criterionId: '1.1' } });
	});

	it('keeping the value only marks the conflict resolved', async () => {
		await resolveConflict(conflict, 'kept');
		expect(await db.criterionStatuses.get('kita-a:1.1')).toMatchObject({ status: 'erfuellt' });
		const changes = await listClientChanges(db);
		expect(changes).toEqual([
			expect.objectContaining({
				table: 'syncConflicts',
				recordId: 'c1',
				baseRevision: 5,
				values: { resolved: true, resolution: 'kept' }
			})
		]);
		expect(await readOpenConflicts(db)).toEqual([]);
	});

	it('taking the other value writes it as a change on the current revision, with the resolution', async () => {
		await resolveConflict(conflict, 'other');
		expect(await db.criterionStatuses.get('kita-a:1.1')).toMatchObject({ status: 'in_arbeit' });
		const changes = await listClientChanges(db);
		expect(changes.map((c) => [c.table, c.baseRevision, c.values])).toEqual([
			['criterionStatuses', 4, { status: 'in_arbeit' }],
			['syncConflicts', 5, { resolved: true, resolution: 'other' }]
		]);
	});

	it('keeping both texts writes them joined under their authors’ names, with the resolution', async () => {
		const noteConflict: SyncConflict = {
			...conflict,
			field: 'note',
			keptValue: 'Flyer hängt aus',
			otherValue: 'Flyer fehlt noch',
			keptBy: 'Anna Leitung',
			keptAt: T0
		};
		await resolveConflict(noteConflict, 'both');
		const note = (await db.criterionStatuses.get('kita-a:1.1'))?.note ?? '';
		expect(note).toContain('Fassung von Anna Leitung');
		expect(note).toContain('Fassung von Tom Team');
		expect(note.indexOf('Flyer hängt aus')).toBeLessThan(note.indexOf('Flyer fehlt noch'));
		const changes = await listClientChanges(db);
		expect(changes.map((c) => [c.table, c.values])).toEqual([
			['criterionStatuses', { note }],
			['syncConflicts', { resolved: true, resolution: 'both' }]
		]);
	});

	it('finds the open conflicts of one record for its marker, none once resolved', async () => {
		expect((await readRecordConflicts('kita-a:1.1', 'criterionStatuses', db)).map((c) => c.id)).toEqual([
			'c1'
		]);
		expect(await readRecordConflicts('kita-a:1.1', 'evidence', db)).toEqual([]);
		await resolveConflict(conflict, 'kept');
		expect(await readRecordConflicts('kita-a:1.1', undefined, db)).toEqual([]);
	});
});

describe('conflicts over a delete', () => {
	const evidence = {
		...base,
		id: 'ev-1',
		kind: 'note' as const,
		title: 'Flyer',
		note: 'Aushang im Flur',
		url: '',
		date: '2026-11-20',
		validUntil: null,
		criterionIds: ['1.1'],
		attachment: null,
		deleted: true
	};
	const deletion: SyncConflict = {
		...conflict,
		id: 'c2',
		table: 'evidence',
		recordId: 'ev-1',
		field: 'deleted',
		keptValue: true,
		otherValue: false,
		changedFields: ['note']
	};

	beforeEach(async () => {
		await applyServerChanges(db, {
			records: [
				{
					table: 'evidence',
					recordId: 'ev-1',
					facilityId: 'kita-a',
					revision: 6,
					deleted: true,
					record: evidence
				},
				{
					table: 'syncConflicts',
					recordId: 'c2',
					facilityId: 'kita-a',
					revision: 7,
					deleted: false,
					record: deletion
				},
				// Stored before the server kept one conflict per field: an older one on the same field.
				{
					table: 'syncConflicts',
					recordId: 'c0',
					facilityId: 'kita-a',
					revision: 3,
					deleted: false,
					record: { ...deletion, id: 'c0', updatedAt: '2026-11-22T08:00:00.000Z' }
				}
			],
			facilityIds: ['kita-a'],
			cursor: 7,
			hasMore: false
		});
	});

	it('lists one conflict per record and field, the latest', async () => {
		const open = await readOpenConflicts(db);
		expect(open.map((view) => view.conflict.id).sort()).toEqual(['c1', 'c2']);
	});

	it('restoring brings the deleted record back with the edit, as a change', async () => {
		await resolveConflict(deletion, 'other');
		expect(await db.evidence.get('ev-1')).toMatchObject({ deleted: false, note: 'Aushang im Flur' });
		const changes = await listClientChanges(db);
		expect(changes.map((c) => [c.table, c.op, c.baseRevision, c.values])).toEqual([
			['evidence', 'put', 6, { deleted: false }],
			['syncConflicts', 'put', 7, { resolved: true, resolution: 'other' }]
		]);
	});
});

describe('rejected changes', () => {
	beforeEach(async () => {
		await putRecord('criterionStatuses', { ...statusRecord, note: 'Aushang fotografiert' });
		const [change] = await listClientChanges(db);
		await recordPushResults(db, {
			results: [{ seq: change.seq, status: 'rejected', code: 'permission', reason: 'Nur lesen.' }],
			lastSeq: change.seq
		});
	});

	it('are listed with the record they are about', async () => {
		const [view] = await readRejectedChangeViews(db);
		expect(view).toMatchObject({
			entry: { rejection: { reason: 'Nur lesen.' } },
			record: { criterionId: '1.1' }
		});
	});

	it('can be sent again as a new change with the same values and base', async () => {
		const [view] = await readRejectedChangeViews(db);
		await resendRejectedChange(view.entry.seq);
		expect(await readRejectedChangeViews(db)).toEqual([]);
		const [again] = await listClientChanges(db);
		expect(again).toMatchObject({ seq: 2, baseRevision: 4, values: { note: 'Aushang fotografiert' } });
	});

	it('can be removed from the list, leaving the record as it is on the device', async () => {
		const [view] = await readRejectedChangeViews(db);
		await dismissRejectedChange(view.entry.seq);
		expect(await readRejectedChangeViews(db)).toEqual([]);
		expect(await db.criterionStatuses.get('kita-a:1.1')).toMatchObject({ note: 'Aushang fotografiert' });
	});
});

describe('after the server refused a change', () => {
	it('shows the server’s record, lists the refused value, and shows it again when resent', async () => {
		await putRecord('criterionStatuses', { ...statusRecord, note: 'Aushang fotografiert' });
		const sent = await listClientChanges(db);
		const response = {
			results: [
				{
					seq: sent[0].seq,
					status: 'rejected' as const,
					code: 'validation' as const,
					reason: 'Die Notiz ist zu lang.',
					current: {
						table: 'criterionStatuses',
						recordId: statusRecord.id,
						facilityId: 'kita-a',
						revision: 4,
						deleted: false,
						record: statusRecord
					}
				}
			],
			lastSeq: sent[0].seq
		};
		await recordPushResults(db, response);
		await showServerCopies(db, sent, response);

		expect(await db.criterionStatuses.get('kita-a:1.1')).toMatchObject({ note: '' });
		const [view] = await readRejectedChangeViews(db);
		expect(view.entry.values).toEqual({ note: 'Aushang fotografiert' });

		await resendRejectedChange(view.entry.seq);
		expect(await db.criterionStatuses.get('kita-a:1.1')).toMatchObject({ note: 'Aushang fotografiert' });
	});

	it('takes a refused new record off the device, keeping its values with the refused change', async () => {
		await putRecord('criterionStatuses', { ...statusRecord, id: 'kita-a:2.1', criterionId: '2.1' });
		const sent = await listClientChanges(db);
		const response = {
			results: [
				{ seq: sent[0].seq, status: 'rejected' as const, code: 'permission' as const, reason: 'Nein.' }
			],
			lastSeq: sent[0].seq
		};
		await recordPushResults(db, response);
		await showServerCopies(db, sent, response);

		expect(await db.criterionStatuses.get('kita-a:2.1')).toBeUndefined();
		const [view] = await readRejectedChangeViews(db);
		expect(view.entry.values).toMatchObject({ criterionId: '2.1', status: 'erfuellt' });
		await resendRejectedChange(view.entry.seq);
		expect(await db.criterionStatuses.get('kita-a:2.1')).toMatchObject({ status: 'erfuellt' });
	});
});
