import { describe, expect, it } from 'vitest';
import {
	mergeChange,
	overlayPendingChanges,
	sameValue,
	type ChangeContext,
	type StoredRecordState
} from './merge';
import type { ClientChange } from './protocol';

function change(
	values: Record<string, unknown>,
	baseRevision: number,
	op: 'put' | 'delete' = 'put'
): ClientChange {
	return {
		seq: 1,
		table: 'criterionStatuses',
		recordId: 'f1:1.1',
		op,
		values,
		baseRevision,
		changedAt: '2026-11-21T10:00:00.000Z'
	};
}

/** A record as the server holds it; every field last written by `writer`. */
function stored(
	record: Record<string, unknown>,
	fieldRevisions: Record<string, number>,
	writer = 'tablet-a'
): StoredRecordState {
	const fieldWriters = Object.fromEntries(Object.keys(fieldRevisions).map((field) => [field, writer]));
	return {
		record,
		fieldRevisions,
		fieldWriters,
		revision: Math.max(...Object.values(fieldRevisions)),
		deleted: false
	};
}

/** The change arrives from Tablet B unless said otherwise. */
function by(revision: number, changedBy = 'Tablet B', deviceId = 'tablet-b'): ChangeContext {
	return { revision, changedBy, deviceId };
}

describe('mergeChange', () => {
	it('takes a new record as it comes, with the server naming who changed it', () => {
		const outcome = mergeChange(
			null,
			change({ id: 'f1:1.1', status: 'offen', note: '', updatedBy: 'Dieses Gerät' }, 0),
			by(5, 'Lea Leitung', 'tablet-a')
		);
		expect(outcome.record).toEqual({
			id: 'f1:1.1',
			status: 'offen',
			note: '',
			updatedBy: 'Lea Leitung',
			updatedAt: '2026-11-21T10:00:00.000Z'
		});
		expect(outcome.fieldRevisions).toMatchObject({ id: 5, status: 5, note: 5 });
		expect(outcome.fieldWriters).toMatchObject({ status: 'tablet-a' });
		expect(outcome.conflicts).toEqual([]);
	});

	it('merges edits of different fields made on two devices from the same base', () => {
		const server = stored({ id: 'x', status: 'erfuellt', note: '' }, { id: 1, status: 7, note: 1 });
		const outcome = mergeChange(server, change({ note: 'Aushang fotografiert' }, 1), by(8));
		expect(outcome.record).toMatchObject({ status: 'erfuellt', note: 'Aushang fotografiert' });
		expect(outcome.conflicts).toEqual([]);
		expect(outcome.applied).toEqual(['note']);
	});

	it('keeps the value that reached the server first and returns the other as a conflict', () => {
		const server = stored({ id: 'x', status: 'erfuellt' }, { id: 1, status: 7 });
		const outcome = mergeChange(server, change({ status: 'in_arbeit' }, 1), by(8));
		expect(outcome.record.status).toBe('erfuellt');
		expect(outcome.applied).toEqual([]);
		expect(outcome.conflicts).toEqual([
			{
				field: 'status',
				keptValue: 'erfuellt',
				otherValue: 'in_arbeit',
				otherBy: 'Tablet B',
				otherAt: '2026-11-21T10:00:00.000Z'
			}
		]);
	});

	it('applies the non-conflicting fields of a change that also conflicts', () => {
		const server = stored({ id: 'x', status: 'erfuellt', note: '' }, { id: 1, status: 7, note: 1 });
		const outcome = mergeChange(server, change({ status: 'offen', note: 'Flyer fehlt' }, 1), by(8));
		expect(outcome.record).toMatchObject({ status: 'erfuellt', note: 'Flyer fehlt' });
		expect(outcome.applied).toEqual(['note']);
		expect(outcome.conflicts.map((c) => c.field)).toEqual(['status']);
	});

	it('lets a device overwrite its own earlier change of a field it has not pulled back yet', () => {
		const server = stored({ id: 'x', status: 'in_arbeit' }, { id: 1, status: 7 }, 'tablet-b');
		const outcome = mergeChange(server, change({ status: 'erfuellt' }, 1), by(8));
		expect(outcome.record.status).toBe('erfuellt');
		expect(outcome.conflicts).toEqual([]);
	});

	it('does not call the same value on two devices a conflict', () => {
		const server = stored({ id: 'x', criterionIds: ['1.1', '2.3'] }, { id: 1, criterionIds: 7 });
		const outcome = mergeChange(server, change({ criterionIds: ['1.1', '2.3'] }, 1), by(8));
		expect(outcome.conflicts).toEqual([]);
	});

	it('applies an edit made on top of the current revision', () => {
		const server = stored({ id: 'x', status: 'erfuellt' }, { id: 1, status: 7 });
		const outcome = mergeChange(server, change({ status: 'offen' }, 7), by(8, 'Leitung'));
		expect(outcome.record.status).toBe('offen');
		expect(outcome.fieldRevisions.status).toBe(8);
		expect(outcome.fieldWriters.status).toBe('tablet-b');
	});

	it('never lets a change move a record to another facility', () => {
		const server = stored({ id: 'x', facilityId: 'f1', note: '' }, { id: 1, facilityId: 1, note: 1 });
		const outcome = mergeChange(server, change({ facilityId: 'f2', note: 'neu' }, 1), by(2, 'A'));
		expect(outcome.record.facilityId).toBe('f1');
		expect(outcome.record.note).toBe('neu');
	});

	it('turns a delete into a soft delete that keeps the data', () => {
		const server = stored({ id: 'x', title: 'Flyer', deleted: false }, { id: 1, title: 1, deleted: 1 });
		const outcome = mergeChange(server, change({}, 1, 'delete'), by(2, 'A'));
		expect(outcome.deleted).toBe(true);
		expect(outcome.record.title).toBe('Flyer');
	});

	it('follows the latest updatedAt when fields are applied and names the signed-in user', () => {
		const server = stored(
			{ id: 'x', note: '', updatedAt: '2026-11-21T09:00:00.000Z', updatedBy: 'A' },
			{ id: 1, note: 1, updatedAt: 1, updatedBy: 1 }
		);
		const outcome = mergeChange(
			server,
			change({ note: 'n', updatedAt: '2026-11-21T09:30:00.000Z', updatedBy: 'Dieses Gerät' }, 1),
			by(2, 'B')
		);
		expect(outcome.record.updatedAt).toBe('2026-11-21T09:30:00.000Z');
		expect(outcome.record.updatedBy).toBe('B');
	});

	it('leaves updatedAt and updatedBy alone when nothing was applied', () => {
		const server = stored(
			{ id: 'x', status: 'erfuellt', updatedAt: '2026-11-21T09:00:00.000Z', updatedBy: 'A' },
			{ id: 1, status: 7, updatedAt: 7, updatedBy: 7 }
		);
		const outcome = mergeChange(server, change({ status: 'offen', updatedBy: 'B' }, 1), by(8, 'B'));
		expect(outcome.record).toMatchObject({ updatedAt: '2026-11-21T09:00:00.000Z', updatedBy: 'A' });
	});
});

