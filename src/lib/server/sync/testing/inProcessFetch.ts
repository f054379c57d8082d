import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { getSession } from '$lib/server/auth/handlers';
import { createSession, SESSION_COOKIE } from '$lib/server/auth/sessions';
import type { ServerContext } from '$lib/server/context';
import { handle } from '$lib/server/http/handle';
import { TEST_ORIGIN } from '$lib/server/testing/requests';
import { getAttachment, getPull, headAttachment, postPush, putAttachment } from '$lib/server/sync/handlers';

type Handler = (event: RequestEvent) => Promise<Response>;

/** The sync routes as SvelteKit would route them (see src/routes/api/sync). */
function route(
	method: string,
	pathname: string
): { handler: Handler; params: Record<string, string> } | null {
	if (pathname === '/api/sync/push' && method === 'POST') return { handler: postPush, params: {} };
	if (pathname === '/api/sync/pull' && method === 'GET') return { handler: getPull, params: {} };
	if (pathname === '/api/auth/session' && method === 'GET') return { handler: getSession, params: {} };
	const file = /^\/api\/sync\/attachments\/([^/]+)$/.exec(pathname);
	if (file) {
		const handler = { HEAD: headAttachment, GET: getAttachment, PUT: putAttachment }[method];
		if (handler) return { handler, params: { sha256: decodeURIComponent(file[1]) } };
	}
	return null;
}

function cookiesWith(token: string | null): Cookies {
	const jar = new Map<string, string>(token ? [[SESSION_COOKIE, token]] : []);
	return {
		get: (name) => jar.get(name),
		getAll: () => [...jar].map(([name, value]) => ({ name, value })),
		set: (name, value) => void jar.set(name, value),
		delete: (name) => void jar.delete(name),
		serialize: () => ''
	};
}

export interface InProcessFetch {
	fetch: typeof fetch;
	/** The session cookie the "browser" sends; null for none (as after logout or expiry). */
	token: string | null;
}

/**
 * A `fetch` that hands requests straight to the real sync handlers, through the real `handle` hook
 * (CSRF, session, 401 gate), as a browser with a session cookie would: client and server code meet
 * in one process without a network. Relative URLs resolve against the test origin.
 */
export function inProcessFetch(token: string | null): InProcessFetch {
	const client: InProcessFetch = {
		token,
		fetch: async (input, init) => {
			const request = new Request(
				new URL(input instanceof Request ? input.url : String(input), TEST_ORIGIN),
				{
					...init,
					// Browsers send Origin on every fetch that is not a GET or HEAD.
					headers: withOrigin(init?.headers, init?.method),
					...(init?.body instanceof ReadableStream ? { duplex: 'half' } : {})
				} as RequestInit
			);
			const url = new URL(request.url);
			const target = route(request.method, url.pathname);
			if (!target) return new Response('not found', { status: 404 });
			const event = {
				cookies: cookiesWith(client.token),
				fetch,
				getClientAddress: () => '192.0.2.1',
				locals: { user: null, session: null },
				params: target.params,
				platform: undefined,
				request,
				route: { id: null },
				setHeaders: () => {},
				url,
				isDataRequest: false,
				isSubRequest: false,
				isRemoteRequest: false
			} as unknown as RequestEvent;
			return handle({ event, resolve: (e) => target.handler(e) });
		}
	};
	return client;
}

function withOrigin(headers: HeadersInit | undefined, method = 'GET'): Headers {
	const result = new Headers(headers);
	if (method !== 'GET' && method !== 'HEAD' && !result.has('origin')) result.set('origin', TEST_ORIGIN);
	return result;
}

/** A signed-in "browser" for the given user. */
export async function signedIn(ctx: ServerContext, userId: string): Promise<InProcessFetch> {
	const { token } = await createSession(ctx, userId);
	return inProcessFetch(token);
}
