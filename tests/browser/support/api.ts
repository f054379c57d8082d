import type { RunningServer } from '../../../scripts/lib/server.js';

/** One request to a running server's API, as the app sends it (same-origin `origin` header). */
export function callApi(
	server: RunningServer,
	method: string,
	path: string,
	{ cookie, json, bytes }: { cookie?: string; json?: unknown; bytes?: Uint8Array } = {}
): Promise<Response> {
	return fetch(`${server.url}${path}`, {
		method,
		headers: {
			origin: server.url,
			...(cookie ? { cookie } : {}),
			...(json !== undefined ? { 'content-type': 'application/json' } : {}),
			...(bytes ? { 'content-type': 'application/octet-stream' } : {})
		},
		body: json !== undefined ? JSON.stringify(json) : (bytes as Uint8Array<ArrayBuffer> | undefined)
	});
}

/** The `cookie` header that carries a login answer's session onwards. */
export const cookieOf = (response: Response): string =>
	response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
