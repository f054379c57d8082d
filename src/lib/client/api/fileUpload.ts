import { send } from '$lib/client/api/request';

/** Bytes of a file sent so far of its size. */
export type UploadProgress = (sent: number, total: number) => void;

export interface FileSendInit {
	timeoutMs: number;
	onProgress?: UploadProgress;
}

/** Sends a file's bytes with PUT and answers the server's response, like `fetch`. */
export type FileSender = (url: string, blob: Blob, init: FileSendInit) => Promise<Response>;

/**
 * Over `fetch` (tests, in-process servers): fetch cannot tell how far an upload is, so progress
 * comes once, when the answer is there.
 */
export function fetchFileSender(fetchFn: typeof fetch): FileSender {
	return async (url, blob, { timeoutMs, onProgress }) => {
		const response = await send(url, {
			method: 'PUT',
			headers: { 'content-type': 'application/octet-stream' },
			body: blob,
			timeoutMs,
			fetchFn
		});
		onProgress?.(blob.size, blob.size);
		return response;
	};
}

/**
 * Over XMLHttpRequest, whose `upload.onprogress` tells the bytes sent (fetch has no upload
 * progress). Fails the way `timedFetch` does: a `TimeoutError` after the deadline, a `TypeError`
 * without an answer, so the sync API tells them apart the same way.
 */
export const xhrFileSender: FileSender = (url, blob, { timeoutMs, onProgress }) =>
	new Promise<Response>((resolve, reject) => {
		const xhr = new XMLHttpRequest();
		xhr.open('PUT', url);
		xhr.withCredentials = true;
		xhr.responseType = 'blob';
		xhr.timeout = timeoutMs;
		xhr.setRequestHeader('content-type', 'application/octet-stream');
		xhr.upload.onprogress = (event) => onProgress?.(event.loaded, blob.size);
		xhr.onload = () => {
			onProgress?.(blob.size, blob.size);
			const type = xhr.getResponseHeader('content-type');
			resolve(
				new Response(xhr.status === 204 ? null : (xhr.response as Blob), {
					status: xhr.status,
					headers: type ? { 'content-type': type } : {}
				})
			);
		};
		xhr.ontimeout = () =>
			reject(Object.assign(new Error('Die Zeit ist abgelaufen.'), { name: 'TimeoutError' }));
		xhr.onerror = () => reject(new TypeError('Keine Verbindung zum Server.'));
		xhr.onabort = () => reject(Object.assign(new Error('Abgebrochen.'), { name: 'AbortError' }));
		xhr.send(blob);
	});
