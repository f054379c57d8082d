import type { Reminder } from '$lib/domain/reminders/types';

/** A reminder for component tests: a round date ten days ahead unless overridden. */
export function makeReminder(overrides: Partial<Reminder> = {}): Reminder {
	return {
		id: `round:r1:${overrides.kind ?? 'documentsDue'}:${overrides.date ?? '2027-03-11'}`,
		kind: 'documentsDue',
		date: '2027-03-11',
		title: 'Unterlagen hochladen',
		detail: 'Rezertifizierung, Frist der Zertifizierungsstelle',
		daysLeft: 10,
		urgency: 'soon',
		link: { to: 'rounds' },
		...overrides
	};
}

export const weekendShortfall = makeReminder({
	id: 'threshold:4B1:w:2027-01-01:',
	kind: 'threshold',
	date: '2027-07-31',
	windowStart: '2027-01-01',
	title: '4B1: 0 von 1 in diesem Halbjahr',
	detail: 'Wochenendangebot · 1. Halbjahr 2027 (1. Jan – 31. Jul)',
	// The half-year ends in 12 days: due for the badge.
	daysLeft: 12,
	urgency: 'soon',
	link: { to: 'criterion', criterionId: '4B1' }
});
