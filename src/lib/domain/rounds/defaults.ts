import type { ReviewPeriodKind, RoundForm, RoundKind } from '../catalogue/schema';
import { addMonthsTo, lastDayOfMonth, monthKey, type LocalDate } from '../dates';
import type { CertificationRound, CertificationRoundFields } from './schema';

/** How long the seal awarded in a round is valid. */
export const SEAL_VALID_YEARS = 4;

function monthsFrom(d: LocalDate, months: number): string {
	return addMonthsTo(monthKey(d), months);
}

/** The Prüfzeitraum of `kind` that starts in `year`: 1 Jan – 31 Dec, or 1 Aug – 31 Jul. */
export function periodDays(
	kind: ReviewPeriodKind,
	year: number
): { periodStart: LocalDate; periodEnd: LocalDate } {
	const y = String(year).padStart(4, '0');
	return kind === 'kalenderjahr'
		? { periodStart: `${y}-01-01`, periodEnd: `${y}-12-31` }
		: { periodStart: `${y}-08-01`, periodEnd: `${String(year + 1).padStart(4, '0')}-07-31` };
}

/**
 * Key dates as the certification body usually sets them around a Prüfzeitraum; the leader edits them
 * to the letter she receives. For the calendar year Y: registration at the end of August Y-1, the
 * documents by the end of November Y-1, the site visit in mid-June Y+1, and the seal then valid four
 * years (until the end of July Y+5). A Kindergartenjahr shifts the same steps by its start.
 */
export function roundDefaults(
	year: number,
	options: { kind?: RoundKind; form?: RoundForm; periodKind?: ReviewPeriodKind } = {}
): CertificationRoundFields {
	const periodKind = options.periodKind ?? 'kalenderjahr';
	const { periodStart, periodEnd } = periodDays(periodKind, year);
	const siteVisitDate = `${monthsFrom(periodEnd, 6)}-15`;
	return {
		kind: options.kind ?? 're',
		form: options.form ?? 'einzel',
		periodKind,
		periodStart,
		periodEnd,
		registrationDate: lastDayOfMonth(monthsFrom(periodStart, -5)),
		documentsDue: lastDayOfMonth(monthsFrom(periodStart, -2)),
		siteVisitDate,
		sealValidUntil: lastDayOfMonth(monthsFrom(periodEnd, 7 + 12 * SEAL_VALID_YEARS)),
		note: ''
	};
}

/**
 * The year a new round's period most likely starts in: four years after the latest round (the seal's
 * cycle), else the year after today's.
 */
export function suggestedRoundYear(
	rounds: readonly Pick<CertificationRound, 'periodStart' | 'deleted'>[],
	today: LocalDate
): number {
	const starts = rounds.filter((r) => !r.deleted).map((r) => Number(r.periodStart.slice(0, 4)));
	return starts.length > 0 ? Math.max(...starts) + SEAL_VALID_YEARS : Number(today.slice(0, 4)) + 1;
}
