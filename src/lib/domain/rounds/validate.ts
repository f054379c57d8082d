import type { z } from 'zod';
import type { LocalDate } from '../dates';
import { certificationRoundInputSchema, type CertificationRoundFields } from './schema';

/** One German message per field („periodEnd“, „siteVisitDate“), as the round form shows them. */
export type RoundFieldErrors = Partial<Record<keyof CertificationRoundFields, string>>;

type DateFields = Pick<
	CertificationRoundFields,
	'periodStart' | 'periodEnd' | 'registrationDate' | 'documentsDue' | 'siteVisitDate' | 'sealValidUntil'
>;

const before = (a: LocalDate | null, b: LocalDate | null) => a !== null && b !== null && a < b;

/**
 * Key dates in an order no round has: most likely a typo (a wrong year), caught before it reaches
 * the reminders. A round runs registration → documents → Prüfzeitraum → site visit → seal.
 */
export function checkRoundDates(round: DateFields): RoundFieldErrors {
	const errors: RoundFieldErrors = {};
	const { periodStart, periodEnd, registrationDate, documentsDue, siteVisitDate, sealValidUntil } = round;
	if (before(periodEnd, periodStart)) errors.periodEnd = 'Das Ende des Prüfzeitraums liegt vor seinem Beginn';
	if (before(periodEnd, registrationDate))
		errors.registrationDate = 'Die Anmeldung liegt nach dem Ende des Prüfzeitraums';
	if (before(documentsDue, registrationDate))
		errors.documentsDue = 'Die Frist für die Unterlagen liegt vor der Anmeldung';
	if (before(siteVisitDate, periodStart))
		errors.siteVisitDate = 'Der Besuch vor Ort liegt vor dem Beginn des Prüfzeitraums';
	else if (before(siteVisitDate, registrationDate))
		errors.siteVisitDate = 'Der Besuch vor Ort liegt vor der Anmeldung';
	if (before(sealValidUntil, periodEnd))
		errors.sealValidUntil = 'Das Gütesiegel endet vor dem Ende des Prüfzeitraums';
	else if (before(sealValidUntil, siteVisitDate))
		errors.sealValidUntil = 'Das Gütesiegel endet vor dem Besuch vor Ort';
	return errors;
}

const REQUIRED: Partial<Record<string, string>> = {
	periodStart: 'Bitte den Beginn des Prüfzeitraums angeben',
	periodEnd: 'Bitte das Ende des Prüfzeitraums angeben'
};

function germanMessage(issue: z.core.$ZodIssue, field: string, value: unknown): string {
	if (value === '' || value === undefined) return REQUIRED[field] ?? 'Bitte eine Angabe machen';
	if (issue.code === 'invalid_format' && issue.format === 'date') return 'Bitte ein gültiges Datum angeben';
	if (issue.code === 'too_big' && issue.origin === 'string')
		return `Bitte höchstens ${issue.maximum} Zeichen`;
	if (issue.code === 'invalid_value') return 'Bitte einen der angebotenen Werte wählen';
	return issue.message;
}

/**
 * Checks what the round form hands in against the one round schema and the order of its dates.
 * Empty optional dates mean „not known yet“ (null).
 */
export function validateRoundFields(
	input: Record<string, unknown>
): { ok: true; value: CertificationRoundFields } | { ok: false; errors: RoundFieldErrors } {
	const cleaned = { ...input };
	for (const key of ['registrationDate', 'documentsDue', 'siteVisitDate', 'sealValidUntil'] as const) {
		if (cleaned[key] === '' || cleaned[key] === undefined) cleaned[key] = null;
	}
	const result = certificationRoundInputSchema.safeParse(cleaned);
	if (!result.success) {
		const errors: Record<string, string> = {};
		for (const issue of result.error.issues) {
			const field = String(issue.path[0] ?? '');
			errors[field] ??= germanMessage(issue, field, cleaned[field]);
		}
		return { ok: false, errors: errors as RoundFieldErrors };
	}
	const errors = checkRoundDates(result.data);
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	return { ok: true, value: result.data };
}
