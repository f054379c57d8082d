import { addDaysTo, daysBetween, parseLocalDate, type LocalDate, type MonthKey } from '../../dates';
import { isInPeriod, type ReviewPeriod } from '../../periods';
import type { OfficeHourPlan, OfficeHourSession, OfficeHourTopic } from '../officeHours';
import { officeHourTopicSchema } from '../officeHours';
import { monthBuckets, monthOf, periodHorizon } from './period';

/** The seal asks for regular office hours; a stretch without any of more than four weeks stands out. */
export const MAX_GAP_DAYS = 28;

export interface OfficeHoursMonth {
	month: MonthKey;
	sessionsHeld: number;
	sessionsPlanned: number;
	minutes: number;
	contacts: number;
}

/** Days without any session held; `from` and `to` are the first and last such day. */
export interface OfficeHoursGap {
	from: LocalDate;
	to: LocalDate;
	days: number;
}

export interface OfficeHoursSummary {
	months: OfficeHoursMonth[];
	sessionsHeld: number;
	minutes: number;
	contacts: number;
	/** Sessions the plans foresee in the whole period. */
	sessionsPlanned: number;
	/** Sessions the plans foresaw up to today (or the period end): what "held" should be measured against. */
	sessionsPlannedSoFar: number;
	monthsWithSessions: number;
	byTopic: Record<OfficeHourTopic, number>;
	/** Stretches of more than four weeks without a session, up to today or the period end. */
	gaps: OfficeHoursGap[];
}

export { hoursOf } from './hours';

function isoWeekday(d: LocalDate): number {
	return parseLocalDate(d).getDay() || 7;
}

/** Each planned session date of the plan within the period, in order. */
export function plannedDates(plan: OfficeHourPlan, p: ReviewPeriod): LocalDate[] {
	const from = plan.validFrom > p.start ? plan.validFrom : p.start;
	const to = plan.validTo !== null && plan.validTo < p.end ? plan.validTo : p.end;
	const dates: LocalDate[] = [];
	if (to < from) return dates;
	let d = addDaysTo(from, (plan.weekday - isoWeekday(from) + 7) % 7);
	while (d <= to) {
		dates.push(d);
		d = addDaysTo(d, 7);
	}
	return dates;
}

/** Gaps of more than four weeks between the period start, each day held, and the horizon. */
export function officeHoursGaps(heldDates: LocalDate[], p: ReviewPeriod, today: LocalDate): OfficeHoursGap[] {
	const horizon = periodHorizon(p, today);
	const gaps: OfficeHoursGap[] = [];
	if (horizon < p.start) return gaps;
	const days = [...new Set(heldDates.filter((d) => d >= p.start && d <= horizon))].sort();
	// Walk from the day before the period (a virtual session) to the day after the horizon.
	let previous = addDaysTo(p.start, -1);
	for (const d of [...days, addDaysTo(horizon, 1)]) {
		const length = daysBetween(previous, d) - 1;
		if (length > MAX_GAP_DAYS)
			gaps.push({ from: addDaysTo(previous, 1), to: addDaysTo(d, -1), days: length });
		previous = d;
	}
	return gaps;
}

export function summariseOfficeHours(
	plans: readonly OfficeHourPlan[],
	sessions: readonly OfficeHourSession[],
	p: ReviewPeriod,
	today: LocalDate
): OfficeHoursSummary {
	const buckets = monthBuckets<OfficeHoursMonth>(p, () => ({
		month: '',
		sessionsHeld: 0,
		sessionsPlanned: 0,
		minutes: 0,
		contacts: 0
	}));
	for (const [month, b] of buckets) b.month = month;
	const byTopic = Object.fromEntries(officeHourTopicSchema.options.map((t) => [t, 0])) as Record<
		OfficeHourTopic,
		number
	>;
	const held: LocalDate[] = [];
	let minutes = 0;
	let contacts = 0;
	for (const s of sessions) {
		if (s.deleted || !isInPeriod(s.date, p)) continue;
		const b = buckets.get(monthOf(s.date));
		if (!b) continue;
		b.sessionsHeld++;
		b.minutes += s.durationMinutes;
		b.contacts += s.contacts;
		minutes += s.durationMinutes;
		contacts += s.contacts;
		byTopic[s.topic]++;
		held.push(s.date);
	}
	const horizon = periodHorizon(p, today);
	let sessionsPlanned = 0;
	let sessionsPlannedSoFar = 0;
	for (const plan of plans) {
		if (plan.deleted) continue;
		for (const d of plannedDates(plan, p)) {
			const b = buckets.get(monthOf(d));
			if (b) b.sessionsPlanned++;
			sessionsPlanned++;
			if (d <= horizon) sessionsPlannedSoFar++;
		}
	}
	const months = [...buckets.values()];
	return {
		months,
		sessionsHeld: held.length,
		minutes,
		contacts,
		sessionsPlanned,
		sessionsPlannedSoFar,
		monthsWithSessions: months.filter((m) => m.sessionsHeld > 0).length,
		byTopic,
		gaps: officeHoursGaps(held, p, today)
	};
}
