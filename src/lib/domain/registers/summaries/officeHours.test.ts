import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { calendarYear, kindergartenYear } from '../../periods';
import { makeOfficeHourPlan, makeOfficeHourSession } from '$fixtures/registers';
import { hoursOf, officeHoursGaps, plannedDates, summariseOfficeHours } from './officeHours';

const kj2025 = kindergartenYear('2025-08-01'); // 1 Aug 2025 – 31 Jul 2026
const kj2026 = kindergartenYear('2026-08-01');
const cy2026 = calendarYear('2026-06-01');
const AFTER = '2030-01-01';

const held = (date: string, minutes = 120, contacts = 3) =>
	makeOfficeHourSession({ date, durationMinutes: minutes, contacts });

describe('office hours per month and period', () => {
	it('has one row per month of the period, even with no sessions at all', () => {
		const s = summariseOfficeHours([], [], kj2025, AFTER);
		expect(s.months.map((m) => m.month)).toEqual([
			'2025-08',
			'2025-09',
			'2025-10',
			'2025-11',
			'2025-12',
			'2026-01',
			'2026-02',
			'2026-03',
			'2026-04',
			'2026-05',
			'2026-06',
			'2026-07'
		]);
		expect(s.sessionsHeld).toBe(0);
		expect(s.minutes).toBe(0);
		expect(s.monthsWithSessions).toBe(0);
		expect(s.sessionsPlanned).toBe(0);
	});

	it('adds up minutes and contacts per month and for the whole period', () => {
		const sessions = [held('2025-09-02', 90, 2), held('2025-09-16', 120, 4), held('2025-10-07', 60, 1)];
		const s = summariseOfficeHours([], sessions, kj2025, AFTER);
		expect(s.months[1]).toMatchObject({ month: '2025-09', sessionsHeld: 2, minutes: 210, contacts: 6 });
		expect(s.months[2]).toMatchObject({ month: '2025-10', sessionsHeld: 1, minutes: 60, contacts: 1 });
		expect(s.minutes).toBe(270);
		expect(hoursOf(s.minutes)).toBe(4.5);
		expect(s.contacts).toBe(7);
		expect(s.monthsWithSessions).toBe(2);
		expect(s.byTopic.erziehungsfragen).toBe(3);
	});

	it('counts 31 July in the old Kindergartenjahr and 1 August in the new one', () => {
		const sessions = [held('2026-07-31'), held('2026-08-01')];
		const old = summariseOfficeHours([], sessions, kj2025, AFTER);
		const fresh = summariseOfficeHours([], sessions, kj2026, AFTER);
		expect(old.sessionsHeld).toBe(1);
		expect(old.months.at(-1)).toMatchObject({ month: '2026-07', sessionsHeld: 1 });
		expect(fresh.sessionsHeld).toBe(1);
		expect(fresh.months[0]).toMatchObject({ month: '2026-08', sessionsHeld: 1 });
	});

	it('counts 31 December in the old calendar year and 1 January in the new one', () => {
		const sessions = [held('2025-12-31'), held('2026-01-01'), held('2026-12-31'), held('2027-01-01')];
		const s = summariseOfficeHours([], sessions, cy2026, AFTER);
		expect(s.sessionsHeld).toBe(2);
		expect(s.months[0]).toMatchObject({ month: '2026-01', sessionsHeld: 1 });
		expect(s.months[11]).toMatchObject({ month: '2026-12', sessionsHeld: 1 });
	});

	it('ignores deleted sessions and plans', () => {
		const s = summariseOfficeHours(
			[makeOfficeHourPlan({ deleted: true })],
			[makeOfficeHourSession({ date: '2026-03-03', deleted: true })],
			cy2026,
			AFTER
		);
		expect(s.sessionsHeld).toBe(0);
		expect(s.sessionsPlanned).toBe(0);
	});
});

describe('planned office hours', () => {
	it('derives one planned session per week on the plan weekday within the period', () => {
		const plan = makeOfficeHourPlan({ weekday: 2, validFrom: '2020-01-01', validTo: null });
		const dates = plannedDates(plan, kj2025);
		expect(dates[0]).toBe('2025-08-05'); // 1 Aug 2025 is a Friday; the first Tuesday follows
		expect(dates.at(-1)).toBe('2026-07-28');
		expect(dates).toHaveLength(52);
	});

	it('only plans within the plan validity and compares planned with held up to today', () => {
		const plan = makeOfficeHourPlan({ weekday: 2, validFrom: '2025-09-01', validTo: '2025-09-30' });
		const s = summariseOfficeHours([plan], [held('2025-09-02'), held('2025-09-09')], kj2025, '2025-09-20');
		expect(s.sessionsPlanned).toBe(5); // 2, 9, 16, 23, 30 Sept
		expect(s.sessionsPlannedSoFar).toBe(3);
		expect(s.months[1]).toMatchObject({ sessionsPlanned: 5, sessionsHeld: 2 });
		expect(s.months[0].sessionsPlanned).toBe(0);
	});

	it('plans nothing when the plan ends before the period starts', () => {
		const plan = makeOfficeHourPlan({ validFrom: '2020-01-01', validTo: '2025-07-31' });
		expect(plannedDates(plan, kj2025)).toEqual([]);
	});
});

