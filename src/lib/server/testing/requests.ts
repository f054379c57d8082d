import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { SESSION_COOKIE } from '$lib/server/auth/sessions';
import { handle } from '$lib/server/http/handle';

export const TEST_ORIGIN = 'http://localhost:5173';

type Handler = (event: RequestEvent) => Promise<Response>;

export interface TestRequest {
	method?: string;
	path: string;
	/** Sent as JSON unless `rawBody` is given. */
	body?: unknown;
	rawBody?: string;
	/** Session token for the cookie. */
	token?: string;
	headers?: Record<string, string>;
	params?: Record<string, string>;
	ip?: string;
	/** The route id SvelteKit would have matched, e.g. `/api/admin/users/[id]` (default: none). */
	routeId?: string;
}

export interface SetCookie {
	value: string;
	options: Record<string, unknown>;
}

export interface TestResponse {
	status: number;
	headers: Headers;
	// Tests read whatever the endpoint answered.
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	body: any;
	/** What the handler did to the session cookie: set (with options), deleted (value ''), or nothing. */
	sessionCookie: SetCookie | undefined;
}

/** Just enough of SvelteKit's cookie jar: reads the request's cookies, records what is set. */
function fakeCookies(token: string | undefined, changes: Map<string, SetCookie>): Cookies {
	const jar = new Map<string, string>(token ? [[SESSION_COOKIE, token]] : []);
	return {
		get: (name) => jar.get(name),
		getAll: () => [...jar].map(([name, value]) => ({ name, value })),
		set: (name, value, options) => {
			jar.set(name, value);
			changes.set(name, { value, options: { ...options } });
		},
		delete: (name, options) => {
			jar.delete(name);
			changes.set(name, { value: '', options: { ...options } });
		},
		serialize: () => ''
	};
}

/**
 * Sends a request through the real `handle` hook (CSRF, session, 401 gate, headers) into the given
 * endpoint handler, as SvelteKit would after routing to it.
 */
export async function send(handler: Handler, request: TestRequest): Promise<TestResponse> {
	const method =
		request.method ?? (request.body === undefined && request.rawBody === undefined ? 'GET' : 'POST');
	const url = new URL(request.path, TEST_ORIGIN);
	const headers = new Headers(request.headers);
	let body: string | undefined;
	if (request.rawBody !== undefined) body = request.rawBody;
	else if (request.body !== undefined) {
		body = JSON.stringify(request.body);
		if (!headers.has('content-type')) headers.set('content-type', 'application/json');
	}
	// Browsers send Origin on every fetch that is not a GET or HEAD.
	if (method !== 'GET' && method !== 'HEAD' && !headers.has('origin')) headers.set('origin', TEST_ORIGIN);
	const changes = new Map<string, SetCookie>();
	const event = {
		cookies: fakeCookies(request.token, changes),
		fetch,
		getClientAddress: () => request.ip ?? '192.0.2.1',
		locals: { user: null, session: null },
		params: request.params ?? {},
		platform: undefined,
		request: new Request(url, { method, headers, body }),
		route: { id: request.routeId ?? null },
		setHeaders: () => {},
		url,
		isDataRequest: false,
		isSubRequest: false,
		isRemoteRequest: false
	} as unknown as RequestEvent;
	const response = await handle({ event, resolve: (e) => handler(e) });
	const text = await response.text();
	return {
		status: response.status,
		headers: response.headers,
		body: text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text,
		sessionCookie: changes.get(SESSION_COOKIE)
	};
}
