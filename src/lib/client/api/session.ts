import { timedFetch } from '$lib/client/api/timedFetch';
import { sessionResponseSchema, type SessionResponse } from '$lib/domain/accounts';

/** What the server says about this browser's session. */
export type SessionCheck =
	| { kind: 'valid'; session: SessionResponse }
	/** The server answered: no valid session (expired, ended, account locked). */
	| { kind: 'expired' }
	/** No answer (in time): offline or the server is down. Nothing is known; nothing changes. */
	| { kind: 'unreachable' };

export type FetchFn = typeof fetch;
const browserFetch: FetchFn = (...args) => fetch(...args);

export async function checkSession(fetchFn: FetchFn = browserFetch): Promise<SessionCheck> {
	let response: Response;
	try {
		response = await timedFetch(fetchFn)('/api/auth/session', { credentials: 'same-origin' });
	} catch {
		return { kind: 'unreachable' };
	}
	if (response.status === 401) return { kind: 'expired' };
	if (!response.ok) return { kind: 'unreachable' };
	const parsed = sessionResponseSchema.safeParse(await response.json().catch(() => null));
	return parsed.success ? { kind: 'valid', session: parsed.data } : { kind: 'unreachable' };
}

/** Ends the session on the server. False when the server could not be reached. */
export async function logoutOnServer(fetchFn: FetchFn = browserFetch): Promise<boolean> {
	try {
		const response = await timedFetch(fetchFn)('/api/auth/logout', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{}',
			credentials: 'same-origin'
		});
		// 401: the session had ended already, which is what logging out wants.
		return response.ok || response.status === 401;
	} catch {
		return false;
	}
}