describe('gaps of more than four weeks', () => {
	it('flags a gap between two sessions only when it is longer than 28 days', () => {
		// 28 days without a session between 1 Mar and 30 Mar: fine. 29 days: flagged.
		expect(officeHoursGaps(['2026-03-01', '2026-03-30'], cy2026, '2026-03-30')).toEqual([
			{ from: '2026-01-01', to: '2026-02-28', days: 59 }
		]);
		expect(officeHoursGaps(['2026-01-01', '2026-03-01', '2026-03-31'], cy2026, '2026-03-31')).toEqual([
			{ from: '2026-01-02', to: '2026-02-28', days: 58 },
			{ from: '2026-03-02', to: '2026-03-30', days: 29 }
		]);
	});

	it('flags the stretch from the period start and the one up to today', () => {
		const gaps = officeHoursGaps(['2025-10-01'], kj2025, '2025-12-01');
		expect(gaps).toEqual([
			{ from: '2025-08-01', to: '2025-09-30', days: 61 },
			{ from: '2025-10-02', to: '2025-12-01', days: 61 }
		]);
	});

	it('shows a whole past period without sessions as one gap, a future period as none', () => {
		expect(officeHoursGaps([], kj2025, AFTER)).toEqual([{ from: '2025-08-01', to: '2026-07-31', days: 365 }]);
		expect(officeHoursGaps([], kj2026, '2026-07-31')).toEqual([]);
		// A period that started 28 days ago has no gap yet; one more day and it has.
		expect(officeHoursGaps([], kj2026, '2026-08-28')).toEqual([]);
		expect(officeHoursGaps([], kj2026, '2026-08-29')).toHaveLength(1);
	});

	it('ignores sessions outside the period and several sessions on one day', () => {
		const gaps = officeHoursGaps(
			['2025-07-31', '2025-08-20', '2025-08-20', '2026-08-01'],
			kj2025,
			'2025-09-10'
		);
		expect(gaps).toEqual([]);
	});
});

describe('office hours around daylight-saving changes (Europe/Berlin)', () => {
	beforeAll(() => {
		vi.stubEnv('TZ', 'Europe/Berlin');
	});
	afterAll(() => {
		vi.unstubAllEnvs();
	});

	it('plans Sunday sessions on both switch days and keeps them in their months', () => {
		const plan = makeOfficeHourPlan({ weekday: 7, validFrom: '2026-03-01', validTo: '2026-11-01' });
		const dates = plannedDates(plan, cy2026);
		expect(dates).toContain('2026-03-29');
		expect(dates).toContain('2026-04-05');
		expect(dates).toContain('2026-10-25');
		expect(dates).toContain('2026-11-01');
		expect(dates).toHaveLength(36);
		const s = summariseOfficeHours([plan], [held('2026-03-29'), held('2026-10-25')], cy2026, AFTER);
		expect(s.months[2]).toMatchObject({ month: '2026-03', sessionsPlanned: 5, sessionsHeld: 1 });
		expect(s.months[9]).toMatchObject({ month: '2026-10', sessionsPlanned: 4, sessionsHeld: 1 });
	});

	it('runs in a zone that really switches', () => {
		expect(new Date(2026, 2, 28, 12).getTimezoneOffset()).toBe(-60);
		expect(new Date(2026, 2, 29, 12).getTimezoneOffset()).toBe(-120);
		expect(new Date(2026, 9, 25, 12).getTimezoneOffset()).toBe(-60);
	});

	it('measures gaps across the short spring day and the long autumn day in calendar days', () => {
		// Spring: 27 Mar → 25 Apr leaves 28 days without a session (fine), → 26 Apr leaves 29 (flagged).
		expect(officeHoursGaps(['2026-03-27', '2026-04-25'], cy2026, '2026-04-25').slice(1)).toEqual([]);
		expect(officeHoursGaps(['2026-03-27', '2026-04-26'], cy2026, '2026-04-26').slice(1)).toEqual([
			{ from: '2026-03-28', to: '2026-04-25', days: 29 }
		]);
		// Autumn: the same around 25 Oct.
		const beforeAutumn = ['2026-01-20', '2026-02-15', '2026-03-10', '2026-04-05', '2026-05-01', '2026-05-28'];
		const summer = ['2026-06-20', '2026-07-15', '2026-08-10', '2026-09-05', '2026-10-01'];
		expect(officeHoursGaps([...beforeAutumn, ...summer, '2026-10-30'], cy2026, '2026-10-30')).toEqual([]);
		expect(officeHoursGaps([...beforeAutumn, ...summer, '2026-10-31'], cy2026, '2026-10-31')).toEqual([
			{ from: '2026-10-02', to: '2026-10-30', days: 29 }
		]);
	});
});