describe('mergeChange: delete meets edit', () => {
	const evidence = { id: 'x', title: 'Flyer', note: '', deleted: false };

	it('keeps a record another device edited since the delete was made, as a conflict on deleted', () => {
		// Tablet A changed the title at revision 5; Tablet B deletes from revision 3.
		const server = stored(
			{ ...evidence, title: 'Flyer Elterncafé' },
			{ id: 1, title: 5, note: 1, deleted: 1 }
		);
		const outcome = mergeChange(server, change({ deleted: true }, 3, 'delete'), by(6));
		expect(outcome.deleted).toBe(false);
		expect(outcome.applied).toEqual([]);
		expect(outcome.conflicts).toEqual([
			{
				field: 'deleted',
				keptValue: false,
				otherValue: true,
				otherBy: 'Tablet B',
				otherAt: '2026-11-21T10:00:00.000Z',
				changedFields: ['title']
			}
		]);
	});

	it('applies a delete when nobody else changed the record since its base', () => {
		const server = stored(evidence, { id: 1, title: 5, note: 1, deleted: 1 });
		const outcome = mergeChange(server, change({ deleted: true }, 5, 'delete'), by(6));
		expect(outcome.deleted).toBe(true);
		expect(outcome.conflicts).toEqual([]);
	});

	it('applies a delete after the same device’s own edit', () => {
		const server = stored(evidence, { id: 1, title: 5, note: 1, deleted: 1 }, 'tablet-b');
		const outcome = mergeChange(server, change({ deleted: true }, 3, 'delete'), by(6));
		expect(outcome.deleted).toBe(true);
		expect(outcome.conflicts).toEqual([]);
	});

	it('keeps an edit of a record deleted elsewhere in the deleted record, as a conflict on deleted', () => {
		// Tablet A deleted at revision 5; Tablet B edits the note from revision 3.
		const server = {
			...stored({ ...evidence, deleted: true }, { id: 1, title: 1, note: 1, deleted: 5 }),
			deleted: true
		};
		const outcome = mergeChange(server, change({ note: 'Aushang im Flur' }, 3), by(6));
		expect(outcome.deleted).toBe(true);
		expect(outcome.record.note).toBe('Aushang im Flur');
		expect(outcome.applied).toEqual(['note']);
		expect(outcome.conflicts).toEqual([
			expect.objectContaining({
				field: 'deleted',
				keptValue: true,
				otherValue: false,
				changedFields: ['note']
			})
		]);
	});

	it('makes one conflict on deleted when a stale edit also says the record is not deleted', () => {
		const server = {
			...stored({ ...evidence, deleted: true }, { id: 1, title: 1, note: 1, deleted: 5 }),
			deleted: true
		};
		const outcome = mergeChange(server, change({ note: 'neu', deleted: false }, 3), by(6));
		expect(outcome.conflicts).toEqual([
			expect.objectContaining({
				field: 'deleted',
				keptValue: true,
				otherValue: false,
				changedFields: ['note']
			})
		]);
	});
});

