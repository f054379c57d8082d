import { describe, expect, it } from 'vitest';
import { dateText, dueCount, dueSentence, groupByMonth, isDue, plural, whenText } from './format';
import type { Reminder } from './types';

function reminder(overrides: Partial<Reminder>): Reminder {
	return {
		id: 'x',
		kind: 'documentsDue',
		date: '2027-03-01',
		title: 'Unterlagen hochladen',
		detail: '',
		daysLeft: 10,
		urgency: 'soon',
		link: { to: 'rounds' },
		...overrides
	};
}

describe('reminder texts', () => {
	it('use German singular and plural', () => {
		expect(plural(1, 'Frist', 'Fristen')).toBe('1 Frist');
		expect(plural(2, 'Frist', 'Fristen')).toBe('2 Fristen');
		expect(plural(0, 'Frist', 'Fristen')).toBe('0 Fristen');
		expect(dueSentence(0)).toBe('Zurzeit ist keine Frist fällig.');
		expect(dueSentence(1)).toBe('1 Frist ist fällig.');
		expect(dueSentence(3)).toBe('3 Fristen sind fällig.');
	});

	it('say when, relative to today', () => {
		expect(whenText({ kind: 'documentsDue', daysLeft: 0 })).toBe('heute');
		expect(whenText({ kind: 'documentsDue', daysLeft: 1 })).toBe('morgen');
		expect(whenText({ kind: 'siteVisit', daysLeft: 12 })).toBe('in 12 Tagen');
		expect(whenText({ kind: 'evidence', daysLeft: -1 })).toBe('seit 1 Tag abgelaufen');
		expect(whenText({ kind: 'agreement', daysLeft: -3 })).toBe('seit 3 Tagen abgelaufen');
		expect(whenText({ kind: 'threshold', daysLeft: 1 })).toBe('Zeitraum endet in 1 Tag');
		expect(whenText({ kind: 'threshold', daysLeft: 0 })).toBe('Zeitraum endet heute');
	});

	it('write a day or a window', () => {
		expect(dateText({ date: '2027-07-31' })).toBe('31.07.2027');
		expect(dateText({ date: '2027-07-31', windowStart: '2027-01-01' })).toBe('01.01.2027 – 31.07.2027');
	});
});

describe('due count for the badge', () => {
	it('counts overdue and due within 14 days, a threshold when its window ends by then', () => {
		expect(isDue(reminder({ daysLeft: -40 }))).toBe(true);
		expect(isDue(reminder({ daysLeft: 14 }))).toBe(true);
		expect(isDue(reminder({ daysLeft: 15 }))).toBe(false);
		expect(isDue(reminder({ kind: 'threshold', daysLeft: 100 }))).toBe(false);
		expect(isDue(reminder({ kind: 'threshold', daysLeft: 14 }))).toBe(true);
		expect(
			dueCount([reminder({ daysLeft: 3 }), reminder({ daysLeft: 20 }), reminder({ kind: 'threshold' })])
		).toBe(2);
	});
});

describe('groupByMonth', () => {
	it('puts overdue reminders first, then one group per month, and leaves thresholds out', () => {
		const groups = groupByMonth([
			reminder({ id: 'a', date: '2026-12-20', daysLeft: -5, urgency: 'overdue', kind: 'evidence' }),
			reminder({ id: 'b', date: '2026-12-31', daysLeft: 6 }),
			reminder({ id: 'c', date: '2027-01-01', daysLeft: 7 }),
			reminder({ id: 't', kind: 'threshold', date: '2027-01-31' }),
			reminder({ id: 'd', date: '2027-01-20', daysLeft: 26 })
		]);
		expect(groups.map((g) => [g.label, g.reminders.map((r) => r.id)])).toEqual([
			['Überfällig', ['a']],
			['Dezember 2026', ['b']],
			['Januar 2027', ['c', 'd']]
		]);
	});
});
