import { formatDateDe, type LocalDate } from '../../dates';
import type { ReviewPeriod } from '../../periods';
import { qualificationKindLabels, type Qualification } from '../qualifications';
import {
	isOlderThan,
	QUALIFICATION_MAX_AGE_YEARS,
	qualificationReferenceDay
} from '../summaries/qualifications';
import { toCsv } from './csv';

/**
 * The qualifications a round can hand in: every entry that began by the period's end (they carry
 * over between rounds), oldest end first, with their age measured as the criterion rules measure it.
 */
export function qualificationsCsv(
	qualifications: readonly Qualification[],
	period: ReviewPeriod,
	today: LocalDate
): string {
	const day = qualificationReferenceDay(period, today);
	const rows = qualifications
		.filter((q) => !q.deleted && q.startDate <= period.end)
		.sort((a, b) => (a.endDate < b.endDate ? -1 : a.endDate > b.endDate ? 1 : 0))
		.map((q) => [
			q.title,
			qualificationKindLabels[q.kind],
			q.holder,
			q.provider,
			formatDateDe(q.startDate),
			formatDateDe(q.endDate),
			q.hours,
			q.online,
			q.criterionIds.join(', '),
			q.certificate?.fileName ?? '',
			isOlderThan(q, QUALIFICATION_MAX_AGE_YEARS, day)
		]);
	return toCsv(
		[
			'Titel',
			'Art',
			'Rolle / Kürzel',
			'Anbieter',
			'Beginn',
			'Ende',
			'Stunden',
			'Online',
			'Kriterien',
			'Bescheinigung',
			`Älter als ${QUALIFICATION_MAX_AGE_YEARS} Jahre`
		],
		rows
	);
}
