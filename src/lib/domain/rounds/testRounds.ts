import type { Evidence } from '../records';
import type { CertificationRound } from './schema';

/** Rounds and evidence for the rounds tests, with only what a test changes spelled out. */

const T = '2026-12-01T10:00:00.000Z';

export function makeRound(overrides: Partial<CertificationRound> = {}): CertificationRound {
	return {
		id: 'runde-2027',
		facilityId: 'kita',
		createdAt: T,
		updatedAt: T,
		updatedBy: 'Tablet',
		deleted: false,
		kind: 're',
		form: 'einzel',
		periodKind: 'kalenderjahr',
		periodStart: '2027-01-01',
		periodEnd: '2027-12-31',
		registrationDate: '2026-08-31',
		documentsDue: '2026-11-30',
		siteVisitDate: '2028-06-15',
		sealValidUntil: '2032-07-31',
		note: '',
		...overrides
	};
}

let counter = 0;

export function makeRoundEvidence(overrides: Partial<Evidence> = {}): Evidence {
	counter += 1;
	return {
		id: `nachweis-${counter}`,
		facilityId: 'kita',
		createdAt: T,
		updatedAt: T,
		updatedBy: 'Tablet',
		deleted: false,
		kind: 'note',
		title: `Nachweis ${counter}`,
		note: '',
		url: '',
		date: '2027-03-01',
		validUntil: null,
		criterionIds: ['1.1'],
		attachment: null,
		...overrides
	};
}
