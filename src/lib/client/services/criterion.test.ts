import { beforeEach, describe, expect, it } from 'vitest';
import { freshWorkspace } from '../../../../tests/fixtures/db/testWorkspace';
import { RecordValidationError } from '$lib/client/db/errors';
import { setActor } from '$lib/client/db/meta';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import { criterionStatusId } from '$lib/domain/records';
import { saveCriterionNote, setCriterionStatus } from '$lib/client/services/criterion';

let db: WorkspaceDb;
beforeEach(async () => {
	db = await freshWorkspace();
});

describe('setCriterionStatus', () => {
	it('creates the status on first change and records who set it', async () => {
		await setActor({ displayName: 'Frau Kaya' });
		const saved = await setCriterionStatus('f1', '1.1', 'erfuellt');

		expect(saved).toMatchObject({
			id: criterionStatusId('f1', '1.1'),
			status: 'erfuellt',
			note: '',
			updatedBy: 'Frau Kaya'
		});
		expect(await db.criterionStatuses.count()).toBe(1);
	});

	it('changes only the status of an existing record and keeps the note', async () => {
		await saveCriterionNote('f1', '1.1', 'Vertrag liegt im Ordner');
		const saved = await setCriterionStatus('f1', '1.1', 'in_arbeit');

		expect(saved).toMatchObject({ status: 'in_arbeit', note: 'Vertrag liegt im Ordner' });
		expect((await db.outbox.orderBy('seq').last())?.fields).toEqual(['status']);
	});
});

describe('saveCriterionNote', () => {
	it('creates an open status when a note comes first', async () => {
		const saved = await saveCriterionNote('f1', '2.3', 'Gespräch mit dem Jugendamt am Montag');
		expect(saved).toMatchObject({ status: 'offen', note: 'Gespräch mit dem Jugendamt am Montag' });
	});

	it('refuses a note that is too long and writes nothing', async () => {
		await expect(saveCriterionNote('f1', '2.3', 'x'.repeat(10_001))).rejects.toThrow(RecordValidationError);
		expect(await db.criterionStatuses.count()).toBe(0);
		expect(await db.outbox.count()).toBe(0);
	});
});
