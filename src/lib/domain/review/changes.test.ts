import { describe, expect, it } from 'vitest';
import { makeEvidence, makeSnapshot, makeStatus } from '../../../../tests/fixtures/reviewDossier';
import { changesBetween, criteriaChangedSince, criterionChanges, evidenceFieldsChanged } from './changes';

const file = (sha: string) => ({
	sha256: sha.repeat(64),
	mimeType: 'application/pdf',
	size: 10,
	fileName: 'a.pdf'
});

describe('what changed for a criterion between two hand-ins', () => {
	const before = makeSnapshot({
		statuses: [makeStatus('1.1', 'in_arbeit', 'Plan folgt'), makeStatus('1.2', 'erfuellt')],
		evidence: [
			makeEvidence('e1', ['1.1'], { attachment: file('a') }),
			makeEvidence('e2', ['1.1']),
			makeEvidence('e3', ['1.2'])
		]
	});
	const after = makeSnapshot({
		statuses: [makeStatus('1.1', 'erfuellt', 'Plan liegt bei'), makeStatus('1.2', 'erfuellt')],
		evidence: [
			makeEvidence('e1', ['1.1'], { attachment: file('b'), title: 'Neuer Titel' }),
			makeEvidence('e3', ['1.2']),
			makeEvidence('e4', ['1.1', '2.1'])
		]
	});

	it('names the status and note with their old values', () => {
		const changes = criterionChanges(before, after, '1.1');
		expect(changes.status).toEqual({ before: 'in_arbeit', after: 'erfuellt' });
		expect(changes.note).toEqual({ before: 'Plan folgt', after: 'Plan liegt bei' });
	});

	it('lists evidence as new, changed (with the fields) and removed', () => {
		const changes = criterionChanges(before, after, '1.1');
		expect(changes.evidence.map((e) => [e.kind, e.evidenceId, e.fields])).toEqual([
			['geaendert', 'e1', ['title', 'file']],
			['neu', 'e4', []],
			['entfernt', 'e2', []]
		]);
		expect(changes.evidence[2].before?.title).toBe('Nachweis e2');
	});

	it('counts an item newly cited for a criterion as new there', () => {
		expect(criterionChanges(before, after, '2.1').evidence.map((e) => e.kind)).toEqual(['neu']);
	});

	it('treats a criterion missing from a snapshot as open without a note', () => {
		const changes = criterionChanges(
			makeSnapshot(),
			makeSnapshot({ statuses: [makeStatus('3.1', 'offen')] }),
			'3.1'
		);
		expect(changes.status).toBeNull();
		expect(changes.note).toBeNull();
	});

	it('lists only the changed criteria, a criterion that lost all evidence included', () => {
		const changed = changesBetween(before, after);
		expect([...changed.keys()].sort()).toEqual(['1.1', '2.1']);
		const lost = changesBetween(before, makeSnapshot({ statuses: before.statuses }));
		expect([...lost.keys()].sort()).toEqual(['1.1', '1.2']);
	});

	it('has nothing changed without an earlier version', () => {
		expect(criteriaChangedSince(null, after).size).toBe(0);
		expect([...criteriaChangedSince(before, after)].sort()).toEqual(['1.1', '2.1']);
	});

	it('compares files by their bytes, not their name', () => {
		const a = makeEvidence('e', ['1.1'], { attachment: file('a') });
		const renamed = makeEvidence('e', ['1.1'], { attachment: { ...file('a'), fileName: 'b.pdf' } });
		expect(evidenceFieldsChanged(a, renamed)).toEqual([]);
		expect(evidenceFieldsChanged(a, { ...a, date: '2026-10-02', validUntil: '2027-01-01' })).toEqual([
			'date',
			'validUntil'
		]);
	});
});
