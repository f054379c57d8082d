import {
	attachmentUploadResponseSchema,
	pullResponseSchema,
	pushGapSchema,
	pushResponseSchema,
	type AttachmentUploadResponse,
	type PullResponse,
	type PushRequest,
	type PushResponse
} from '$lib/domain/sync/protocol';
import { MAX_ATTACHMENT_BYTES } from '$lib/domain/records';
import { send } from '$lib/client/api/request';
import { isTimeout, transferTimeoutMs, type TimedInit } from '$lib/client/api/timedFetch';
import { fetchFileSender, type FileSender, type UploadProgress } from '$lib/client/api/fileUpload';

/** Bytes moved so far of the total (null while a download's size is unknown). */
export type TransferProgress = (done: number, total: number | null) => void;

/** The session is gone (expired, logged out): sync stops and every local change is kept. */
export class NeedsLoginError extends Error {
	constructor() {
		super('Bitte erneut anmelden.');
		this.name = 'NeedsLoginError';
	}
}

/** No answer at all: no network, the server is down, or no answer within the deadline. */
export class ServerUnreachableError extends Error {
	constructor(cause: unknown) {
		super(isTimeout(cause) ? 'Der Server antwortet nicht.' : 'Der Server ist nicht erreichbar.', { cause });
		this.name = 'ServerUnreachableError';
	}

	/** The request got no (complete) answer in time, e.g. on a Wi-Fi that lets nothing through. */
	get timedOut(): boolean {
		return isTimeout(this.cause);
	}
}

/** The server refused a push because earlier changes of this device are missing. */
export class SequenceGapError extends Error {
	constructor(readonly expectedSeq: number) {
		super(`Der Server erwartet die Änderungen ab Nummer ${expectedSeq}.`);
		this.name = 'SequenceGapError';
	}
}

/** Any other error answer; `message` is the server's German message. */
export class SyncServerError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string
	) {
		super(message);
		this.name = 'SyncServerError';
	}

	/** 4xx: the request itself is refused; sending it again unchanged will not help. */
	get permanent(): boolean {
		return this.status >= 400 && this.status < 500 && this.status !== 408 && this.status !== 429;
	}
}

/**
 * A file's download address for a link; the name goes in well-formed, because encodeURIComponent
 * throws on half an emoji, which a name cut short elsewhere may hold.
 */
export function attachmentDownloadUrl(sha256: string, fileName: string): string {
	return `/api/sync/attachments/${sha256}?name=${encodeURIComponent(fileName.toWellFormed())}`;
}

export interface SyncApi {
	push(request: PushRequest): Promise<PushResponse>;
	pull(cursor: number, limit?: number): Promise<PullResponse>;
	hasAttachment(sha256: string): Promise<boolean>;
	uploadAttachment(
		sha256: string,
		blob: Blob,
		onProgress?: UploadProgress
	): Promise<AttachmentUploadResponse>;
	/** The file's bytes, or null when the server does not have it (or the user may not read it). */
	downloadAttachment(sha256: string, onProgress?: TransferProgress): Promise<Blob | null>;
}

/**
 * The sync endpoints over `fetch`, which tests replace (a fake, or the real handlers in-process).
 * Every failure becomes one of the errors above, so the orchestrator can tell them apart.
 */
export function createSyncApi(
	fetchFn: typeof fetch = (...args) => fetch(...args),
	baseUrl = '',
	/** The deadline for a request moving this many bytes; tests shorten it. */
	deadlineFor: (bytes: number) => number = transferTimeoutMs,
	/** How file bytes go up; the browser's passes XMLHttpRequest for its upload progress. */
	sendFile: FileSender = fetchFileSender(fetchFn)
): SyncApi {
	async function call(path: string, init: TimedInit = {}): Promise<Response> {
		let response: Response;
		try {
			response = await send(`${baseUrl}${path}`, { timeoutMs: deadlineFor(0), ...init, fetchFn });
		} catch (error) {
			throw new ServerUnreachableError(error);
		}
		if (response.status === 401) throw new NeedsLoginError();
		return response;
	}

	async function failure(response: Response): Promise<SyncServerError> {
		const body: unknown = await response.json().catch(() => null);
		const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
		const message =
			typeof error?.message === 'string'
				? error.message
				: `Der Server antwortet mit Fehler ${response.status}.`;
		return new SyncServerError(
			response.status,
			typeof error?.code === 'string' ? error.code : 'http',
			message
		);
	}

	return {
		async push(request) {
			const body = JSON.stringify(request);
			const response = await call('/api/sync/push', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body,
				timeoutMs: deadlineFor(body.length)
			});
			if (response.status === 409) {
				const gap = pushGapSchema.safeParse(
					await response
						.clone()
						.json()
						.catch(() => null)
				);
				if (gap.success) throw new SequenceGapError(gap.data.expectedSeq);
			}
			if (!response.ok) throw await failure(response);
			return pushResponseSchema.parse(await response.json());
		},

		async pull(cursor, limit) {
			const query = new URLSearchParams({ cursor: String(cursor) });
			if (limit) query.set('limit', String(limit));
			// A first pull into a fresh tablet may be large; the server pages it (`limit`).
			const response = await call(`/api/sync/pull?${query}`, { timeoutMs: deadlineFor(2_000_000) });
			if (!response.ok) throw await failure(response);
			return pullResponseSchema.parse(await response.json());
		},

		async hasAttachment(sha256) {
			const response = await call(`/api/sync/attachments/${sha256}`, { method: 'HEAD' });
			if (response.status === 404) return false;
			if (!response.ok) throw await failure(response);
			return true;
		},

		async uploadAttachment(sha256, blob, onProgress) {
			let response: Response;
			try {
				response = await sendFile(`${baseUrl}/api/sync/attachments/${sha256}`, blob, {
					timeoutMs: deadlineFor(blob.size),
					onProgress
				});
			} catch (error) {
				throw new ServerUnreachableError(error);
			}
			if (response.status === 401) throw new NeedsLoginError();
			if (!response.ok) throw await failure(response);
			return attachmentUploadResponseSchema.parse(await response.json());
		},

		async downloadAttachment(sha256, onProgress) {
			// The size is known only from the answer: allow for the largest file there may be.
			const response = await call(`/api/sync/attachments/${sha256}`, {
				timeoutMs: deadlineFor(MAX_ATTACHMENT_BYTES),
				onBodyProgress: onProgress
			});
			if (response.status === 404) return null;
			if (!response.ok) throw await failure(response);
			return response.blob();
		}
	};
}
