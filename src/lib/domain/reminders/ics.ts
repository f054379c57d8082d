import ical, { ICalAlarmType } from 'ical-generator';
import { addDaysTo, daysBetween, type LocalDate } from '../dates';
import type { Reminder } from './types';

/** Calendar apps remind this many days ahead; nearer dates get no alarm (it would lie in the past). */
export const ALARM_DAYS_BEFORE = 7;

export interface IcsOptions {
	facilityId: string;
	facilityName: string;
	today: LocalDate;
	/** DTSTAMP; passed in so the file is reproducible in tests. */
	now: Date;
}

/**
 * The reminders as an iCalendar file (RFC 5545) of all-day events, for the centre's calendar app.
 * Only dates from today on are exported: what is overdue belongs in the app, not in a calendar.
 * Thresholds are left out because their counts change daily and a calendar would keep a stale copy.
 * Each event's UID is the reminder's id (plus the facility), so importing again updates the event
 * instead of adding a second one; SEQUENCE grows with the export day, which apps that compare it
 * need in order to take the newer version.
 */
export function remindersToIcs(reminders: readonly Reminder[], options: IcsOptions): string {
	const name = options.facilityName ? `Gütesiegel – ${options.facilityName}` : 'Gütesiegel-Mappe';
	const calendar = ical({
		name,
		prodId: { company: 'Gütesiegel-Mappe', product: 'Termine und Fristen', language: 'DE' }
	});
	const sequence = Math.max(0, daysBetween('2026-01-01', options.today));
	for (const r of exportedReminders(reminders, options.today)) {
		calendar.createEvent({
			id: `${options.facilityId}:${r.id}@guetesiegel-mappe`,
			sequence,
			stamp: options.now,
			// A date-only string: ical-generator reads it as that day in UTC and writes VALUE=DATE,
			// so the device's time zone cannot shift the day.
			start: r.date,
			// DTEND of an all-day event is exclusive: the next day.
			end: addDaysTo(r.date, 1),
			allDay: true,
			summary: r.title,
			description: `${r.detail}\n(aus der Gütesiegel-Mappe)`,
			alarms:
				daysBetween(options.today, r.date) > ALARM_DAYS_BEFORE
					? [
							{
								type: ICalAlarmType.display,
								trigger: ALARM_DAYS_BEFORE * 24 * 60 * 60,
								description: `In einer Woche: ${r.title}`
							}
						]
					: []
		});
	}
	return calendar.toString();
}

/** The reminders that go into the file: dated ones from today on (see `remindersToIcs`). */
export function exportedReminders(reminders: readonly Reminder[], today: LocalDate): Reminder[] {
	return reminders.filter((r) => r.kind !== 'threshold' && r.date >= today);
}

/** A file name without characters that file systems refuse. */
export function icsFileName(today: LocalDate): string {
	return `guetesiegel-termine-${today}.ics`;
}
