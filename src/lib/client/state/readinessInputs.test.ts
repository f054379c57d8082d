import { describe, expect, it } from 'vitest';
import type { CriterionStatus, Evidence } from '$lib/domain/records';
import { countEvidenceByCriterion, statusValues } from './readinessInputs';

const base = {
	facilityId: 'f1',
	createdAt: '2026-01-05T10:00:00.000+01:00',
	updatedAt: '2026-01-05T10:00:00.000+01:00',
	updatedBy: 'Tablet',
	deleted: false
};

function evidence(id: string, criterionIds: string[], deleted = false): Evidence {
	return {
		...base,
		id,
		deleted,
		kind: 'note',
		title: id,
		note: '',
		url: '',
		date: '2026-01-05',
		validUntil: null,
		criterionIds,
		attachment: null
	};
}

describe('readiness inputs', () => {
	it('counts each evidence item once per criterion it cites and ignores deleted ones', () => {
		const counts = countEvidenceByCriterion([
			evidence('a', ['1.1', '1.2']),
			evidence('b', ['1.1', '1.1']),
			evidence('c', ['1.2'], true)
		]);
		expect(Object.fromEntries(counts)).toEqual({ '1.1': 2, '1.2': 1 });
	});

	it('turns status records into the status value per criterion', () => {
		const record: CriterionStatus = {
			...base,
			id: 'f1:1.1',
			criterionId: '1.1',
			status: 'erfuellt',
			note: ''
		};
		expect(statusValues(new Map([['1.1', record]])).get('1.1')).toBe('erfuellt');
	});
});
