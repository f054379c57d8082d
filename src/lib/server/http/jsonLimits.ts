/**
 * Limits of JSON request bodies, checked on the text before it is parsed: a body too deeply nested
 * would overflow the stack where values are copied or serialised recursively (zod, JSON.stringify),
 * and a NUL character cannot be stored in a PostgreSQL text column.
 */

/** Largest JSON body; a push of 500 changes or a dossier stays well below it. */
export const MAX_JSON_BYTES = 8 * 1024 * 1024;

/** Largest JSON body without a session: a login or a new password is a few hundred bytes. */
export const MAX_ANONYMOUS_JSON_BYTES = 64 * 1024;

/** Deepest nesting of objects and arrays; the app's own requests stay below 12. */
export const MAX_JSON_DEPTH = 64;

export type JsonTextProblem = 'too_deep' | 'nul';

const QUOTE = 34;
const BACKSLASH = 92;
const LOWER_U = 117;
const OPEN_BRACE = 123;
const OPEN_BRACKET = 91;
const CLOSE_BRACE = 125;
const CLOSE_BRACKET = 93;

/**
 * What is wrong with JSON text beyond syntax (which `JSON.parse` checks): nesting deeper than
 * `maxDepth`, or a NUL character (`\u0000`) in a string or key. One pass, no recursion.
 */
export function jsonTextProblem(text: string, maxDepth = MAX_JSON_DEPTH): JsonTextProblem | null {
	let depth = 0;
	let inString = false;
	let nul = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === BACKSLASH) {
				if (text.charCodeAt(i + 1) === LOWER_U && text.startsWith('0000', i + 2)) nul = true;
				i++;
			} else if (c === QUOTE) inString = false;
			else if (c === 0) nul = true;
		} else if (c === QUOTE) inString = true;
		else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
			if (++depth > maxDepth) return 'too_deep';
		} else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
	}
	return nul ? 'nul' : null;
}

/** The body as text, refusing (with `null`) one longer than `maxBytes` without reading all of it. */
export async function readLimitedText(request: Request, maxBytes: number): Promise<string | null> {
	const declared = Number(request.headers.get('content-length') ?? 0);
	if (declared > maxBytes) {
		await request.body?.cancel().catch(() => {});
		return null;
	}
	if (!request.body) return '';
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		total += value.byteLength;
		if (total > maxBytes) {
			await reader.cancel().catch(() => {});
			return null;
		}
		chunks.push(value);
	}
	const bytes = new Uint8Array(total);
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return new TextDecoder().decode(bytes);
}
