/** Errors of the workspace services, whose messages are German and meant for the user. */
const USER_FACING_ERRORS = new Set(['RecordValidationError', 'RecordNotFoundError', 'StorageFullError']);

/**
 * A German message for the user from anything an action threw: the service's own message when it
 * is meant for users, otherwise `fallback` (technical messages would only confuse).
 */
export function errorMessage(error: unknown, fallback: string): string {
	if (!(error instanceof Error)) return fallback;
	if (error.name === 'RecordValidationError' && 'issues' in error && Array.isArray(error.issues)) {
		const messages = (error.issues as { message?: unknown }[])
			.map((issue) => issue.message)
			.filter((m): m is string => typeof m === 'string');
		if (messages.length > 0) return `${fallback} ${messages.join(' ')}`;
	}
	if (USER_FACING_ERRORS.has(error.name)) return `${fallback} ${error.message}`;
	if (error.name === 'QuotaExceededError') return `${fallback} Der Speicher des Geräts ist voll.`;
	return fallback;
}
