import type { Criterion, Threshold } from '../catalogue/schema';
import type { Qualification } from '../registers/qualifications';

/** Small format-2 criteria for the requirement and readiness tests. */
export function makeCriterion(overrides: Partial<Criterion> & { id: string }): Criterion {
	return {
		areaId: '1',
		level: 'basis',
		points: 1,
		title: `Kriterium ${overrides.id}`,
		explanation: 'Test',
		typicalEvidence: [],
		...overrides
	};
}

export function makeThreshold(overrides: Partial<Threshold> & { id: string }): Threshold {
	return {
		label: 'Kurs mit mindestens 8 Terminen',
		source: 'familyEducationOffers',
		min: 1,
		per: 'half',
		where: {},
		perSite: false,
		...overrides
	};
}

let n = 0;
export function makeQualification(overrides: Partial<Qualification> = {}): Qualification {
	n++;
	return {
		id: `q-${n}`,
		facilityId: 'fz-test',
		createdAt: '2026-01-01T10:00:00.000Z',
		updatedAt: '2026-01-01T10:00:00.000Z',
		updatedBy: 'Test',
		deleted: false,
		title: 'Fortbildung Kinderschutz',
		kind: 'fortbildung',
		holder: 'Leitung',
		provider: '',
		startDate: '2026-03-01',
		endDate: '2026-03-02',
		hours: 12,
		online: false,
		criterionIds: [],
		certificate: null,
		...overrides
	};
}
