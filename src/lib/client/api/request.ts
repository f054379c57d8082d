import type { z } from 'zod';
import { isTimeout, timedFetch, transferTimeoutMs, type TimedInit } from '$lib/client/api/timedFetch';
import type { ApiErrorBody } from '$lib/domain/accounts';

/** Why a server call failed: the server's German error, or `status` 0 when no answer came. */
export type ApiFailure = ApiErrorBody['error'] & { status: number };
/** What every server call of the client answers. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiFailure };

/** The texts for failures without a message from the server; screens word them for their context. */
export interface FailureTexts {
	offline: string;
	timeout: string;
	status: (status: number) => string;
}

/** The forms' wording: what was typed stays, so the user may try again. */
export const FORM_TEXTS: FailureTexts = {
	offline: 'Keine Verbindung zum Server. Bitte prüfen Sie die Internetverbindung.',
	timeout: 'Der Server antwortet nicht. Bitte später noch einmal versuchen; Ihre Eingaben bleiben stehen.',
	status: (status) => `Der Server hat mit Fehler ${status} geantwortet.`
};

/** The pages' wording when they load what the server holds. */
export const LOAD_TEXTS: FailureTexts = {
	offline: 'Keine Verbindung zum Server.',
	timeout: 'Keine Verbindung zum Server.',
	status: (status) => `Der Server antwortet mit Fehler ${status}.`
};

export interface RequestOptions<T> {
	method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	/** Sent as JSON. */
	body?: unknown;
	/** The deadline; by default the ordinary one plus time to send the body on a slow link. */
	timeoutMs?: number;
	/** Checks the answer's body; null turns a success into a failure (the server sent nonsense). */
	parse?: (body: unknown) => T | null;
	texts?: FailureTexts;
	/** Tests pass a fake server; sync and hand-ins pass `sessionBoundFetch`. */
	fetchFn?: typeof fetch;
}

const browserFetch: typeof fetch = (...args) => fetch(...args);

/**
 * One exchange with the server, cookies included, within its deadline (`timeoutMs`, by default the
 * ordinary one). Rejects when no (complete) answer came; `requestJson` builds on it, and sync uses it
 * directly for file bytes and its own errors.
 */
export function send(path: string, init: TimedInit & { fetchFn?: typeof fetch } = {}): Promise<Response> {
	const { fetchFn = browserFetch, ...rest } = init;
	return timedFetch(fetchFn)(path, { credentials: 'same-origin', ...rest });
}

/**
 * The one JSON request to the server's /api: answers the parsed body or the server's German error.
 * No answer (offline, or none within the deadline) becomes an error too, so a form can show it next
 * to what was typed. A 401 (session expired, or `sessionBoundFetch` refusing for another user) comes
 * back as a failure with that status; callers decide what an expired session means for them.
 */
export async function requestJson<T>(path: string, options: RequestOptions<T> = {}): Promise<ApiResult<T>> {
	const { method = 'GET', body, parse, texts = FORM_TEXTS } = options;
	const json = body === undefined ? undefined : JSON.stringify(body);
	let response: Response;
	try {
		response = await send(path, {
			method,
			headers: json === undefined ? {} : { 'content-type': 'application/json' },
			body: json,
			timeoutMs: options.timeoutMs ?? transferTimeoutMs(json?.length ?? 0),
			fetchFn: options.fetchFn
		});
	} catch (error) {
		const message = isTimeout(error) ? texts.timeout : texts.offline;
		return { ok: false, error: { status: 0, code: 'offline', message } };
	}
	const parsed: unknown = await response.json().catch(() => null);
	if (response.ok && !parse) return { ok: true, data: parsed as T };
	const data = response.ok && parse ? parse(parsed) : null;
	if (data !== null) return { ok: true, data };
	const error = (parsed as Partial<ApiErrorBody> | null)?.error;
	return {
		ok: false,
		error: {
			status: response.status,
			code: typeof error?.code === 'string' ? error.code : 'http_error',
			message: typeof error?.message === 'string' ? error.message : texts.status(response.status),
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
