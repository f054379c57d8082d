import { describe, expect, it } from 'vitest';
import { calendarYear, kindergartenYear } from '../periods';
import { isWeekend, periodWindows, secondHalfStart, windowIndexOf } from './windows';

describe('windows of a Prüfzeitraum', () => {
	it('splits a calendar year into 1 Jan – 31 Jul and 1 Aug – 31 Dec', () => {
		const [first, second] = periodWindows(calendarYear('2027-05-01'), 'half');
		expect(first).toMatchObject({
			start: '2027-01-01',
			end: '2027-07-31',
			label: '1. Halbjahr 2027 (1. Jan – 31. Jul)'
		});
		expect(second).toMatchObject({
			start: '2027-08-01',
			end: '2027-12-31',
			label: '2. Halbjahr 2027 (1. Aug – 31. Dez)'
		});
	});

	it('splits a Kindergartenjahr at 1 Feb, with years on both sides of the first half', () => {
		const [first, second] = periodWindows(kindergartenYear('2026-09-01'), 'half');
		expect(first).toMatchObject({
			start: '2026-08-01',
			end: '2027-01-31',
			label: '1. Halbjahr 2026/27 (1. Aug – 31. Jan)'
		});
		expect(second).toMatchObject({
			start: '2027-02-01',
			end: '2027-07-31',
			label: '2. Halbjahr 2027 (1. Feb – 31. Jul)'
		});
	});

	it("uses the catalogue's split day and falls back when it does not fit the period", () => {
		expect(secondHalfStart(calendarYear('2027-01-01'), '07-01')).toBe('2027-07-01');
		// 08-01 is the first day of a Kindergartenjahr: it would leave a half empty.
		expect(secondHalfStart(kindergartenYear('2026-09-01'), '08-01')).toBe('2027-02-01');
	});

	it('ends February on the leap day in a leap year', () => {
		const months = periodWindows(calendarYear('2028-01-01'), 'month');
		expect(months).toHaveLength(12);
		expect(months[1]).toMatchObject({ start: '2028-02-01', end: '2028-02-29', label: 'Februar 2028' });
		expect(periodWindows(calendarYear('2027-01-01'), 'month')[1].end).toBe('2027-02-28');
	});

	it('keeps the days around the daylight-saving changes in their month and half', () => {
		const months = periodWindows(calendarYear('2027-01-01'), 'month');
		// Last Sundays of March and October 2027: 28 Mar and 31 Oct.
		expect(months[windowIndexOf(months, '2027-03-28')].label).toBe('März 2027');
		expect(months[windowIndexOf(months, '2027-03-29')].label).toBe('März 2027');
		expect(months[windowIndexOf(months, '2027-10-31')].label).toBe('Oktober 2027');
		expect(months[windowIndexOf(months, '2027-11-01')].label).toBe('November 2027');
		expect(months.map((m) => m.end)).toContain('2027-03-31');
		const halves = periodWindows(calendarYear('2027-01-01'), 'half');
		expect(windowIndexOf(halves, '2027-07-31')).toBe(0);
		expect(windowIndexOf(halves, '2027-08-01')).toBe(1);
		expect(windowIndexOf(halves, '2026-12-31')).toBe(-1);
		expect(windowIndexOf(halves, '2028-01-01')).toBe(-1);
	});

	it('knows weekends from the calendar day alone, also on DST change days', () => {
		expect(isWeekend('2027-03-28')).toBe(true); // Sunday, clocks go forward
		expect(isWeekend('2027-10-31')).toBe(true); // Sunday, clocks go back
		expect(isWeekend('2027-10-30')).toBe(true);
		expect(isWeekend('2027-11-01')).toBe(false);
		expect(isWeekend('2028-02-29')).toBe(false); // Tuesday
	});
});
