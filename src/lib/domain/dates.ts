import { addDays, addMonths, differenceInCalendarDays, isValid, parseISO } from 'date-fns';

/**
 * All calendar arithmetic of the app goes through this module.
 *
 * Daylight saving: a calendar day is kept as a `LocalDate` string `yyyy-MM-dd`, never as a
 * timestamp, so storing, syncing and comparing days can't shift them across time zones. Whenever a
 * day must become a `Date` (for date-fns), it is built at local NOON: the DST switch in Europe
 * happens at 02:00/03:00 (and elsewhere at or near midnight), so noon always exists exactly once and
 * adding calendar days with `addDays` (which sets the day of month, not +24 h) stays on noon. Day
 * differences use `differenceInCalendarDays`, which compares calendar days and ignores the 23- or
 * 25-hour days around the switch. Because `LocalDate` strings sort lexically in date order, plain
 * string comparison (`a < b`) is a correct date comparison.
 *
 * Writing a day or month needs no date-fns `format` (nor its locale): the fixed patterns below are
 * built from the `Date`'s local fields, which is exactly what `format` does for them (the tests
 * compare both). That keeps `format` out of the Übersicht's first load.
 */
export type LocalDate = string;

/** A month as `yyyy-MM`, e.g. "2026-11"; sorts lexically in date order like `LocalDate`. */
export type MonthKey = string;

const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_KEY_PATTERN = /^(\d{4})-(\d{2})$/;

/** German month names, as date-fns' `de` locale writes them with `MMMM`. */
const MONTH_NAMES_DE = [
	'Januar',
	'Februar',
	'März',
	'April',
	'Mai',
	'Juni',
	'Juli',
	'August',
	'September',
	'Oktober',
	'November',
	'Dezember'
] as const;

/** Zero-padded, as `yyyy`, `MM`, `dd`, `HH` write (years from 1 on). */
function pad(n: number, width = 2): string {
	return String(n).padStart(width, '0');
}

/** `yyyy-MM` of the local month `d` falls in. */
function localMonthKey(d: Date): MonthKey {
	return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}`;
}

/** Local noon of a calendar day; setFullYear keeps years 0–99 from being read as 1900–1999. */
function noonOf(year: number, month: number, day: number): Date {
	const date = new Date(2000, 0, 1, 12);
	date.setFullYear(year, month - 1, day);
	return date;
}

/** True for a real calendar day written as `yyyy-MM-dd` (so "2026-02-30" is false). */
export function isLocalDate(s: unknown): s is LocalDate {
	if (typeof s !== 'string') return false;
	const m = LOCAL_DATE_PATTERN.exec(s);
	if (!m) return false;
	const date = noonOf(Number(m[1]), Number(m[2]), Number(m[3]));
	return date.getDate() === Number(m[3]) && date.getMonth() === Number(m[2]) - 1;
}

/** The day as a `Date` at local noon (see the module comment for why noon). Throws on a bad string. */
export function parseLocalDate(s: LocalDate): Date {
	if (!isLocalDate(s)) throw new RangeError(`Kein gültiges Datum (JJJJ-MM-TT): "${s}"`);
	return noonOf(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10)));
}

/** The local calendar day the instant `d` falls on. */
export function toLocalDate(d: Date): LocalDate {
	if (!isValid(d)) throw new RangeError('Ungültiges Datum');
	return `${localMonthKey(d)}-${pad(d.getDate())}`;
}

/** Today as a local calendar day; pass `now` in tests. */
export function today(now: Date = new Date()): LocalDate {
	return toLocalDate(now);
}

export function addDaysTo(d: LocalDate, n: number): LocalDate {
	return toLocalDate(addDays(parseLocalDate(d), n));
}

/** Calendar days from `a` to `b` (positive when `b` is later), the same on 23- and 25-hour days. */
export function daysBetween(a: LocalDate, b: LocalDate): number {
	return differenceInCalendarDays(parseLocalDate(b), parseLocalDate(a));
}

/** The month a day belongs to, `yyyy-MM`. */
export function monthKey(d: LocalDate): MonthKey {
	parseLocalDate(d);
	return d.slice(0, 7);
}

export function isMonthKey(s: unknown): s is MonthKey {
	if (typeof s !== 'string') return false;
	const m = MONTH_KEY_PATTERN.exec(s);
	return !!m && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

function monthStart(key: MonthKey): Date {
	if (!isMonthKey(key)) throw new RangeError(`Kein gültiger Monat (JJJJ-MM): "${key}"`);
	return parseLocalDate(`${key}-01`);
}

/** The month `n` months after `key` (negative n goes back). */
export function addMonthsTo(key: MonthKey, n: number): MonthKey {
	return localMonthKey(addMonths(monthStart(key), n));
}

/** First and last day of a month. */
export function firstDayOfMonth(key: MonthKey): LocalDate {
	monthStart(key);
	return `${key}-01`;
}

export function lastDayOfMonth(key: MonthKey): LocalDate {
	return addDaysTo(firstDayOfMonth(addMonthsTo(key, 1)), -1);
}

/** Months from `from` to `to`, both included; empty when `to` is before `from`. */
export function monthsBetween(from: MonthKey, to: MonthKey): MonthKey[] {
	monthStart(from);
	monthStart(to);
	const months: MonthKey[] = [];
	for (let m = from; m <= to; m = addMonthsTo(m, 1)) months.push(m);
	return months;
}

/** "21.11.2026" */
export function formatDateDe(d: LocalDate): string {
	parseLocalDate(d);
	return `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;
}

/** "November 2026" */
export function formatMonthDe(key: MonthKey): string {
	const start = monthStart(key);
	return `${MONTH_NAMES_DE[start.getMonth()]} ${pad(start.getFullYear(), 4)}`;
}

/** "21.11.2026, 14:05" in local time, for ISO timestamps such as `updatedAt`. */
export function formatDateTimeDe(iso: string): string {
	const d = parseISO(iso);
	if (!isValid(d)) throw new RangeError(`Kein gültiger Zeitpunkt: "${iso}"`);
	return `${formatDateDe(toLocalDate(d))}, ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
