import type { ReviewPeriodKind } from '../catalogue/schema';
import type { LocalDate } from '../dates';
import { nextPeriod, periodFromKey, previousPeriod, reviewPeriodFor, type ReviewPeriod } from '../periods';

/** The query parameter that names the review period on every register page, e.g. `?zeitraum=kj-2025`. */
export const PERIOD_PARAM = 'zeitraum';

/** How many past review periods the period selector offers besides the current and the next one. */
export const PAST_PERIODS = 5;

/** The periods a register page offers, newest first: the next, the current and five past ones. */
export function periodOptions(kind: ReviewPeriodKind, today: LocalDate): ReviewPeriod[] {
	const current = reviewPeriodFor(kind, today);
	const options = [nextPeriod(current), current];
	let p = current;
	for (let i = 0; i < PAST_PERIODS; i++) {
		p = previousPeriod(p);
		options.push(p);
	}
	return options;
}

/**
 * The period a page shows: the one named in the address (e.g. `?zeitraum=kj-2025`) when it is of
 * the catalogue's kind, otherwise the current one.
 */
export function chosenPeriod(kind: ReviewPeriodKind, key: string | null, today: LocalDate): ReviewPeriod {
	const named = key ? periodFromKey(key) : null;
	return named && named.kind === kind ? named : reviewPeriodFor(kind, today);
}
