import { formatDateDe } from '$lib/domain/dates';
import type { AgreementAlert } from '$lib/domain/registers/summaries/agreements';
import { hoursOf } from '$lib/domain/registers/summaries/hours';

/** German number formatting for the register sums. */
const integer = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 });

export function formatCount(n: number): string {
	return integer.format(n);
}

/** 150 minutes → "2,5 Std." */
export function formatHours(minutes: number): string {
	return `${oneDecimal.format(hoursOf(minutes))} Std.`;
}

/** 0.75 → "75 %"; null (nothing to share) → "–" */
export function formatShare(share: number | null): string {
	return share === null ? '–' : `${integer.format(Math.round(share * 100))} %`;
}

/** "1 Termin", "3 Termine" */
export { plural } from '$lib/domain/plural';

/** "11 von 12" */
export function formatMonthCount(n: number, of: number): string {
	return `${formatCount(n)} von ${formatCount(of)}`;
}

/** When an agreement ends, as the alerts on the Übersicht and the partner register say it. */
export function describeAgreementAlert(a: AgreementAlert): string {
	if (a.status === 'expired') return `abgelaufen am ${formatDateDe(a.validUntil)}`;
	if (a.status === 'expiringSoon') {
		if (a.daysLeft === 0) return 'endet heute';
		return `endet am ${formatDateDe(a.validUntil)} (in ${a.daysLeft === 1 ? '1 Tag' : `${a.daysLeft} Tagen`})`;
	}
	return `endet am ${formatDateDe(a.validUntil)}, vor der Rezertifizierung`;
}

const twoDecimals = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });

/** Hours as entered, not from minutes: 1 → "1 Stunde", 7.5 → "7,5 Stunden". */
export function formatHourCount(hours: number): string {
	return `${twoDecimals.format(hours)} ${hours === 1 ? 'Stunde' : 'Stunden'}`;
}
