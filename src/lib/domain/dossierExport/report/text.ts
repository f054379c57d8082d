import { formatDateDe, type LocalDate } from '../../dates';

/**
 * Dates and times as the report prints them. Times are shown in German time whatever the clock of
 * the machine that renders: the device and the server must print the same report for one version.
 */

const berlin = new Intl.DateTimeFormat('de-DE', {
	timeZone: 'Europe/Berlin',
	day: '2-digit',
	month: '2-digit',
	year: 'numeric',
	hour: '2-digit',
	minute: '2-digit'
});

/** „21.11.2026, 14:05 Uhr“ (German time) for an ISO timestamp; the text as given if it is none. */
export function dateTimeDe(iso: string): string {
	const d = new Date(iso);
	if (Number.isNaN(d.getTime())) return iso;
	return `${berlin.format(d)} Uhr`;
}

/** „21.11.2026“, or „–“ for no date. */
export function dateDe(d: LocalDate | null | undefined): string {
	if (!d) return '–';
	try {
		return formatDateDe(d);
	} catch {
		return d;
	}
}