describe('mergeChange: concurrent creation of a deterministic record', () => {
	const defaults = { note: '', status: 'offen', deleted: false };
	const created = (fields: Record<string, unknown>) => ({
		id: 'f1:1.1',
		facilityId: 'f1',
		criterionId: '1.1',
		createdAt: '2026-11-21T09:00:00.000Z',
		deleted: false,
		status: 'offen',
		note: '',
		...fields
	});
	const withDefaults = (context: ChangeContext) => ({ ...context, defaults });

	it('stores the fields a new record leaves at their schema default as set by nobody', () => {
		const outcome = mergeChange(null, change(created({ status: 'erfuellt' }), 0), withDefaults(by(5)));
		expect(outcome.fieldRevisions).toMatchObject({ status: 5, note: 0, deleted: 0 });
		expect(outcome.fieldWriters.note).toBeUndefined();
	});

	it('merges two tablets that created the record with different fields set', () => {
		const first = mergeChange(
			null,
			change(created({ status: 'erfuellt' }), 0),
			withDefaults(by(5, 'Tablet A', 'tablet-a'))
		);
		const server = { ...first, revision: 5 };
		const second = mergeChange(server, change(created({ note: 'Elterncafé' }), 0), withDefaults(by(6)));
		expect(second.conflicts).toEqual([]);
		expect(second.record).toMatchObject({ status: 'erfuellt', note: 'Elterncafé' });
	});

	it('makes one conflict per field both tablets set to different values, none for defaults', () => {
		const first = mergeChange(
			null,
			change(created({ status: 'erfuellt', note: 'A' }), 0),
			withDefaults(by(5, 'Tablet A', 'tablet-a'))
		);
		const server = { ...first, revision: 5 };
		const second = mergeChange(server, change(created({ status: 'in_arbeit' }), 0), withDefaults(by(6)));
		expect(second.conflicts.map((c) => [c.field, c.keptValue, c.otherValue])).toEqual([
			['status', 'erfuellt', 'in_arbeit']
		]);
		expect(second.record).toMatchObject({ status: 'erfuellt', note: 'A' });
	});

	it('lets a device clear a field it set itself before it pulled the record', () => {
		const first = mergeChange(null, change(created({ note: 'Entwurf' }), 0), withDefaults(by(5)));
		const server = { ...first, revision: 5 };
		const cleared = mergeChange(server, change({ note: '' }, 0), withDefaults(by(6)));
		expect(cleared.record.note).toBe('');
		expect(cleared.conflicts).toEqual([]);
	});

	it('still lets a device that has seen the record set a field back to its default', () => {
		const server = stored(created({ status: 'erfuellt' }), { id: 1, status: 5, note: 1, deleted: 1 });
		const outcome = mergeChange(server, change({ status: 'offen' }, 5), withDefaults(by(6)));
		expect(outcome.record.status).toBe('offen');
	});
});

describe('sameValue', () => {
	it('compares JSON values structurally', () => {
		expect(sameValue({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
		expect(sameValue([1, 2], [2, 1])).toBe(false);
		expect(sameValue(null, undefined)).toBe(true);
		expect(sameValue({ a: 1 }, { a: 1, b: 2 })).toBe(false);
	});
});

describe('overlayPendingChanges', () => {
	it('keeps local edits that have not reached the server on top of a pulled record', () => {
		const pulled = { id: 'x', status: 'offen', note: 'vom Server' };
		const result = overlayPendingChanges(pulled, [
			{ op: 'put', values: { status: 'in_arbeit' } },
			{ op: 'put', values: { status: 'erfuellt' } }
		]);
		expect(result).toEqual({ id: 'x', status: 'erfuellt', note: 'vom Server' });
	});

	it('keeps a pending local delete', () => {
		expect(overlayPendingChanges({ id: 'x', deleted: false }, [{ op: 'delete', values: {} }]).deleted).toBe(
			true
		);
	});
});
