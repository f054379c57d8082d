import { afterEach, describe, expect, it } from 'vitest';
import { icsFileName, remindersToIcs } from './ics';
import type { Reminder } from './types';

function reminder(overrides: Partial<Reminder>): Reminder {
	return {
		id: 'round:r1:documentsDue',
		kind: 'documentsDue',
		date: '2027-03-01',
		title: 'Unterlagen hochladen',
		detail: 'Rezertifizierung, Frist der Zertifizierungsstelle',
		daysLeft: 30,
		urgency: 'soon',
		link: { to: 'rounds' },
		...overrides
	};
}

const options = {
	facilityId: 'fz-1',
	facilityName: 'Familienzentrum Regenbogen',
	today: '2027-01-30',
	now: new Date('2027-01-30T09:00:00Z')
};

/** RFC 5545 3.1: a line break followed by one space continues the line. */
function unfold(text: string): string[] {
	return text.replace(/\r\n /g, '').split('\r\n');
}

/** The VEVENTs as maps of property (with parameters) to value. */
function events(text: string): Map<string, string>[] {
	const out: Map<string, string>[] = [];
	let current: Map<string, string> | null = null;
	for (const line of unfold(text)) {
		if (line === 'BEGIN:VEVENT') current = new Map();
		else if (line === 'END:VEVENT' && current) {
			out.push(current);
			current = null;
		} else if (current) {
			const colon = line.indexOf(':');
			const key = line.slice(0, colon);
			if (!current.has(key)) current.set(key, line.slice(colon + 1));
		}
	}
	return out;
}

const originalTz = process.env.TZ;
afterEach(() => {
	process.env.TZ = originalTz;
});

describe('remindersToIcs', () => {
	it('writes all-day events with stable UIDs, German summaries and an alarm a week before', () => {
		const text = remindersToIcs(
			[
				reminder({}),
				reminder({
					id: 'seal',
					kind: 'sealExpiry',
					date: '2027-02-02',
					title: 'Gütesiegel läuft ab',
					daysLeft: 3
				})
			],
			options
		);
		expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
		expect(text.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
		const [docs, seal] = events(text);
		expect(docs.get('UID')).toBe('fz-1:round:r1:documentsDue@guetesiegel-mappe');
		expect(docs.get('DTSTART;VALUE=DATE')).toBe('20270301');
		expect(docs.get('DTEND;VALUE=DATE')).toBe('20270302');
		expect(docs.get('SUMMARY')).toBe('Unterlagen hochladen');
		expect(docs.get('DESCRIPTION')).toBe(
			'Rezertifizierung\\, Frist der Zertifizierungsstelle\\n(aus der Gütesiegel-Mappe)'
		);
		expect(docs.get('TRIGGER')).toBe('-P7D');
		expect(docs.get('ACTION')).toBe('DISPLAY');
		// Three days ahead: an alarm a week before would already lie in the past.
		expect(seal.get('SUMMARY')).toBe('Gütesiegel läuft ab');
		expect(seal.has('TRIGGER')).toBe(false);
		expect(text).toContain('X-WR-CALNAME:Gütesiegel – Familienzentrum Regenbogen');
	});

	it('gives the same UID on the next export, with a higher SEQUENCE so apps update the event', () => {
		const first = events(remindersToIcs([reminder({})], options))[0];
		const later = events(
			remindersToIcs([reminder({ date: '2027-03-05' })], { ...options, today: '2027-02-10' })
		)[0];
		expect(later.get('UID')).toBe(first.get('UID'));
		expect(Number(later.get('SEQUENCE'))).toBeGreaterThan(Number(first.get('SEQUENCE')));
	});

	it('leaves out thresholds and dates before today', () => {
		const text = remindersToIcs(
			[
				reminder({ id: 'old', date: '2027-01-29', daysLeft: -1, urgency: 'overdue' }),
				reminder({ id: 'threshold:4B1', kind: 'threshold', date: '2027-07-31', windowStart: '2027-01-01' }),
				reminder({ id: 'today', date: '2027-01-30', daysLeft: 0 })
			],
			options
		);
		expect(events(text).map((e) => e.get('UID'))).toEqual(['fz-1:today@guetesiegel-mappe']);
	});

	it('keeps the day in any time zone, including across the turn of the year', () => {
		for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles', 'Europe/Berlin']) {
			process.env.TZ = tz;
			const [e] = events(
				remindersToIcs([reminder({ date: '2027-12-31' })], { ...options, today: '2027-12-30' })
			);
			expect(e.get('DTSTART;VALUE=DATE')).toBe('20271231');
			expect(e.get('DTEND;VALUE=DATE')).toBe('20280101');
		}
	});

	it('folds long lines at 75 octets without splitting a character', () => {
		const title = `Vereinbarung endet: ${'Familienbildungsstätte Äußere Nordstadt '.repeat(4)}`.trim();
		const text = remindersToIcs([reminder({ title })], options);
		for (const line of text.split('\r\n'))
			expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
		expect(text).toMatch(/\r\n [^\r]/);
		expect(events(text)[0].get('SUMMARY')).toBe(title);
	});

	it('names the file by the day of export', () => {
		expect(icsFileName('2027-01-30')).toBe('guetesiegel-termine-2027-01-30.ics');
	});
});
