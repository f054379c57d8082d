import { requestJson } from '$lib/client/api/request';
import {
	sessionResponseSchema,
	type LoginRequest,
	type SessionResponse,
	type SetPasswordRequest
} from '$lib/domain/accounts';
import { passwordLinkCheckSchema, type PasswordLinkCheck } from '$lib/domain/passwordLinkState';

/** What the server says about this browser's session. */
export type SessionCheck =
	| { kind: 'valid'; session: SessionResponse }
	/** The server answered: no valid session (expired, ended, account locked). */
	| { kind: 'expired' }
	/** No answer (in time): offline or the server is down. Nothing is known; nothing changes. */
	| { kind: 'unreachable' };

export type FetchFn = typeof fetch;

export async function checkSession(fetchFn?: FetchFn): Promise<SessionCheck> {
	const result = await requestJson('/api/auth/session', {
		parse: (body) => sessionResponseSchema.safeParse(body).data ?? null,
		fetchFn
	});
	if (result.ok) return { kind: 'valid', session: result.data };
	return result.error.status === 401 ? { kind: 'expired' } : { kind: 'unreachable' };
}

/** Ends the session on the server. False when the server could not be reached. */
export async function logoutOnServer(fetchFn?: FetchFn): Promise<boolean> {
	const result = await requestJson('/api/auth/logout', { method: 'POST', body: {}, fetchFn });
	// 401: the session had ended already, which is what logging out wants.
	return result.ok || result.error.status === 401;
}

/** The session as the server sees it (the administration asks, it works online only). */
export function fetchSession() {
	return requestJson<SessionResponse>('/api/auth/session');
}

export function login(request: LoginRequest) {
	return requestJson<SessionResponse>('/api/auth/login', { method: 'POST', body: request });
}

/** Sets the password with a one-time link's token; answers the account's email to log in with. */
export function setPassword(request: SetPasswordRequest) {
	return requestJson<{ ok: true; email: string }>('/api/auth/set-password', {
		method: 'POST',
		body: request
	});
}

/** Whether a one-time link still works, asked when a device opens it (online only). */
export function checkPasswordLink(token: string) {
	return requestJson<PasswordLinkCheck>(`/api/auth/set-password?token=${encodeURIComponent(token)}`, {
		parse: (body) => passwordLinkCheckSchema.safeParse(body).data ?? null
	});
}
