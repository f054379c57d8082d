import type { LocalDate } from '../dates';

/** A threshold not yet reached in today's window, as the readiness engine reports it. */
export type { ThresholdShortfall } from '../requirements/shortfallText';

export type ReminderKind =
	| 'registration'
	| 'documentsDue'
	| 'periodStart'
	| 'periodEnd'
	| 'siteVisit'
	| 'sealExpiry'
	| 'agreement'
	| 'arrangement'
	| 'evidence'
	| 'threshold';

/** overdue: the day has passed; soon: within 30 days (today included); later: after that. */
export type Urgency = 'overdue' | 'soon' | 'later';

/** Where the user acts on a reminder; the UI turns it into a path. */
export type ReminderLink =
	| { to: 'criterion'; criterionId: string }
	| { to: 'register'; segment: 'partner' | 'praevention' | 'kindertagespflege' }
	| { to: 'criteria' }
	| { to: 'facility' }
	| { to: 'rounds' };

export interface Reminder {
	/** Stable across runs and devices: the `.ics` UID and the de-duplication key are built from it. */
	id: string;
	kind: ReminderKind;
	/** The day it is due; for a threshold the last day of its window. */
	date: LocalDate;
	/** Threshold shortfalls: the first day of the window that `date` ends. */
	windowStart?: LocalDate;
	/** German, short: „Unterlagen hochladen“, „4B1: 0 von 1 in diesem Halbjahr“. */
	title: string;
	/** German, what it concerns: the partner, the evidence's criterion, the window. */
	detail: string;
	/** Calendar days from today to `date`: 0 on the day, negative once passed. */
	daysLeft: number;
	urgency: Urgency;
	link: ReminderLink;
}
