import type { z } from 'zod';
import { isTimeout, timedFetch, transferTimeoutMs } from '$lib/client/api/timedFetch';
import type { ApiErrorBody } from '$lib/domain/accounts';

export type ApiFailure = ApiErrorBody['error'] & { status: number };
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiFailure };

/**
 * JSON request to the server's /api, answering the parsed body or the server's German error. A
 * network failure becomes an error too, so forms can show it next to what was typed.
 */
export async function apiRequest<T>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
	let response: Response;
	try {
		const json = body === undefined ? undefined : JSON.stringify(body);
		response = await timedFetch()(path, {
			method,
			headers: json === undefined ? {} : { 'content-type': 'application/json' },
			body: json,
			credentials: 'same-origin',
			// A catalogue upload is the largest body sent here.
			timeoutMs: transferTimeoutMs(json?.length ?? 0)
		});
	} catch (error) {
		return {
			ok: false,
			error: {
				status: 0,
				code: 'offline',
				message: isTimeout(error)
					? 'Der Server antwortet nicht. Bitte später noch einmal versuchen; Ihre Eingaben bleiben stehen.'
					: 'Keine Verbindung zum Server. Bitte prüfen Sie die Internetverbindung.'
			}
		};
	}
	const parsed: unknown = await response.json().catch(() => null);
	if (response.ok) return { ok: true, data: parsed as T };
	const error = (parsed as Partial<ApiErrorBody> | null)?.error;
	return {
		ok: false,
		error: {
			status: response.status,
			code: error?.code ?? 'http_error',
			message: error?.message ?? `Der Server hat mit Fehler ${response.status} geantwortet.`,
			issues: error?.issues
		}
	};
}

/** The message for one form field, from the server's issues (first path segment = field name). */
export function fieldError(error: ApiFailure | null, field: string): string | undefined {
	return error?.issues?.find((issue) => issue.path.at(-1) === field || issue.path[0] === field)?.message;
}

/** A form's own validation, in the server's error shape, so both show the same way. */
export function invalidInput(error: z.ZodError, message: string): ApiFailure {
	return {
		status: 400,
		code: 'invalid_request',
		message,
		issues: error.issues.map((issue) => ({
			path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
			message: issue.message
		}))
	};
}
