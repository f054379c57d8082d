import { describe, expect, it } from 'vitest';
import { kindergartenYear } from '../../periods';
import { makeFiveYearRegisterData } from '$fixtures/bench';
import { emptyRegisterData } from '../registerData';
import { computeAllRegisterSummaries } from './all';

describe('all register summaries at once', () => {
	it('works for a centre that has not entered anything yet', () => {
		const s = computeAllRegisterSummaries(emptyRegisterData(), kindergartenYear('2026-01-01'), '2026-01-01');
		expect(s.officeHours.sessionsHeld).toBe(0);
		expect(s.familyEducation.offers).toBe(0);
		expect(s.childminding.contacts).toBe(0);
		expect(s.partners.partners).toBe(0);
		expect(s.prevention.profile).toBeNull();
	});

	it('sums one year out of five years of registers', () => {
		const data = makeFiveYearRegisterData();
		const period = kindergartenYear('2024-01-01');
		const s = computeAllRegisterSummaries(data, period, '2026-11-21');
		// A fifth of each register falls into each Kindergartenjahr.
		expect(s.officeHours.sessionsHeld).toBeGreaterThan(390);
		expect(s.officeHours.sessionsHeld).toBeLessThan(410);
		expect(s.officeHours.monthsWithSessions).toBe(12);
		expect(s.familyEducation.sessions).toBeGreaterThan(780);
		expect(s.familyEducation.sessions).toBeLessThan(820);
		expect(s.childminding.months.every((m) => m.contacts > 0)).toBe(true);
	});
});
