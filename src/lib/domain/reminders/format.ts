import { plural } from '../plural';
import { formatDateDe, formatMonthDe, monthKey, type MonthKey } from '../dates';
import type { Reminder, ReminderKind, Urgency } from './types';

/** A reminder counts for the app badge when it is overdue or due within this many days. */
export const BADGE_DAYS = 14;

/** „1 Frist“, „2 Fristen“ */
export { plural } from '../plural';

export const urgencyLabels: Record<Urgency, string> = {
	overdue: 'Überfällig',
	soon: 'Bald fällig',
	later: 'Später'
};

/** Kinds whose date is an end: once passed, the thing has run out. */
const ENDS: ReadonlySet<ReminderKind> = new Set(['sealExpiry', 'agreement', 'arrangement', 'evidence']);

function days(n: number): string {
	return plural(n, 'Tag', 'Tage');
}

/** When, relative to today: „heute“, „morgen“, „in 5 Tagen“, „seit 3 Tagen abgelaufen“. */
export function whenText(r: Pick<Reminder, 'daysLeft' | 'kind'>): string {
	const n = r.daysLeft;
	if (r.kind === 'threshold') {
		if (n < 0) return 'Zeitraum vorbei';
		return n === 0 ? 'Zeitraum endet heute' : `Zeitraum endet in ${n === 1 ? '1 Tag' : `${n} Tagen`}`;
	}
	if (n === 0) return 'heute';
	if (n === 1) return 'morgen';
	if (n > 1) return `in ${n} Tagen`;
	if (ENDS.has(r.kind)) return n === -1 ? 'seit 1 Tag abgelaufen' : `seit ${-n} Tagen abgelaufen`;
	return n === -1 ? 'gestern' : `vor ${days(-n)}`;
}

/** The day or window, written out: „21.11.2026“, „01.01.2027 – 31.07.2027“. */
export function dateText(r: Pick<Reminder, 'date' | 'windowStart'>): string {
	return r.windowStart ? `${formatDateDe(r.windowStart)} – ${formatDateDe(r.date)}` : formatDateDe(r.date);
}

/**
 * What the app badge counts: overdue or due within 14 days. A threshold is due when its window
 * (month, half-year) ends within 14 days: a new centre would otherwise start with a badge full of
 * counts it cannot have reached yet.
 */
export function isDue(r: Pick<Reminder, 'daysLeft' | 'kind'>): boolean {
	return r.daysLeft <= BADGE_DAYS;
}

export function dueCount(reminders: readonly Reminder[]): number {
	return reminders.filter(isDue).length;
}

export interface ReminderGroup {
	/** 'overdue', or the month `yyyy-MM` of the dates in it. */
	key: 'overdue' | MonthKey;
	label: string;
	reminders: Reminder[];
}

/**
 * Dated reminders (thresholds are shown apart) for the calendar: the overdue ones first in one
 * group, then one group per month, in the order given (collectReminders sorts by day).
 */
export function groupByMonth(reminders: readonly Reminder[]): ReminderGroup[] {
	const groups: ReminderGroup[] = [];
	const byKey = new Map<string, ReminderGroup>();
	for (const r of reminders) {
		if (r.kind === 'threshold') continue;
		const key = r.urgency === 'overdue' ? 'overdue' : monthKey(r.date);
		let group = byKey.get(key);
		if (!group) {
			group = { key, label: key === 'overdue' ? 'Überfällig' : formatMonthDe(key), reminders: [] };
			byKey.set(key, group);
			groups.push(group);
		}
		group.reminders.push(r);
	}
	// Overdue reminders come first in date order anyway; this keeps the group first when none is.
	return groups.sort((a, b) => (a.key === 'overdue' ? -1 : b.key === 'overdue' ? 1 : 0));
}

/** „1 Frist ist fällig.“, „2 Fristen sind fällig.“ – for the badge's number, in words. */
export function dueSentence(n: number): string {
	if (n === 0) return 'Zurzeit ist keine Frist fällig.';
	return `${plural(n, 'Frist', 'Fristen')} ${n === 1 ? 'ist' : 'sind'} fällig.`;
}
