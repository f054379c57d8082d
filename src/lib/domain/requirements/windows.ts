import type { ThresholdPer } from '../catalogue/format2';
import { addDaysTo, formatMonthDe, lastDayOfMonth, monthsBetween, type LocalDate } from '../dates';
import type { ReviewPeriod } from '../periods';

/**
 * The windows of a Prüfzeitraum a threshold's minimum applies to: the whole period, its two halves,
 * or its months. Every boundary is a `yyyy-MM-dd` string and every step a calendar day
 * (`addDaysTo`, which works at local noon), so the days around a daylight-saving change, a leap day
 * or the turn of the year cannot shift a window by one.
 */
export type Window = {
	start: LocalDate;
	/** Inclusive. */
	end: LocalDate;
	/** „1. Halbjahr 2027 (1. Jan – 31. Jul)“, „März 2027“, „Kalenderjahr 2027“. */
	label: string;
	/** „1. Halbjahr“, „März 2027“, „Prüfzeitraum“: for compact progress lines. */
	shortLabel: string;
};

/** The second half starts on 1 Aug in a calendar year and on 1 Feb in a Kindergartenjahr. */
const DEFAULT_SECOND_HALF: Record<ReviewPeriod['kind'], string> = {
	kalenderjahr: '08-01',
	kindergartenjahr: '02-01'
};

const MONTHS_SHORT_DE = ['Jan', 'Feb', 'Mär', 'Apr', 'Mai', 'Jun', 'Jul', 'Aug', 'Sep', 'Okt', 'Nov', 'Dez'];

/** „1. Aug“ */
function dayMonthDe(d: LocalDate): string {
	return `${Number(d.slice(8, 10))}. ${MONTHS_SHORT_DE[Number(d.slice(5, 7)) - 1]}`;
}

/** „2027“ or, for a half spanning two years, „2026/27“. */
function yearsDe(start: LocalDate, end: LocalDate): string {
	const a = start.slice(0, 4);
	const b = end.slice(0, 4);
	return a === b ? a : `${a}/${b.slice(2)}`;
}

/**
 * The first day of the period's second half: the first day after the period's start that falls on
 * `secondHalfStarts` (MM-DD). A split that would leave a half empty (a catalogue day that does not
 * fit the round's period) falls back to the default of the period's kind.
 */
export function secondHalfStart(period: ReviewPeriod, secondHalfStarts?: string): LocalDate {
	const candidates = [secondHalfStarts, DEFAULT_SECOND_HALF[period.kind]];
	for (const mmdd of candidates) {
		if (!mmdd) continue;
		const year = Number(period.start.slice(0, 4));
		for (const y of [year, year + 1]) {
			const day = `${String(y).padStart(4, '0')}-${mmdd}`;
			if (day > period.start && day <= period.end) return day;
		}
	}
	// A period too short for either split: the second half is empty, the first is the whole period.
	return addDaysTo(period.end, 1);
}

function half(n: 1 | 2, start: LocalDate, end: LocalDate): Window {
	return {
		start,
		end,
		label: `${n}. Halbjahr ${yearsDe(start, end)} (${dayMonthDe(start)} – ${dayMonthDe(end)})`,
		shortLabel: `${n}. Halbjahr`
	};
}

const cache = new Map<string, readonly Window[]>();

/**
 * The period's windows for `per`, in date order, each clipped to the period. Remembered per period,
 * since readiness asks for the same few windows for every threshold of the catalogue.
 */
export function periodWindows(
	period: ReviewPeriod,
	per: ThresholdPer,
	secondHalfStarts?: string
): readonly Window[] {
	const key = `${period.start}|${period.end}|${period.label}|${per}|${secondHalfStarts ?? ''}`;
	let windows = cache.get(key);
	if (!windows) {
		if (cache.size > 200) cache.clear();
		windows = Object.freeze(computeWindows(period, per, secondHalfStarts));
		cache.set(key, windows);
	}
	return windows;
}

function computeWindows(period: ReviewPeriod, per: ThresholdPer, secondHalfStarts?: string): Window[] {
	if (per === 'period')
		return [{ start: period.start, end: period.end, label: period.label, shortLabel: 'Prüfzeitraum' }];
	if (per === 'half') {
		const split = secondHalfStart(period, secondHalfStarts);
		if (split > period.end) return [half(1, period.start, period.end)];
		return [half(1, period.start, addDaysTo(split, -1)), half(2, split, period.end)];
	}
	return monthsBetween(period.start.slice(0, 7), period.end.slice(0, 7)).map((key) => {
		const label = formatMonthDe(key);
		const first = `${key}-01`;
		const last = lastDayOfMonth(key);
		return {
			start: first < period.start ? period.start : first,
			end: last > period.end ? period.end : last,
			label,
			shortLabel: label
		};
	});
}

/** The index of the window containing `day`, or -1. Windows are sorted, adjacent, not overlapping. */
export function windowIndexOf(windows: readonly Window[], day: LocalDate): number {
	let lo = 0;
	let hi = windows.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (day < windows[mid].start) hi = mid - 1;
		else if (day > windows[mid].end) lo = mid + 1;
		else return mid;
	}
	return -1;
}

const weekendDays = new Map<LocalDate, boolean>();

/** Saturday or Sunday, from the calendar day alone (UTC arithmetic, so no time zone can shift it). */
export function isWeekend(day: LocalDate): boolean {
	let known = weekendDays.get(day);
	if (known === undefined) {
		if (weekendDays.size > 5000) weekendDays.clear();
		const weekday = weekdayOf(day);
		known = weekday === 0 || weekday === 6;
		weekendDays.set(day, known);
	}
	return known;
}

function weekdayOf(day: LocalDate): number {
	return new Date(
		Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)))
	).getUTCDay();
}
