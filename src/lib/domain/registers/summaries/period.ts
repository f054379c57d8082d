import type { LocalDate, MonthKey } from '../../dates';
import { isInPeriod, monthsOfPeriod, type ReviewPeriod } from '../../periods';

/**
 * Small helpers the summaries share. Register dates are validated `yyyy-MM-dd` strings, so the
 * month is the first seven characters; slicing keeps the hot loops free of `Date` objects.
 */
export function monthOf(d: LocalDate): MonthKey {
	return d.slice(0, 7);
}

/** A map with one zeroed bucket per month of the period, in order. */
export function monthBuckets<T>(p: ReviewPeriod, make: () => T): Map<MonthKey, T> {
	const buckets = new Map<MonthKey, T>();
	for (const m of monthsOfPeriod(p)) buckets.set(m, make());
	return buckets;
}

/** True when a from/to range (to null = open-ended) shares at least one day with the period. */
export function overlapsPeriod(from: LocalDate, to: LocalDate | null, p: ReviewPeriod): boolean {
	return from <= p.end && (to === null || to >= p.start);
}

/** True when the range covers the given day. */
export function coversDay(from: LocalDate, to: LocalDate | null, d: LocalDate): boolean {
	return from <= d && (to === null || to >= d);
}

/** The last day of the period that has already happened: its end, or today while it runs. */
export function periodHorizon(p: ReviewPeriod, today: LocalDate): LocalDate {
	return today < p.end ? today : p.end;
}

export { isInPeriod };
