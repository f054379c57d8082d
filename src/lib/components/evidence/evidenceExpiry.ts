import { daysBetween, type LocalDate } from '$lib/domain/dates';
import { EVIDENCE_SOON_DAYS, formatDaysLeft } from '$lib/domain/deadlines';

export interface ExpiryMarker {
	state: 'soon' | 'expired';
	/** „läuft bald ab“ or „abgelaufen“ */
	label: string;
	/** „noch 23 Tage“, „heute“, „seit 3 Tagen“ */
	detail: string;
}

/**
 * The marker beside „Gültig bis“: none while the evidence stays valid for longer than the
 * Übersicht's window, „läuft bald ab“ within it, „abgelaufen“ after its last valid day.
 */
export function expiryMarker(validUntil: LocalDate | null, today: LocalDate): ExpiryMarker | null {
	if (validUntil === null) return null;
	const daysLeft = daysBetween(today, validUntil);
	if (daysLeft < 0) {
		return {
			state: 'expired',
			label: 'abgelaufen',
			detail: daysLeft === -1 ? 'seit 1 Tag' : `seit ${-daysLeft} Tagen`
		};
	}
	if (daysLeft <= EVIDENCE_SOON_DAYS) {
		return { state: 'soon', label: 'läuft bald ab', detail: formatDaysLeft(daysLeft) };
	}
	return null;
}
