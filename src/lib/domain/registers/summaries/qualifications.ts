import type { LocalDate } from '../../dates';
import { isInPeriod, type ReviewPeriod } from '../../periods';
import { QUALIFICATION_KINDS, type Qualification, type QualificationKind } from '../qualifications';

/**
 * Sums of the qualifications register. Qualifications carry over between rounds, so the register
 * lists all of them; the period decides the hours „im Zeitraum“ (by the day a course ended) and the
 * day their age is measured on.
 */

/** The seal accepts short courses for seven years. */
export const QUALIFICATION_MAX_AGE_YEARS = 7;

/** The day ages are measured on: the period's end, or today while it runs. */
export function qualificationReferenceDay(p: ReviewPeriod, today: LocalDate): LocalDate {
	return today < p.end ? today : p.end;
}

/**
 * The same calendar day `years` earlier; 29 February becomes 28 February in a common year. An
 * entry that ended on this day is exactly `years` old and still counts as „nicht älter“.
 */
export function yearsBefore(day: LocalDate, years: number): LocalDate {
	const year = Number(day.slice(0, 4)) - years;
	const rest = day.slice(4);
	const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
	return `${String(year).padStart(4, '0')}${rest === '-02-29' && !leap ? '-02-28' : rest}`;
}

/** Whether the entry ended more than `years` calendar years before `day`. */
export function isOlderThan(q: Pick<Qualification, 'endDate'>, years: number, day: LocalDate): boolean {
	return q.endDate < yearsBefore(day, years);
}

export interface HolderSum {
	/** The role or pseudonym as first written („Fachkraft A“). */
	holder: string;
	entries: number;
	hours: number;
	/** The last day of the holder's latest course. */
	latest: LocalDate;
}

export interface QualificationsSummary {
	/** Every live entry, latest end first. */
	entries: Qualification[];
	/** Entries that ended within the period. */
	completedInPeriod: number;
	hoursInPeriod: number;
	hoursByKind: Record<QualificationKind, number>;
	entriesByKind: Record<QualificationKind, number>;
	onlineInPeriod: number;
	/** All entries per role or pseudonym, case and spaces ignored, in German order. */
	byHolder: HolderSum[];
	/** Entries that ended more than seven years before the reference day. */
	olderThanMaxAge: Qualification[];
	referenceDay: LocalDate;
}

const holderKey = (holder: string) => holder.trim().replace(/\s+/g, ' ').toLocaleLowerCase('de-DE');

function zeroByKind(): Record<QualificationKind, number> {
	return Object.fromEntries(QUALIFICATION_KINDS.map((k) => [k, 0])) as Record<QualificationKind, number>;
}

export function summariseQualifications(
	qualifications: readonly Qualification[],
	p: ReviewPeriod,
	today: LocalDate
): QualificationsSummary {
	const entries = qualifications
		.filter((q) => !q.deleted)
		.sort((a, b) => (a.endDate < b.endDate ? 1 : a.endDate > b.endDate ? -1 : 0));
	const referenceDay = qualificationReferenceDay(p, today);
	const hoursByKind = zeroByKind();
	const entriesByKind = zeroByKind();
	const holders = new Map<string, HolderSum>();
	const olderThanMaxAge: Qualification[] = [];
	let completedInPeriod = 0;
	let onlineInPeriod = 0;
	for (const q of entries) {
		if (isInPeriod(q.endDate, p)) {
			completedInPeriod++;
			hoursByKind[q.kind] += q.hours;
			entriesByKind[q.kind]++;
			if (q.online) onlineInPeriod++;
		}
		const key = holderKey(q.holder);
		const sum = holders.get(key) ?? { holder: q.holder.trim(), entries: 0, hours: 0, latest: q.endDate };
		sum.entries++;
		sum.hours += q.hours;
		if (q.endDate > sum.latest) sum.latest = q.endDate;
		holders.set(key, sum);
		if (isOlderThan(q, QUALIFICATION_MAX_AGE_YEARS, referenceDay)) olderThanMaxAge.push(q);
	}
	const hoursInPeriod = QUALIFICATION_KINDS.reduce((sum, k) => sum + hoursByKind[k], 0);
	return {
		entries,
		completedInPeriod,
		hoursInPeriod,
		hoursByKind,
		entriesByKind,
		onlineInPeriod,
		byHolder: [...holders.values()].sort((a, b) => a.holder.localeCompare(b.holder, 'de')),
		olderThanMaxAge,
		referenceDay
	};
}
