import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshWorkspace } from '../../../../tests/fixtures/db/testWorkspace';
import { putRecord, softDeleteRecord, updateRecord, validateRecord } from './changes';
import { RecordNotFoundError, RecordValidationError, StorageFullError } from './errors';
import { getActor, getDeviceId, setActor } from './meta';
import type { WorkspaceDb } from './WorkspaceDb';

const FACILITY = 'facility-1';

function status(criterionId: string, extra: Record<string, unknown> = {}) {
	return {
		id: `${FACILITY}:${criterionId}`,
		facilityId: FACILITY,
		criterionId,
		status: 'in_arbeit' as const,
		note: '',
		...extra
	};
}

let db: WorkspaceDb;
beforeEach(async () => {
	db = await freshWorkspace();
});
afterEach(() => {
	vi.restoreAllMocks();
});

describe('putRecord', () => {
	it('saves the record and one outbox entry naming every field of a new record', async () => {
		const saved = await putRecord('criterionStatuses', status('1.1'));

		expect(await db.criterionStatuses.get(saved.id)).toEqual(saved);
		const outbox = await db.outbox.toArray();
		expect(outbox).toHaveLength(1);
		expect(outbox[0]).toMatchObject({ table: 'criterionStatuses', recordId: saved.id, op: 'put' });
		expect(outbox[0].fields).toEqual(expect.arrayContaining(['status', 'note', 'criterionId', 'deleted']));
	});

	it('stamps when and by whom, with "Dieses Gerät" until someone is known', async () => {
		const first = await putRecord('criterionStatuses', status('1.1'));
		expect(first.updatedBy).toBe('Dieses Gerät');
		expect(first.createdAt).toBe(first.updatedAt);

		await setActor({ displayName: 'Frau Kaya' });
		const second = await putRecord('criterionStatuses', status('1.1', { status: 'erfuellt' }));
		expect(second.updatedBy).toBe('Frau Kaya');
		expect(second.createdAt).toBe(first.createdAt);
		expect(await getActor()).toEqual({ displayName: 'Frau Kaya', userId: null });
	});

	it('records only the fields that changed, and nothing when nothing changed', async () => {
		await putRecord('criterionStatuses', status('1.1'));
		await putRecord('criterionStatuses', status('1.1', { note: 'Vertrag angefragt' }));
		await putRecord('criterionStatuses', status('1.1', { note: 'Vertrag angefragt' }));

		const outbox = await db.outbox.orderBy('seq').toArray();
		expect(outbox).toHaveLength(2);
		expect(outbox[1].fields).toEqual(['note']);
	});

	it('writes neither the record nor the outbox entry when the outbox write fails', async () => {
		vi.spyOn(db.outbox, 'add').mockRejectedValueOnce(new Error('disk error'));

		await expect(putRecord('criterionStatuses', status('1.1'))).rejects.toThrow('disk error');

		expect(await db.criterionStatuses.count()).toBe(0);
		expect(await db.outbox.count()).toBe(0);
	});

	it('writes neither when the record write fails', async () => {
		vi.spyOn(db.criterionStatuses, 'put').mockRejectedValueOnce(new Error('disk error'));

		await expect(putRecord('criterionStatuses', status('1.1'))).rejects.toThrow('disk error');

		expect(await db.criterionStatuses.count()).toBe(0);
		expect(await db.outbox.count()).toBe(0);
	});

	it('refuses a bad record with German messages and writes nothing', async () => {
		const bad = status('1.1', { status: 'fertig', note: 'x'.repeat(10_001) });

		const error = await putRecord('criterionStatuses', bad).catch((e: unknown) => e);

		expect(error).toBeInstanceOf(RecordValidationError);
		const issues = (error as RecordValidationError).issues;
		expect(issues.map((i) => i.path).sort()).toEqual(['note', 'status']);
		expect(issues.find((i) => i.path === 'status')?.message).toMatch(/Ungültig/);
		expect(await db.criterionStatuses.count()).toBe(0);
		expect(await db.outbox.count()).toBe(0);
	});

	it('keeps the schema’s own German message for a field', async () => {
		const error = await putRecord('facilities', {
			id: 'f1',
			facilityId: 'f1',
			name: '',
			postalCode: '123',
			catalogueId: 'c',
			catalogueVersion: '1'
		}).catch((e: unknown) => e);

		expect((error as RecordValidationError).fieldErrors).toEqual({
			name: ['Bitte den Namen des Familienzentrums angeben'],
			postalCode: ['Die Postleitzahl hat fünf Ziffern']
		});
	});

	it('turns a full disk into a German StorageFullError', async () => {
		const quota = Object.assign(new Error('quota'), {
			name: 'AbortError',
			inner: new DOMException('full', 'QuotaExceededError')
		});
		vi.spyOn(db.criterionStatuses, 'put').mockRejectedValueOnce(quota);

		const error = await putRecord('criterionStatuses', status('1.1')).catch((e: unknown) => e);

		expect(error).toBeInstanceOf(StorageFullError);
		expect((error as Error).message).toMatch(/Speicher dieses Geräts ist voll/);
		expect(await db.outbox.count()).toBe(0);
	});

	it('does not move a record to another facility', async () => {
		await putRecord('criterionStatuses', status('1.1'));
		await expect(putRecord('criterionStatuses', status('1.1', { facilityId: 'other' }))).rejects.toThrow(
			RecordValidationError
		);
	});
});

