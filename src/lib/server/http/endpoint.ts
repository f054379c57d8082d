import type { RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import type { Role, SessionUser } from '$lib/domain/accounts';
import type { ServerContext } from '$lib/server/context';
import { logger } from '$lib/server/log/logger';
import { startServer } from '$lib/server/start';
import { ApiError, badRequest, errorResponse, forbidden, unauthenticated, zodIssues } from './errors';
import { jsonTextProblem, MAX_ANONYMOUS_JSON_BYTES, MAX_JSON_BYTES, readLimitedText } from './jsonLimits';

/**
 * Wraps a JSON endpoint: hands it the server context and turns thrown ApiErrors (and anything
 * unexpected) into the `{ error: { code, message } }` shape every client reads.
 */
export function endpoint<E extends RequestEvent>(
	handler: (event: E, ctx: ServerContext) => Promise<Response>
): (event: E) => Promise<Response> {
	return async (event) => {
		try {
			return await handler(event, await startServer());
		} catch (error) {
			if (error instanceof ApiError) return errorResponse(error);
			logger.error(
				{ err: error, requestId: event.locals.requestId, route: event.route.id },
				'request failed'
			);
			return errorResponse(
				new ApiError(
					500,
					'internal',
					'Auf dem Server ist ein Fehler aufgetreten. Bitte später erneut versuchen.'
				)
			);
		}
	};
}

function isJson(request: Request): boolean {
	const type = request.headers.get('content-type')?.split(';')[0].trim().toLowerCase();
	return type === 'application/json';
}

export interface JsonLimits {
	/** Largest body in bytes (default `MAX_JSON_BYTES`, `MAX_ANONYMOUS_JSON_BYTES` without a session). */
	maxBytes?: number;
	/**
	 * Whether strings may hold NUL: only where every string is stored inside JSON text (sync values,
	 * dossier snapshots), never as a column of its own, which PostgreSQL would refuse.
	 */
	allowNul?: boolean;
}

/**
 * The request body, parsed as JSON and validated; 415 for other content types, 400 for bad input,
 * including a body too large or too deeply nested (docs/server.md, "API").
 */
export async function readJson<S extends z.ZodType>(
	event: RequestEvent,
	schema: S,
	limits: JsonLimits = {}
): Promise<z.output<S>> {
	if (!isJson(event.request)) {
		throw new ApiError(415, 'unsupported_media_type', 'Die Anfrage muss als JSON gesendet werden.');
	}
	// The routes open without a session (login, set-password) take small bodies only.
	const maxBytes = limits.maxBytes ?? (event.locals.user ? MAX_JSON_BYTES : MAX_ANONYMOUS_JSON_BYTES);
	const text = await readLimitedText(event.request, maxBytes);
	if (text === null) {
		throw new ApiError(400, 'too_large', `Die Anfrage ist zu groß (höchstens ${sizeDe(maxBytes)}).`);
	}
	const problem = jsonTextProblem(text);
	if (problem === 'too_deep') {
		throw new ApiError(400, 'too_deep', 'Die Anfrage ist zu tief verschachtelt.');
	}
	if (problem === 'nul' && !limits.allowNul) {
		throw badRequest('Die Eingaben enthalten ein unzulässiges Steuerzeichen (NUL).');
	}
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		throw badRequest('Die Anfrage enthält kein gültiges JSON.');
	}
	const result = schema.safeParse(body);
	if (!result.success)
		throw badRequest('Die Eingaben sind unvollständig oder ungültig.', zodIssues(result.error));
	return result.data;
}

/** 8 MB, 64 KB: the limits are whole numbers of either. */
function sizeDe(bytes: number): string {
	return bytes >= 1024 * 1024 ? `${Math.floor(bytes / 1024 / 1024)} MB` : `${Math.floor(bytes / 1024)} KB`;
}

export function requireUser(event: RequestEvent): SessionUser {
	if (!event.locals.user) throw unauthenticated();
	return event.locals.user;
}

export function requireRole(event: RequestEvent, ...roles: Role[]): SessionUser {
	const user = requireUser(event);
	if (!roles.includes(user.role)) throw forbidden();
	return user;
}

export function json(data: unknown, init: ResponseInit = {}): Response {
	const headers = new Headers(init.headers);
	headers.set('content-type', 'application/json');
	return new Response(JSON.stringify(data), { ...init, headers });
}
