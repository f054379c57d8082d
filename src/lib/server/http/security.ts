import type { RequestEvent } from '@sveltejs/kit';
import { ApiError } from './errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The content types a cross-site HTML form (or a "simple" fetch) can send without a CORS preflight. */
const FORM_CONTENT_TYPES = new Set([
	'application/x-www-form-urlencoded',
	'multipart/form-data',
	'text/plain'
]);

/**
 * CSRF defence for /api. The session cookie is SameSite=Lax, and SvelteKit checks the origin only for
 * form posts; on top of that a state-changing request is refused when the browser says it comes from
 * another origin, and form-encodable bodies are refused outright: JSON and raw uploads (octet-stream)
 * need a preflight, which this server never grants to another origin.
 */
export function csrfRejection(event: RequestEvent): ApiError | null {
	const { request, url } = event;
	if (SAFE_METHODS.has(request.method)) return null;
	const origin = request.headers.get('origin');
	if (origin !== null && origin !== url.origin) {
		return new ApiError(403, 'cross_origin', 'Anfrage von einer fremden Seite abgelehnt.');
	}
	if (request.headers.get('sec-fetch-site') === 'cross-site') {
		return new ApiError(403, 'cross_origin', 'Anfrage von einer fremden Seite abgelehnt.');
	}
	const type = request.headers.get('content-type')?.split(';')[0].trim().toLowerCase();
	if (type && FORM_CONTENT_TYPES.has(type)) {
		return new ApiError(415, 'unsupported_media_type', 'Die Anfrage muss als JSON gesendet werden.');
	}
	return null;
}

/** Headers every response gets; /api answers are never cached and never rendered as a page. */
export function applySecurityHeaders(response: Response, url: URL, isApi: boolean): Response {
	const set = (name: string, value: string) => {
		if (!response.headers.has(name)) response.headers.set(name, value);
	};
	try {
		set('x-content-type-options', 'nosniff');
		set('x-frame-options', 'DENY');
		// The set-password link carries its token in the query; never leak it to another site.
		set('referrer-policy', 'same-origin');
		set('cross-origin-opener-policy', 'same-origin');
		set('permissions-policy', 'geolocation=(), microphone=(), payment=(), usb=()');
		if (url.protocol === 'https:') set('strict-transport-security', 'max-age=31536000');
		if (isApi) {
			set('cache-control', 'no-store');
			set('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
		}
		// Pages get theirs from SvelteKit (`kit.csp` in svelte.config.js), with the start script's hash.
	} catch {
		// Responses passed through from fetch() have immutable headers; they keep their own.
	}
	return response;
}
