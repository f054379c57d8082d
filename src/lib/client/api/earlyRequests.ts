/**
 * The request an advisor's page needs first, started by `static/early-requests.js` from the shell
 * while the app's code still loads (about 100 ms of a first render on a loaded laptop; see
 * tests/bench/portfolioRender.js, reviewRender.js). Pages pass `earlyFetch` as the fetch of that
 * request: it hands over the answer already under way, once, and asks the server itself otherwise.
 */

/** What the script leaves on `window`. */
export interface EarlyRequest {
	url: string;
	/** `performance.now()` when it was sent. */
	at: number;
	response: Promise<Response>;
}

export const EARLY_REQUEST_GLOBAL = '__guetesiegelEarlyRequests';

/**
 * Only during the app's start: a page opened later (the advisor comes back to her list an hour
 * after) must show the server's answer of then, not the one the shell asked for.
 */
const FRESH_MS = 10_000;

function takeEarlyRequest(url: string): Promise<Response> | null {
	if (typeof window === 'undefined') return null;
	const holder = window as unknown as Record<string, EarlyRequest | undefined>;
	const early = holder[EARLY_REQUEST_GLOBAL];
	if (!early || early.url !== url) return null;
	delete holder[EARLY_REQUEST_GLOBAL];
	return performance.now() - early.at <= FRESH_MS ? early.response : null;
}

/** `fetch`, answered by the early request when it was for this GET. */
export const earlyFetch: typeof fetch = (input, init) => {
	const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
	const early = (init?.method ?? 'GET') === 'GET' ? takeEarlyRequest(url) : null;
	return early ?? fetch(input, init);
};
