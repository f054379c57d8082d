import type { Handle, RequestEvent } from '@sveltejs/kit';
import { SESSION_COOKIE, resolveSession } from '$lib/server/auth/sessions';
import { logger } from '$lib/server/log/logger';
import { requestIdOf, requestLogFields } from '$lib/server/log/requestLog';
import { startServer } from '$lib/server/start';
import { errorResponse, unauthenticated } from './errors';
import { createRequestTurns } from '$lib/server/db/throughput/requestTurns';
import { applySecurityHeaders, csrfRejection } from './security';

/** The only /api routes open without a session. */
export const PUBLIC_API_PATHS: ReadonlySet<string> = new Set([
	'/api/health',
	'/api/deployment',
	'/api/auth/login',
	'/api/auth/set-password',
	'/api/auth/forgot-password',
	'/api/openapi.json'
]);

export function isApiPath(pathname: string): boolean {
	return pathname === '/api' || pathname.startsWith('/api/');
}

async function resolveLocals(event: RequestEvent): Promise<void> {
	event.locals.user = null;
	event.locals.session = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (!token) return;
	const resolved = await resolveSession(await startServer(), token);
	if (resolved) {
		event.locals.user = resolved.user;
		event.locals.session = resolved.session;
	}
}

const HEALTH_ROUTE = '/api/health';

/** A request takes about a millisecond: turns of a few keep new connections coming in. */
const takeTurn = createRequestTurns(8);

/**
 * CSRF check for /api, the session into `locals`, 401 for /api without a session (except the
 * public routes), security headers on the answer.
 */
async function answer(event: RequestEvent, resolve: Parameters<Handle>[0]['resolve']): Promise<Response> {
	await takeTurn();
	const api = isApiPath(event.url.pathname);
	if (api) {
		const rejection = csrfRejection(event);
		if (rejection) return applySecurityHeaders(errorResponse(rejection), event.url, true);
	}
	await resolveLocals(event);
	if (api && !event.locals.user && !PUBLIC_API_PATHS.has(event.url.pathname)) {
		return applySecurityHeaders(errorResponse(unauthenticated()), event.url, true);
	}
	return applySecurityHeaders(await resolve(event), event.url, api);
}

/**
 * Every request: answered as above (after waiting its turn, see requestTurns.ts), with an id in
 * `X-Request-Id` and one access-log line. The duration ends when the headers are ready; a streamed
 * body (the ZIP export) may flow on after it.
 */
export const handle: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const requestId = requestIdOf(event.request);
	event.locals.requestId = requestId;
	let status = 500;
	try {
		const response = await answer(event, resolve);
		status = response.status;
		try {
			response.headers.set('x-request-id', requestId);
		} catch {
			// Responses passed through from fetch() have immutable headers.
		}
		return response;
	} finally {
		const line = requestLogFields(event, requestId, status, performance.now() - started);
		if (status >= 500) logger.error(line, 'request');
		// A balancer or container asks every few seconds; its answers only matter when they fail.
		else if (line.route === HEALTH_ROUTE) logger.debug(line, 'request');
		else logger.info(line, 'request');
	}
};
