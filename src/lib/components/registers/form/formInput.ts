import type { z } from 'zod';
import { de } from 'zod/locales';

/**
 * Helpers between what a register form holds (strings exactly as typed, so nothing is lost when
 * validation fails) and what the shared zod schemas check.
 */

const germanErrors = de().localeError;

export type FieldErrors = Record<string, string | undefined>;

/** A count field as typed → a number for the schema; "" → undefined ("bitte angeben"), "2,5" → 2.5. */
export function countFromInput(text: string): number | undefined {
	const t = text.trim();
	if (t === '') return undefined;
	return /^-?\d+([.,]\d+)?$/.test(t) ? Number(t.replace(',', '.')) : Number.NaN;
}

/** An optional date field: empty means "no date". */
export function optionalDate(text: string): string | null {
	return text === '' ? null : text;
}

/** First message per field path ("sessions.2.participants"), in German. */
export function fieldErrorsOf(
	issues: readonly { path: PropertyKey[] | string; message: string }[]
): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of issues) {
		const key = typeof issue.path === 'string' ? issue.path : issue.path.map(String).join('.');
		errors[key] ??= issue.message;
	}
	return errors;
}

/** Validates with the schema's own German messages, zod's German locale for the rest. */
export function validateFields<S extends z.ZodType>(
	schema: S,
	candidate: unknown
): { ok: true; value: z.output<S> } | { ok: false; errors: FieldErrors } {
	const result = schema.safeParse(candidate, { error: germanErrors });
	return result.success
		? { ok: true, value: result.data }
		: { ok: false, errors: fieldErrorsOf(result.error.issues) };
}

/** A German message for anything a save threw: the service's own message when meant for users. */
export function saveErrorMessage(error: unknown): string {
	const fallback = 'Der Eintrag konnte nicht gespeichert werden.';
	if (!(error instanceof Error)) return fallback;
	if (['RecordValidationError', 'RecordNotFoundError', 'StorageFullError'].includes(error.name)) {
		return `${fallback} ${error.message}`;
	}
	return fallback;
}

/** Field errors carried by a `RecordValidationError` from a service, if that is what was thrown. */
export function fieldErrorsFromSave(error: unknown): FieldErrors | null {
	if (error instanceof Error && error.name === 'RecordValidationError' && 'issues' in error) {
		const issues = error.issues as { path: string; message: string }[];
		return fieldErrorsOf(issues);
	}
	return null;
}
