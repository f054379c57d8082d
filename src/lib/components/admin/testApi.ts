import { vi } from 'vitest';
import type { ApiErrorBody, Facility, SessionResponse, UserSummary } from '$lib/domain/accounts';

/**
 * Test helpers for the account pages: a stubbed `fetch` that answers like the server does (JSON,
 * errors as `{ error: { code, message, issues? } }`) and records what the page sent.
 */

export interface SentRequest {
	method: string;
	url: string;
	body: unknown;
}

type Answer = (body: unknown, url: string) => Response | Promise<Response>;

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
	return new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/json', ...headers }
	});
}

/** Answers with the body, always the same. */
export const answer =
	(body: unknown, status = 200): Answer =>
	() =>
		jsonResponse(status, body);

/** Answers with the server's error shape. */
export const refuse =
	(
		status: number,
		code: string,
		message: string,
		issues?: NonNullable<ApiErrorBody['error']['issues']>,
		headers: Record<string, string> = {}
	): Answer =>
	() =>
		jsonResponse(status, { error: issues ? { code, message, issues } : { code, message } }, headers);

/**
 * Stubs `fetch` with answers keyed by `"METHOD /path"` (the query string is ignored unless the key
 * has one); anything else answers 404 as the server would.
 */
export function stubServer(routes: Record<string, Answer>) {
	const sent: SentRequest[] = [];
	const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
		const url = String(input);
		const method = init?.method ?? 'GET';
		const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
		sent.push({ method, url, body });
		const route = routes[`${method} ${url}`] ?? routes[`${method} ${url.split('?')[0]}`];
		return route
			? route(body, url)
			: jsonResponse(404, { error: { code: 'not_found', message: 'Nicht gefunden.' } });
	});
	vi.stubGlobal('fetch', fetchMock);
	return {
		sent,
		/** What was sent with this method to this path (query ignored). */
		to: (method: string, path: string) =>
			sent.filter((r) => r.method === method && r.url.split('?')[0] === path).map((r) => r.body),
		/** Requests that change something, i.e. everything but GET. */
		changes: () => sent.filter((r) => r.method !== 'GET')
	};
}

export const sonnenblume: Facility = {
	id: 'demo-sonnenblume',
	name: 'Kita Sonnenblume',
	familienzentrum: 'Familienzentrum Sonnenblume',
	createdAt: '2026-08-01T08:00:00.000Z'
};

export const regenbogen: Facility = {
	id: 'demo-regenbogen',
	name: 'Familienzentrum Regenbogen',
	familienzentrum: 'Familienzentrum Regenbogen',
	createdAt: '2026-08-01T08:00:00.000Z'
};

export function aUser(overrides: Partial<UserSummary> = {}): UserSummary {
	return {
		id: 'u-team',
		email: 'team@demo.example',
		displayName: 'Tina Team',
		role: 'team',
		disabled: false,
		hasPassword: true,
		facilityIds: [sonnenblume.id],
		createdAt: '2026-08-01T08:00:00.000Z',
		...overrides
	};
}

export function aSession(overrides: Partial<SessionResponse['user']> = {}): SessionResponse {
	return {
		user: {
			id: 'u-admin',
			email: 'admin@demo.example',
			displayName: 'Anna Admin',
			role: 'admin',
			facilities: [],
			...overrides
		},
		expiresAt: '2026-12-24T08:00:00.000Z'
	};
}
