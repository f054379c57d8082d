import { formatDateDe, type LocalDate } from '../dates';
import type { ReviewPeriod } from '../periods';
import type { CertificationRound } from './schema';

/**
 * The round a centre is working on today: the one in progress (its Prüfzeitraum has begun and
 * neither the period nor a later site visit is over); else the next one to start; else the one
 * that ended last. A round stays current until its site visit because the evidence is still being
 * handed in and looked at then. Deleted rounds do not count.
 */
export function currentRound(
	rounds: readonly CertificationRound[],
	today: LocalDate
): CertificationRound | null {
	const live = rounds.filter((r) => !r.deleted);
	const byStartDesc = (a: CertificationRound, b: CertificationRound) =>
		a.periodStart < b.periodStart ? 1 : a.periodStart > b.periodStart ? -1 : 0;
	const running = live.filter((r) => r.periodStart <= today && today <= lastDayInProgress(r));
	if (running.length > 0) return [...running].sort(byStartDesc)[0];
	const upcoming = live.filter((r) => r.periodStart > today).sort((a, b) => byStartDesc(b, a));
	if (upcoming.length > 0) return upcoming[0];
	const past = [...live].sort((a, b) => (a.periodEnd < b.periodEnd ? 1 : -1));
	return past[0] ?? null;
}

function lastDayInProgress(round: CertificationRound): LocalDate {
	const visit = round.siteVisitDate;
	return visit && visit > round.periodEnd ? visit : round.periodEnd;
}

/**
 * The round's Prüfzeitraum as a review period (its own days, whatever the period kind). The label
 * names a Kalenderjahr or Kindergartenjahr only when the days are exactly one; a round whose days
 * were edited to something else is labelled by its days, so the label never claims a wrong year.
 */
export function roundPeriod(
	round: Pick<CertificationRound, 'periodKind' | 'periodStart' | 'periodEnd'>
): ReviewPeriod {
	const startYear = round.periodStart.slice(0, 4);
	const endYear = round.periodEnd.slice(0, 4);
	const start = round.periodStart.slice(5);
	const end = round.periodEnd.slice(5);
	const isCalendarYear = startYear === endYear && start === '01-01' && end === '12-31';
	const isKindergartenYear =
		Number(endYear) === Number(startYear) + 1 && start === '08-01' && end === '07-31';
	const label = isCalendarYear
		? `Kalenderjahr ${startYear}`
		: isKindergartenYear
			? `Kindergartenjahr ${startYear}/${endYear.slice(2)}`
			: `Prüfzeitraum ${formatDateDe(round.periodStart)} – ${formatDateDe(round.periodEnd)}`;
	return {
		kind: round.periodKind,
		start: round.periodStart,
		end: round.periodEnd,
		label,
		key: `${round.periodKind === 'kindergartenjahr' ? 'kj' : 'cy'}-${startYear}`
	};
}
