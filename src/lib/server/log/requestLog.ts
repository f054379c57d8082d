import { randomUUID } from 'node:crypto';

/** An id a proxy may hand on (nginx's `$request_id`, a UUID): letters, digits and `._:-` only. */
const FORWARDED_ID = /^[A-Za-z0-9._:-]{8,128}$/;
const METHOD = /^[A-Z]{1,16}$/;

/**
 * The id that ties a request's log line to its answer (`X-Request-Id`): the reverse proxy's, when it
 * sent one that looks like an id, so its access log and ours name the same request; else a new one.
 */
export function requestIdOf(request: Request): string {
	const forwarded = request.headers.get('x-request-id');
	return forwarded && FORWARDED_ID.test(forwarded) ? forwarded : randomUUID();
}

/** One access-log line. Built from an allow-list, so nothing personal can slip in. */
export interface RequestLogFields {
	requestId: string;
	method: string;
	/**
	 * The route's id (`/api/admin/users/[id]`), never the URL: paths carry ids and the set-password
	 * page's query carries a token. Null when no route matched (404, a probe).
	 */
	route: string | null;
	status: number;
	durationMs: number;
}

export function requestLogFields(
	event: { request: Request; route: { id: string | null } },
	requestId: string,
	status: number,
	durationMs: number
): RequestLogFields {
	const method = event.request.method.toUpperCase();
	return {
		requestId,
		method: METHOD.test(method) ? method : 'OTHER',
		route: event.route.id,
		status,
		durationMs: Math.round(durationMs * 10) / 10
	};
}
