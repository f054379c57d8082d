import { describe, expect, it } from 'vitest';
import type { CertificationRound } from '../rounds/schema';
import { nextRoundDate } from './roundDates';

function round(overrides: Partial<CertificationRound> = {}): CertificationRound {
	return {
		id: 'r1',
		facilityId: 'kita-a',
		createdAt: '2026-01-01T00:00:00.000Z',
		updatedAt: '2026-01-01T00:00:00.000Z',
		updatedBy: 'Lea',
		deleted: false,
		kind: 're',
		form: 'einzel',
		periodKind: 'kalenderjahr',
		periodStart: '2026-01-01',
		periodEnd: '2026-12-31',
		registrationDate: null,
		documentsDue: '2027-01-31',
		siteVisitDate: '2027-03-15',
		sealValidUntil: null,
		note: '',
		...overrides
	};
}

describe('the next date of the current round', () => {
	it('is the earliest date from today on', () => {
		expect(nextRoundDate([round()], '2026-11-23')).toEqual({ kind: 'periodEnd', date: '2026-12-31' });
		expect(nextRoundDate([round()], '2027-01-01')).toEqual({ kind: 'documentsDue', date: '2027-01-31' });
		expect(nextRoundDate([round()], '2027-02-01')).toEqual({ kind: 'siteVisit', date: '2027-03-15' });
	});

	it('counts today as ahead', () => {
		expect(nextRoundDate([round()], '2027-03-15')).toEqual({ kind: 'siteVisit', date: '2027-03-15' });
	});

	it('is missing without a round or once every date has passed', () => {
		expect(nextRoundDate([], '2026-11-23')).toBeNull();
		expect(nextRoundDate([round()], '2027-03-16')).toBeNull();
		expect(nextRoundDate([round({ deleted: true })], '2026-11-23')).toBeNull();
	});

	it('skips dates the round does not have', () => {
		const r = round({ documentsDue: null, siteVisitDate: null });
		expect(nextRoundDate([r], '2026-06-01')).toEqual({ kind: 'periodEnd', date: '2026-12-31' });
	});
});
