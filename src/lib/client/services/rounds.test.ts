import { beforeEach, describe, expect, it, vi } from 'vitest';
import { freshWorkspace } from '../../../../tests/fixtures/db/testWorkspace';
import { RecordValidationError } from '$lib/client/db/errors';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import { roundDefaults } from '$lib/domain/rounds/defaults';
import { addEvidence } from './evidence';
import { addRound, carryOverEvidence, deleteRound, readRounds, updateRound } from './rounds';

let db: WorkspaceDb;
beforeEach(async () => {
	db = await freshWorkspace();
});

const outboxFor = (table: string, recordId: string) => db.outbox.where({ table, recordId }).toArray();

async function note(title: string, date: string) {
	const { evidence } = await addEvidence({
		facilityId: 'f1',
		kind: 'note',
		title,
		date,
		criterionIds: ['1.1']
	});
	return evidence;
}

describe('rounds', () => {
	it('adds a round with its outbox entry, so it syncs', async () => {
		const round = await addRound('f1', roundDefaults(2027, { form: 'verbund' }));
		expect(round).toMatchObject({
			facilityId: 'f1',
			form: 'verbund',
			periodStart: '2027-01-01',
			deleted: false
		});
		expect(await db.certificationRounds.get(round.id)).toEqual(round);
		const [entry] = await outboxFor('certificationRounds', round.id);
		expect(entry).toMatchObject({ op: 'put' });
		expect(entry.fields).toEqual(expect.arrayContaining(['periodStart', 'periodEnd', 'siteVisitDate']));
	});

	it('refuses a period that ends before it begins, in German, and writes nothing', async () => {
		const error = await addRound('f1', { ...roundDefaults(2027), periodEnd: '2026-12-31' }).catch(
			(e: unknown) => e
		);
		expect(error).toBeInstanceOf(RecordValidationError);
		expect((error as RecordValidationError).fieldErrors.periodEnd).toEqual([
			'Das Ende des Prüfzeitraums liegt vor seinem Beginn'
		]);
		expect(await db.certificationRounds.count()).toBe(0);
		expect(await db.outbox.count()).toBe(0);
	});

	it('saves edits as a change of the edited fields and deletes softly', async () => {
		const round = await addRound('f1', roundDefaults(2027));
		await updateRound(round.id, {
			...roundDefaults(2027),
			siteVisitDate: '2028-05-20',
			note: 'Brief vom 2.9.'
		});
		const entries = await outboxFor('certificationRounds', round.id);
		expect(entries.at(-1)?.fields.sort()).toEqual(['note', 'siteVisitDate']);

		await deleteRound(round.id);
		expect((await outboxFor('certificationRounds', round.id)).at(-1)?.op).toBe('delete');
		expect(await readRounds('f1')).toEqual([]);
		expect((await db.certificationRounds.get(round.id))?.deleted).toBe(true);
	});

	it('reads the rounds of a facility, latest period first', async () => {
		await addRound('f1', roundDefaults(2023));
		await addRound('f1', roundDefaults(2027));
		await addRound('f2', roundDefaults(2031));
		expect((await readRounds('f1')).map((r) => r.periodStart)).toEqual(['2027-01-01', '2023-01-01']);
	});
});

describe('carryOverEvidence', () => {
	it('adds the round to each chosen item in one step, each with its outbox entry', async () => {
		const round = await addRound('f1', roundDefaults(2027));
		const a = await note('Kooperationsvertrag', '2023-04-01');
		const b = await note('Konzept', '2024-02-01');

		expect(await carryOverEvidence(round.id, [a.id, b.id, a.id])).toBe(2);
		expect((await db.evidence.get(a.id))?.carriedIntoRounds).toEqual([round.id]);
		expect((await db.evidence.get(b.id))?.carriedIntoRounds).toEqual([round.id]);
		expect((await outboxFor('evidence', a.id)).at(-1)?.fields).toEqual(['carriedIntoRounds']);

		// Again: nothing left to do, nothing written.
		const before = await db.outbox.count();
		expect(await carryOverEvidence(round.id, [a.id, b.id])).toBe(0);
		expect(await db.outbox.count()).toBe(before);
	});

	it('writes none of the items when one write fails', async () => {
		const round = await addRound('f1', roundDefaults(2027));
		const a = await note('Vertrag A', '2023-04-01');
		const b = await note('Vertrag B', '2023-05-01');
		const before = await db.outbox.count();
		const put = db.evidence.put.bind(db.evidence);
		// The second item's write fails, after the first one's went through in the same transaction.
		const failing = (record: { id: string }, key?: string) => {
			if (record.id === b.id) return Promise.reject(new Error('Schreiben fehlgeschlagen'));
			return put(record as never, key);
		};
		const spy = vi.spyOn(db.evidence, 'put').mockImplementation(failing as never);

		await expect(carryOverEvidence(round.id, [a.id, b.id])).rejects.toThrow('Schreiben fehlgeschlagen');
		spy.mockRestore();
		expect((await db.evidence.get(a.id))?.carriedIntoRounds).toBeUndefined();
		expect(await db.outbox.count()).toBe(before);
	});
});
