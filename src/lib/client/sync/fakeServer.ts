import type { PullResponse, PushRequest, PushResponse } from '$lib/domain/sync/protocol';

/** A scripted `fetch` for client sync tests: answers by "METHOD /path", records every request. */
export interface FakeFetch {
	fetch: typeof fetch;
	requests: { method: string; path: string; body: unknown }[];
	/** Answers for a route; a function gets the parsed JSON body (or the raw body for uploads). */
	on(route: string, answer: (body: unknown, url: URL) => Response | Promise<Response>): void;
}

export function jsonResponse(body: unknown, status = 200): Response {
	return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

export function createFakeFetch(): FakeFetch {
	const routes = new Map<string, (body: unknown, url: URL) => Response | Promise<Response>>();
	const fake: FakeFetch = {
		requests: [],
		on: (route, answer) => void routes.set(route, answer),
		fetch: async (input, init) => {
			const url = new URL(String(input), 'http://localhost');
			const method = init?.method ?? 'GET';
			let body: unknown = init?.body;
			if (typeof body === 'string') body = JSON.parse(body);
			fake.requests.push({ method, path: url.pathname, body });
			const pathRoute = `${method} ${url.pathname.replace(/[0-9a-f]{64}$/, ':sha256')}`;
			const answer = routes.get(pathRoute);
			if (!answer) return jsonResponse({ error: { code: 'not_found', message: 'Nicht gefunden.' } }, 404);
			return answer(body, url);
		}
	};
	return fake;
}

/** A fake push endpoint that accepts everything, giving revisions from `firstRevision` on. */
export function acceptAll(firstRevision = 1): (body: unknown) => Response {
	let revision = firstRevision - 1;
	return (body) => {
		const request = body as PushRequest;
		const response: PushResponse = {
			results: request.changes.map((c) => ({ seq: c.seq, status: 'accepted', revision: ++revision })),
			lastSeq: request.changes.at(-1)!.seq
		};
		return jsonResponse(response);
	};
}

export function emptyPull(facilityIds: string[] = ['kita-a']): () => Response {
	return () => jsonResponse({ records: [], facilityIds, cursor: 0, hasMore: false } satisfies PullResponse);
}
