import type { RoundForm, RoundKind } from '../catalogue/schema';
import type { LocalDate } from '../dates';
import type { CertificationRound } from './schema';
import { roundPeriod } from './current';

/** German words for a round, as the certification body's questionnaires name them. */
export const roundKindLabels: Record<RoundKind, string> = {
	neu: 'Erstzertifizierung',
	re: 'Rezertifizierung'
};

export const roundFormLabels: Record<RoundForm, string> = {
	einzel: 'Einzeleinrichtung',
	verbund: 'Verbund'
};

export const periodKindLabels: Record<CertificationRound['periodKind'], string> = {
	kalenderjahr: 'Kalenderjahr',
	kindergartenjahr: 'Kindergartenjahr'
};

const MONTHS_SHORT = ['Jan', 'Feb', 'Mär', 'Apr', 'Mai', 'Jun', 'Jul', 'Aug', 'Sep', 'Okt', 'Nov', 'Dez'];

/** „1. Jan“, with the year when `withYear`: „1. Aug 2025“. */
export function shortDayDe(d: LocalDate, withYear = false): string {
	const day = Number(d.slice(8, 10));
	const month = MONTHS_SHORT[Number(d.slice(5, 7)) - 1];
	return withYear ? `${day}. ${month} ${d.slice(0, 4)}` : `${day}. ${month}`;
}

type PeriodOf = Pick<CertificationRound, 'periodStart' | 'periodEnd'>;

/**
 * The Prüfzeitraum with its days, for reasons and reminders: „Prüfzeitraum 2027 (1. Jan – 31. Dez)“,
 * „Prüfzeitraum 2025/26 (1. Aug 2025 – 31. Jul 2026)“.
 */
export function periodLabelWithDays(round: PeriodOf): string {
	const startYear = round.periodStart.slice(0, 4);
	const endYear = round.periodEnd.slice(0, 4);
	if (startYear === endYear) {
		return `Prüfzeitraum ${startYear} (${shortDayDe(round.periodStart)} – ${shortDayDe(round.periodEnd)})`;
	}
	const years =
		Number(endYear) === Number(startYear) + 1
			? `${startYear}/${endYear.slice(2)}`
			: `${startYear}–${endYear}`;
	return `Prüfzeitraum ${years} (${shortDayDe(round.periodStart, true)} – ${shortDayDe(round.periodEnd, true)})`;
}

/** „Rezertifizierung · Verbund · Prüfzeitraum Kalenderjahr 2027“ */
export function roundSummary(
	round: Pick<CertificationRound, 'kind' | 'form' | 'periodKind' | 'periodStart' | 'periodEnd'>
): string {
	const label = roundPeriod(round).label;
	const period = label.startsWith('Prüfzeitraum') ? label : `Prüfzeitraum ${label}`;
	return `${roundKindLabels[round.kind]} · ${roundFormLabels[round.form]} · ${period}`;
}
