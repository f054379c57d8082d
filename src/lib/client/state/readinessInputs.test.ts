import { describe, expect, it } from 'vitest';
import type { CriterionStatus, Evidence } from '$lib/domain/records';
import { newFacilityProfile } from '$lib/domain/facilityProfile';
import type { CertificationRound } from '$lib/domain/rounds/schema';
import {
	countEvidenceByCriterion,
	readinessSites,
	roundVariant,
	statusValues,
	thresholdPeriod
} from './readinessInputs';

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

	it('lists the own Kita first and the members of a Verbund, none for a single centre', () => {
		const profile = newFacilityProfile(
			{ id: 'f1', name: 'FZ Sonne', catalogueId: 'c', catalogueVersion: '1' },
			{ now: base.createdAt, updatedBy: 'Tablet' }
		);
		expect(readinessSites(undefined)).toBeUndefined();
		expect(readinessSites(profile)).toBeUndefined();
		const verbund = { ...profile, verbundMembers: [{ id: 'k2', name: 'Kita Mond', address: '' }] };
		expect(readinessSites(verbund)).toEqual([
			{ id: 'f1', name: 'FZ Sonne' },
			{ id: 'k2', name: 'Kita Mond' }
		]);
	});

	it("takes variant and Prüfzeitraum from the current round, else the catalogue's period", () => {
		const round: CertificationRound = {
			...base,
			id: 'r1',
			kind: 're',
			form: 'verbund',
			periodKind: 'kalenderjahr',
			periodStart: '2027-01-01',
			periodEnd: '2027-12-31',
			registrationDate: null,
			documentsDue: null,
			siteVisitDate: null,
			sealValidUntil: null,
			note: ''
		};
		expect(roundVariant(round)).toEqual({ form: 'verbund', kind: 're' });
		expect(roundVariant(null)).toBeUndefined();
		expect(thresholdPeriod(round, 'kindergartenjahr', '2026-12-01')).toMatchObject({
			start: '2027-01-01',
			end: '2027-12-31'
		});
		expect(thresholdPeriod(null, 'kindergartenjahr', '2026-12-01')).toMatchObject({
			start: '2026-08-01',
			end: '2027-07-31'
		});
	});
});
