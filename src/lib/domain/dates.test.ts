import { addDays, format } from 'date-fns';
import { de } from 'date-fns/locale';
import { describe, expect, it } from 'vitest';
import {
	addDaysTo,
	addMonthsTo,
	daysBetween,
	formatDateDe,
	formatDateTimeDe,
	formatMonthDe,
	isLocalDate,
	lastDayOfMonth,
	monthKey,
	monthsBetween,
	parseLocalDate,
	toLocalDate,
	today
} from './dates';

// Daylight-saving switches in Germany: last Sunday of March and of October.
const SPRING_2026 = '2026-03-29';
const AUTUMN_2026 = '2026-10-25';

describe('calendar days', () => {
	it('accepts only real days written as yyyy-MM-dd', () => {
		expect(isLocalDate('2026-11-21')).toBe(true);
		expect(isLocalDate('2024-02-29')).toBe(true);
		expect(isLocalDate('2026-02-29')).toBe(false);
		expect(isLocalDate('2026-13-01')).toBe(false);
		expect(isLocalDate('21.11.2026')).toBe(false);
		expect(isLocalDate('2026-1-5')).toBe(false);
		expect(() => parseLocalDate('2026-02-30')).toThrow(/Kein gültiges Datum/);
	});

	it('parses a day to local noon and writes it back unchanged', () => {
		for (const d of ['2026-03-29', '2026-10-25', '2024-02-29', '2025-12-31', '0099-06-01']) {
			const date = parseLocalDate(d);
			expect(date.getHours()).toBe(12);
			expect(toLocalDate(date)).toBe(d);
		}
	});

	it('names the local day of instants just after midnight and just before midnight around DST switches', () => {
		for (const d of ['2026-03-28', SPRING_2026, '2026-03-30', '2026-10-24', AUTUMN_2026, '2026-10-26']) {
			const [y, m, day] = d.split('-').map(Number);
			expect(toLocalDate(new Date(y, m - 1, day, 0, 30))).toBe(d);
			expect(toLocalDate(new Date(y, m - 1, day, 23, 30))).toBe(d);
			expect(today(new Date(y, m - 1, day, 23, 59))).toBe(d);
		}
	});

	it('counts the short spring day and the long autumn day as one day each', () => {
		expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
		expect(daysBetween(SPRING_2026, '2026-03-30')).toBe(1);
		expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
		expect(daysBetween(AUTUMN_2026, '2026-10-26')).toBe(1);
		expect(daysBetween('2026-03-01', '2026-11-01')).toBe(245);
		expect(daysBetween('2026-11-01', '2026-03-01')).toBe(-245);
	});

	it('adds days across DST switches without landing on the wrong day', () => {
		expect(addDaysTo('2026-03-28', 1)).toBe(SPRING_2026);
		expect(addDaysTo('2026-03-28', 2)).toBe('2026-03-30');
		expect(addDaysTo('2026-10-24', 1)).toBe(AUTUMN_2026);
		expect(addDaysTo('2026-10-24', 2)).toBe('2026-10-26');
		expect(addDaysTo('2026-10-26', -2)).toBe('2026-10-24');
		let d = '2026-01-01';
		for (let i = 0; i < 365; i++) d = addDaysTo(d, 1);
		expect(d).toBe('2027-01-01');
	});

	it('knows leap years', () => {
		expect(addDaysTo('2024-02-28', 1)).toBe('2024-02-29');
		expect(addDaysTo('2025-02-28', 1)).toBe('2025-03-01');
		expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
		expect(daysBetween('2100-02-28', '2100-03-01')).toBe(1);
		expect(daysBetween('2000-02-28', '2000-03-01')).toBe(2);
		expect(lastDayOfMonth('2024-02')).toBe('2024-02-29');
		expect(lastDayOfMonth('2026-02')).toBe('2026-02-28');
	});

	it('crosses 31 Jul / 1 Aug and 31 Dec / 1 Jan', () => {
		expect(addDaysTo('2026-07-31', 1)).toBe('2026-08-01');
		expect(addDaysTo('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDaysTo('2027-01-01', -1)).toBe('2026-12-31');
	});
});

describe('months', () => {
	it('gives the month of a day and walks months across the year end', () => {
		expect(monthKey('2026-11-21')).toBe('2026-11');
		expect(addMonthsTo('2026-12', 1)).toBe('2027-01');
		expect(addMonthsTo('2026-01', -1)).toBe('2025-12');
		expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
		expect(monthsBetween('2026-02', '2025-11')).toEqual([]);
	});
});

describe('German formatting', () => {
	it('writes days, months and timestamps the German way', () => {
		expect(formatDateDe('2026-11-21')).toBe('21.11.2026');
		expect(formatDateDe('2026-03-05')).toBe('05.03.2026');
		expect(formatMonthDe('2026-11')).toBe('November 2026');
		expect(formatMonthDe('2026-03')).toBe('März 2026');
		const local = new Date(2026, 10, 21, 14, 5);
		expect(formatDateTimeDe(local.toISOString())).toBe('21.11.2026, 14:05');
		expect(() => formatDateTimeDe('gestern')).toThrow();
	});
});

describe('writing days without date-fns format', () => {
	it('writes every day of 2024–2027 and odd years exactly as date-fns format does', () => {
		const starts = [new Date(2024, 0, 1, 12), new Date(99, 0, 1, 12), new Date(2099, 11, 1, 12)];
		starts[1].setFullYear(99);
		for (const start of starts) {
			for (let i = 0; i < (start.getFullYear() === 2024 ? 4 * 366 : 62); i++) {
				const noon = addDays(start, i);
				const day = format(noon, 'yyyy-MM-dd');
				expect(toLocalDate(noon)).toBe(day);
				expect(formatDateDe(day)).toBe(format(noon, 'dd.MM.yyyy', { locale: de }));
			}
		}
	});

	it('writes months and timestamps exactly as date-fns format does', () => {
		for (let m = 1; m <= 12; m++) {
			const key = `2026-${String(m).padStart(2, '0')}`;
			const start = parseLocalDate(`${key}-01`);
			expect(formatMonthDe(key)).toBe(format(start, 'MMMM yyyy', { locale: de }));
			expect(addMonthsTo(key, 13)).toBe(format(new Date(2027, m, 1, 12), 'yyyy-MM'));
		}
		for (const local of [
			new Date(2026, 2, 29, 1, 59),
			new Date(2026, 2, 29, 3, 0),
			new Date(2026, 9, 25, 2, 30)
		]) {
			expect(formatDateTimeDe(local.toISOString())).toBe(format(local, 'dd.MM.yyyy, HH:mm', { locale: de }));
		}
	});
});
