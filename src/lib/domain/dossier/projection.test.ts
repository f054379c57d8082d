import { describe, expect, it } from 'vitest';
import { periodFromKey } from '../periods';
import type { Evidence } from '../records';
import { dossierEvidence, evidenceCountsForPeriod } from './projection';
import { dossierEvidenceSchema } from './snapshot';

const kj2025 = periodFromKey('kj-2025')!;

describe('evidence that counts for a review period', () => {
	it.each([
		['dated inside the period', { date: '2025-10-01', validUntil: null }, true],
		['dated before it and still valid', { date: '2023-05-01', validUntil: null }, true],
		['dated before it and valid into it', { date: '2023-05-01', validUntil: '2025-08-01' }, true],
		['expired before it began', { date: '2023-05-01', validUntil: '2025-07-31' }, false],
		['dated after it ended', { date: '2026-08-01', validUntil: null }, false]
	])('%s', (_name, evidence, counts) => {
		expect(evidenceCountsForPeriod(evidence, kj2025)).toBe(counts);
	});
});

describe('an evidence item as a dossier carries it', () => {
	const record: Evidence = {
		id: 'ev-1',
		facilityId: 'fz-1',
		createdAt: '2025-10-01T08:00:00.000Z',
		updatedAt: '2025-10-02T08:00:00.000Z',
		updatedBy: 'Leitung',
		deleted: false,
		kind: 'link',
		title: 'Flyer',
		note: '',
		// Stored before addresses were checked.
		url: 'javascript:alert(1)',
		date: '2025-10-01',
		validUntil: null,
		criterionIds: ['1.1'],
		attachment: null
	};

	it('keeps only web links and copies what the record may change later', () => {
		const carried = dossierEvidence(record);
		expect(carried.url).toBe('');
		expect(carried.criterionIds).toEqual(['1.1']);
		expect(carried.criterionIds).not.toBe(record.criterionIds);
		expect(dossierEvidenceSchema.safeParse(carried).success).toBe(true);
	});
});
