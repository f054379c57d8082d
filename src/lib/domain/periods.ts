import type { ReviewPeriodKind } from './catalogue/schema';
import { addDaysTo, isLocalDate, monthKey, monthsBetween, type LocalDate, type MonthKey } from './dates';

/**
 * Betrachtungszeitraum: the period whose counts and evidence a (re-)certification looks at. It is a
 * Kindergartenjahr (1 Aug – 31 Jul) or a calendar year; the catalogue says which.
 */
export type ReviewPeriod = {
	kind: ReviewPeriodKind;
	start: LocalDate;
	/** Inclusive: the last day that still belongs to the period. */
	end: LocalDate;
	/** "Kindergartenjahr 2025/26", "Kalenderjahr 2026" */
	label: string;
	/** "kj-2025" (starts 1 Aug 2025), "cy-2026"; stable, usable in URLs and as a storage key. */
	key: string;
};

const KEY_PREFIX: Record<ReviewPeriodKind, string> = { kindergartenjahr: 'kj', kalenderjahr: 'cy' };
const KEY_PATTERN = /^(kj|cy)-(\d{4})$/;

function yearOf(d: LocalDate): number {
	if (!isLocalDate(d)) throw new RangeError(`Kein gültiges Datum (JJJJ-MM-TT): "${d}"`);
	return Number(d.slice(0, 4));
}

function pad4(n: number): string {
	return String(n).padStart(4, '0');
}

function kindergartenYearStarting(year: number): ReviewPeriod {
	const next = String((year + 1) % 100).padStart(2, '0');
	return {
		kind: 'kindergartenjahr',
		start: `${pad4(year)}-08-01`,
		end: `${pad4(year + 1)}-07-31`,
		label: `Kindergartenjahr ${year}/${next}`,
		key: `kj-${pad4(year)}`
	};
}

function calendarYearOf(year: number): ReviewPeriod {
	return {
		kind: 'kalenderjahr',
		start: `${pad4(year)}-01-01`,
		end: `${pad4(year)}-12-31`,
		label: `Kalenderjahr ${year}`,
		key: `cy-${pad4(year)}`
	};
}

/** The Kindergartenjahr containing `d`: 31 Jul 2026 is in 2025/26, 1 Aug 2026 in 2026/27. */
export function kindergartenYear(d: LocalDate): ReviewPeriod {
	const year = yearOf(d);
	return kindergartenYearStarting(d.slice(5) >= '08-01' ? year : year - 1);
}

export function calendarYear(d: LocalDate): ReviewPeriod {
	return calendarYearOf(yearOf(d));
}

export function reviewPeriodFor(kind: ReviewPeriodKind, d: LocalDate): ReviewPeriod {
	return kind === 'kindergartenjahr' ? kindergartenYear(d) : calendarYear(d);
}

export function previousPeriod(p: ReviewPeriod): ReviewPeriod {
	return reviewPeriodFor(p.kind, addDaysTo(p.start, -1));
}

export function nextPeriod(p: ReviewPeriod): ReviewPeriod {
	return reviewPeriodFor(p.kind, addDaysTo(p.end, 1));
}

/** Every period of `kind` that overlaps the days `from`..`to` (inclusive), oldest first. */
export function reviewPeriodsBetween(kind: ReviewPeriodKind, from: LocalDate, to: LocalDate): ReviewPeriod[] {
	const periods: ReviewPeriod[] = [];
	if (to < from) return periods;
	for (let p = reviewPeriodFor(kind, from); p.start <= to; p = nextPeriod(p)) periods.push(p);
	return periods;
}

/** The period a key such as "kj-2025" or "cy-2026" stands for; null when the key is not one. */
export function periodFromKey(key: string): ReviewPeriod | null {
	const m = KEY_PATTERN.exec(key);
	if (!m) return null;
	const year = Number(m[2]);
	return m[1] === KEY_PREFIX.kindergartenjahr ? kindergartenYearStarting(year) : calendarYearOf(year);
}

export function isInPeriod(d: LocalDate, p: ReviewPeriod): boolean {
	return d >= p.start && d <= p.end;
}

/** The twelve months of the period as `yyyy-MM`, in order, for sums per month. */
export function monthsOfPeriod(p: ReviewPeriod): MonthKey[] {
	return monthsBetween(monthKey(p.start), monthKey(p.end));
}
