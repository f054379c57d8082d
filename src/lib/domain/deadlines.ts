import type { Evidence } from './records';
import { daysBetween, formatDateDe, type LocalDate } from './dates';

/** The seal needs preparation well ahead of its end: within this many days it counts as 'soon'. */
export const SEAL_SOON_DAYS = 180;
/** Evidence expiring within this many days is listed on the Übersicht. */
export const EVIDENCE_SOON_DAYS = 90;

export type SealExpiryState = 'none' | 'ok' | 'soon' | 'expired';

/**
 * Days from `today` to the seal's last valid day: 0 on that day itself, negative once it has
 * passed, null while no date is known (before the first certification).
 */
export function daysUntilSealExpiry(sealValidUntil: LocalDate | null, today: LocalDate): number | null {
	return sealValidUntil === null ? null : daysBetween(today, sealValidUntil);
}

export function sealExpiryState(sealValidUntil: LocalDate | null, today: LocalDate): SealExpiryState {
	const days = daysUntilSealExpiry(sealValidUntil, today);
	if (days === null) return 'none';
	if (days < 0) return 'expired';
	return days <= SEAL_SOON_DAYS ? 'soon' : 'ok';
}

export type ExpiringEvidenceInput = Pick<
	Evidence,
	'id' | 'title' | 'validUntil' | 'deleted' | 'criterionIds'
>;
export type ExpiringEvidenceItem<T extends ExpiringEvidenceInput> = T & {
	validUntil: LocalDate;
	/** As in `daysUntilSealExpiry`: 0 on the last valid day, negative once expired. */
	daysLeft: number;
};

/**
 * Evidence that runs out soon (within `withinDays`, soonest first) and evidence that has already
 * run out (most recently expired first, since old ones matter less). Deleted items and items
 * without a valid-until date are left out. Ties are ordered by id so lists do not jump around.
 */
export function expiringEvidence<T extends ExpiringEvidenceInput>(
	evidence: readonly T[],
	today: LocalDate,
	withinDays: number = EVIDENCE_SOON_DAYS
): { expiringSoon: ExpiringEvidenceItem<T>[]; expired: ExpiringEvidenceItem<T>[] } {
	const expiringSoon: ExpiringEvidenceItem<T>[] = [];
	const expired: ExpiringEvidenceItem<T>[] = [];
	for (const item of evidence) {
		if (item.deleted || item.validUntil === null) continue;
		const daysLeft = daysBetween(today, item.validUntil);
		const entry = { ...item, validUntil: item.validUntil, daysLeft };
		if (daysLeft < 0) expired.push(entry);
		else if (daysLeft <= withinDays) expiringSoon.push(entry);
	}
	const byId = (a: ExpiringEvidenceInput, b: ExpiringEvidenceInput) =>
		a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
	expiringSoon.sort((a, b) => a.daysLeft - b.daysLeft || byId(a, b));
	expired.sort((a, b) => b.daysLeft - a.daysLeft || byId(a, b));
	return { expiringSoon, expired };
}

function days(n: number): string {
	return n === 1 ? '1 Tag' : `${n} Tage`;
}

/** „noch 23 Tage“, „noch 1 Tag“, „heute“ (last valid day), „seit 3 Tagen abgelaufen“. */
export function formatDaysLeft(n: number): string {
	if (n === 0) return 'heute';
	if (n > 0) return `noch ${days(n)}`;
	return n === -1 ? 'seit 1 Tag abgelaufen' : `seit ${-n} Tagen abgelaufen`;
}

/** A full sentence about the seal for the Übersicht. */
export function sealExpirySentence(sealValidUntil: LocalDate | null, today: LocalDate): string {
	const n = daysUntilSealExpiry(sealValidUntil, today);
	if (sealValidUntil === null || n === null) return 'Noch kein Ablaufdatum des Gütesiegels eingetragen.';
	const date = formatDateDe(sealValidUntil);
	if (n > 0) return `Das Gütesiegel gilt noch ${days(n)} (bis ${date}).`;
	if (n === 0) return `Das Gütesiegel gilt nur noch heute (${date}).`;
	return `Das Gütesiegel ist ${formatDaysLeft(n)} (gültig bis ${date}).`;
}
