/**
 * Every request the app makes has a deadline. Without one, a request hanging on a captive-portal
 * Wi-Fi (joined, but nothing gets through) would never end: sync would hold its lock and show
 * „wird synchronisiert“ forever.
 */

/** How long an ordinary request may take, its answer's body included. */
export const REQUEST_TIMEOUT_MS = 30_000;
/** The slowest link a file transfer must get through: a weak mobile connection, about 400 kbit/s. */
const SLOW_LINK_BYTES_PER_SECOND = 50_000;

/** A deadline for sending or receiving this many bytes: the ordinary one plus time on a slow link. */
export function transferTimeoutMs(bytes: number): number {
	return REQUEST_TIMEOUT_MS + Math.ceil((bytes / SLOW_LINK_BYTES_PER_SECOND) * 1000);
}

/** True for the error a request ends with when its deadline passed. */
export function isTimeout(error: unknown): boolean {
	return error instanceof Error && error.name === 'TimeoutError';
}

/** Bytes of the answer's body received so far, and its size when the server said (else null). */
export type BodyProgress = (received: number, total: number | null) => void;

export type TimedInit = RequestInit & { timeoutMs?: number; onBodyProgress?: BodyProgress };
export type TimedFetch = (input: RequestInfo | URL, init?: TimedInit) => Promise<Response>;

const browserFetch: typeof fetch = (...args) => fetch(...args);
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * `fetch` with a deadline (`timeoutMs`, default 30 s) for the whole exchange: the answer's body is
 * read within it too, so a server that sends headers and then stalls cannot hang the caller. When
 * the deadline passes the promise rejects with a `TimeoutError`, even if the underlying fetch (a
 * test's stub) ignores the abort signal.
 */
export function timedFetch(fetchFn: typeof fetch = browserFetch): TimedFetch {
	return async (input, init = {}) => {
		const { timeoutMs = REQUEST_TIMEOUT_MS, onBodyProgress, ...rest } = init;
		const deadline = AbortSignal.timeout(timeoutMs);
		const signal = rest.signal ? AbortSignal.any([rest.signal, deadline]) : deadline;
		const abandoned = new Promise<never>((_, reject) => {
			if (signal.aborted) reject(signal.reason);
			signal.addEventListener('abort', () => reject(signal.reason), { once: true });
		});
		// The deadline fires later whatever happens; nobody waits for it then.
		abandoned.catch(() => {});
		const exchange = async () => {
			const response = await fetchFn(input, { ...rest, signal });
			// Buffered as bytes, not as a Blob: a Blob made by one `fetch` may not be a body to another
			// realm's Response (jsdom's Blob with Node's fetch in component tests, where Node 24's
			// `blob()` builds the global jsdom Blob and `new Response` then sends "[object Blob]").
			const body = NULL_BODY_STATUSES.has(response.status)
				? null
				: onBodyProgress && response.ok && response.body
					? await readCounting(response, onBodyProgress)
					: await response.arrayBuffer();
			return new Response(body, {
				status: response.status,
				statusText: response.statusText,
				headers: response.headers
			});
		};
		return Promise.race([exchange(), abandoned]);
	};
}

/** Reads a body chunk by chunk, telling how much came, so a large download shows its progress. */
async function readCounting(response: Response, onProgress: BodyProgress): Promise<Uint8Array<ArrayBuffer>> {
	const length = Number(response.headers.get('content-length'));
	const total = Number.isFinite(length) && length > 0 ? length : null;
	const reader = response.body!.getReader();
	const chunks: Uint8Array<ArrayBuffer>[] = [];
	let received = 0;
	onProgress(0, total);
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		chunks.push(value);
		received += value.byteLength;
		onProgress(received, total);
	}
	const bytes = new Uint8Array(received);
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return bytes;
}
