import type { Handle, RequestEvent } from '@sveltejs/kit';
import { SESSION_COOKIE, resolveSession } from '$lib/server/auth/sessions';
import { startServer } from '$lib/server/start';
import { errorResponse, unauthenticated } from './errors';
import { createRequestTurns } from '$lib/server/db/throughput/requestTurns';
import { applySecurityHeaders, csrfRejection } from './security';

/** The only /api routes open without a session. */
export const PUBLIC_API_PATHS: ReadonlySet<string> = new Set([
	'/api/health',
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

/** A request takes about a millisecond: turns of a few keep new connections coming in. */
const takeTurn = createRequestTurns(8);

/**
 * Every request: waits its turn (see requestTurns.ts), CSRF check for /api, the session into
 * `locals`, 401 for /api without a session (except the public routes), security headers on the answer.
 */
export const handle: Handle = async ({ event, resolve }) => {
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
};