describe('updateRecord', () => {
	it('changes some fields and records just those', async () => {
		await putRecord('criterionStatuses', status('1.1'));
		const updated = await updateRecord('criterionStatuses', `${FACILITY}:1.1`, { status: 'erfuellt' });

		expect(updated.status).toBe('erfuellt');
		expect((await db.outbox.orderBy('seq').last())?.fields).toEqual(['status']);
	});

	it('refuses to change a missing record unless told how to create it', async () => {
		await expect(updateRecord('criterionStatuses', 'nope', { status: 'erfuellt' })).rejects.toThrow(
			RecordNotFoundError
		);
		const created = await updateRecord(
			'criterionStatuses',
			`${FACILITY}:2.1`,
			{ status: 'erfuellt' },
			{ createWith: status('2.1') }
		);
		expect(created.status).toBe('erfuellt');
	});
});

describe('softDeleteRecord', () => {
	it('keeps the row, marks it deleted and records a delete in the outbox', async () => {
		const saved = await putRecord('criterionStatuses', status('1.1'));
		await softDeleteRecord('criterionStatuses', saved.id);

		const row = await db.criterionStatuses.get(saved.id);
		expect(row).toMatchObject({ id: saved.id, deleted: true, note: '', status: 'in_arbeit' });
		const last = await db.outbox.orderBy('seq').last();
		expect(last).toMatchObject({ recordId: saved.id, op: 'delete', fields: ['deleted'] });
	});

	it('does not record a second delete of the same record', async () => {
		const saved = await putRecord('criterionStatuses', status('1.1'));
		await softDeleteRecord('criterionStatuses', saved.id);
		await softDeleteRecord('criterionStatuses', saved.id);
		expect(await db.outbox.count()).toBe(2);
	});
});

describe('validateRecord', () => {
	it('accepts a complete record and fills defaults', () => {
		const now = new Date().toISOString();
		const record = validateRecord('criterionStatuses', {
			...status('1.1'),
			createdAt: now,
			updatedAt: now,
			updatedBy: 'x'
		});
		expect(record.deleted).toBe(false);
	});
});

describe('getDeviceId', () => {
	it('creates a device id once and keeps it', async () => {
		const first = await getDeviceId();
		expect(first).toMatch(/^[0-9a-f-]{36}$/);
		expect(await getDeviceId()).toBe(first);
	});
});
