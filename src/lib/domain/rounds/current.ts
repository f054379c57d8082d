import type { LocalDate } from '../dates';
import type { ReviewPeriod } from '../periods';
import type { CertificationRound } from './schema';

/**
 * The round a centre is working on today: the one whose Prüfzeitraum contains today; else the next
 * one to start; else the one that ended last. Deleted rounds do not count.
 */
export function currentRound(
	rounds: readonly CertificationRound[],
	today: LocalDate
): CertificationRound | null {
	const live = rounds.filter((r) => !r.deleted);
	const running = live.filter((r) => r.periodStart <= today && today <= r.periodEnd);
	if (running.length > 0) return [...running].sort((a, b) => (a.periodStart < b.periodStart ? 1 : -1))[0];
	const upcoming = live
		.filter((r) => r.periodStart > today)
		.sort((a, b) => (a.periodStart < b.periodStart ? -1 : 1));
	if (upcoming.length > 0) return upcoming[0];
	const past = [...live].sort((a, b) => (a.periodEnd < b.periodEnd ? 1 : -1));
	return past[0] ?? null;
}

/** The round's Prüfzeitraum as a review period (its own days, whatever the period kind). */
export function roundPeriod(round: CertificationRound): ReviewPeriod {
	const startYear = round.periodStart.slice(0, 4);
	const endYear = round.periodEnd.slice(0, 4);
	const label =
		round.periodKind === 'kindergartenjahr'
			? `Kindergartenjahr ${startYear}/${endYear.slice(2)}`
			: startYear === endYear
				? `Kalenderjahr ${startYear}`
				: `Prüfzeitraum ${startYear}–${endYear}`;
	return {
		kind: round.periodKind,
		start: round.periodStart,
		end: round.periodEnd,
		label,
		key: `${round.periodKind === 'kindergartenjahr' ? 'kj' : 'cy'}-${startYear}`
	};
}
