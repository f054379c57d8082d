import { describe, expect, it } from 'vitest';
import {
	calendarYear,
	isInPeriod,
	kindergartenYear,
	monthsOfPeriod,
	nextPeriod,
	periodFromKey,
	previousPeriod,
	reviewPeriodFor,
	reviewPeriodsBetween
} from './periods';

describe('Kindergartenjahr', () => {
	it('ends on 31 July and the next one starts on 1 August', () => {
		expect(kindergartenYear('2026-07-31')).toEqual({
			kind: 'kindergartenjahr',
			start: '2025-08-01',
			end: '2026-07-31',
			label: 'Kindergartenjahr 2025/26',
			key: 'kj-2025'
		});
		expect(kindergartenYear('2026-08-01').label).toBe('Kindergartenjahr 2026/27');
		expect(kindergartenYear('2026-01-01').key).toBe('kj-2025');
		expect(kindergartenYear('2025-12-31').key).toBe('kj-2025');
	});

	it('labels the turn of the century with two digits', () => {
		expect(kindergartenYear('2099-09-01').label).toBe('Kindergartenjahr 2099/00');
		expect(kindergartenYear('2009-09-01').label).toBe('Kindergartenjahr 2009/10');
	});

	it('includes 29 February in a leap year', () => {
		const p = kindergartenYear('2024-02-29');
		expect(p.key).toBe('kj-2023');
		expect(isInPeriod('2024-02-29', p)).toBe(true);
	});
});

describe('calendar year', () => {
	it('runs from 1 January to 31 December', () => {
		expect(calendarYear('2026-12-31')).toEqual({
			kind: 'kalenderjahr',
			start: '2026-01-01',
			end: '2026-12-31',
			label: 'Kalenderjahr 2026',
			key: 'cy-2026'
		});
		expect(calendarYear('2027-01-01').key).toBe('cy-2027');
	});
});

describe('review periods', () => {
	it('picks the period kind the catalogue asks for', () => {
		expect(reviewPeriodFor('kindergartenjahr', '2026-03-29').key).toBe('kj-2025');
		expect(reviewPeriodFor('kalenderjahr', '2026-03-29').key).toBe('cy-2026');
	});

	it('counts both edge days as inside and the neighbours as outside', () => {
		const p = kindergartenYear('2026-03-01');
		expect(isInPeriod('2025-08-01', p)).toBe(true);
		expect(isInPeriod('2026-07-31', p)).toBe(true);
		expect(isInPeriod('2025-07-31', p)).toBe(false);
		expect(isInPeriod('2026-08-01', p)).toBe(false);
	});

	it('steps back and forward without gaps or overlaps', () => {
		const p = kindergartenYear('2026-03-01');
		expect(previousPeriod(p).key).toBe('kj-2024');
		expect(previousPeriod(p).end).toBe('2025-07-31');
		expect(nextPeriod(p).start).toBe('2026-08-01');
		expect(previousPeriod(calendarYear('2026-01-01')).key).toBe('cy-2025');
	});

	it('lists every period that overlaps a range, oldest first', () => {
		expect(reviewPeriodsBetween('kindergartenjahr', '2024-07-31', '2026-08-01').map((p) => p.key)).toEqual([
			'kj-2023',
			'kj-2024',
			'kj-2025',
			'kj-2026'
		]);
		expect(reviewPeriodsBetween('kalenderjahr', '2025-12-31', '2026-01-01').map((p) => p.key)).toEqual([
			'cy-2025',
			'cy-2026'
		]);
		expect(reviewPeriodsBetween('kalenderjahr', '2026-05-01', '2026-05-01')).toHaveLength(1);
		expect(reviewPeriodsBetween('kalenderjahr', '2026-05-02', '2026-05-01')).toEqual([]);
	});

	it('rebuilds a period from its key and rejects anything else', () => {
		const p = kindergartenYear('2026-03-01');
		expect(periodFromKey(p.key)).toEqual(p);
		expect(periodFromKey('cy-2026')).toEqual(calendarYear('2026-06-15'));
		expect(periodFromKey('kj-26')).toBeNull();
		expect(periodFromKey('xx-2026')).toBeNull();
	});

	it('has twelve months in order, across the year end', () => {
		expect(monthsOfPeriod(kindergartenYear('2026-03-01'))).toEqual([
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
		expect(monthsOfPeriod(calendarYear('2026-03-01'))).toHaveLength(12);
		expect(monthsOfPeriod(calendarYear('2026-03-01'))[0]).toBe('2026-01');
	});
});
