import { fileTypeFromBuffer } from 'file-type';
import { ATTACHMENT_MIME_TYPES } from '$lib/domain/sync/protocol';

/** Enough leading bytes for file-type to recognise every format we accept. */
const SNIFF_BYTES = 4100;

export class UnsupportedFileTypeError extends Error {
	constructor(readonly detected: string | null) {
		super(`File type ${detected ?? 'unknown'} is not accepted`);
		this.name = 'UnsupportedFileTypeError';
	}
}

/** The accepted MIME type the bytes show, or null. A file's name or declared type never counts. */
export async function detectAttachmentType(head: Uint8Array): Promise<string | null> {
	const type = await fileTypeFromBuffer(head);
	if (!type) return null;
	return (ATTACHMENT_MIME_TYPES as readonly string[]).includes(type.mime) ? type.mime : null;
}

/**
 * Passes a stream through after checking its first bytes: throws UnsupportedFileTypeError before
 * anything is handed on when they are not an accepted type, so nothing of such a file is stored.
 */
export async function* checkedByType(
	source: AsyncIterable<Uint8Array>,
	onType: (mimeType: string) => void
): AsyncGenerator<Uint8Array> {
	const held: Uint8Array[] = [];
	let heldBytes = 0;
	let checked = false;
	const check = async () => {
		const head = concat(held, heldBytes).subarray(0, SNIFF_BYTES);
		const mimeType = await detectAttachmentType(head);
		if (!mimeType) {
			const detected = (await fileTypeFromBuffer(head))?.mime ?? null;
			throw new UnsupportedFileTypeError(detected);
		}
		onType(mimeType);
		checked = true;
	};
	for await (const chunk of source) {
		if (checked) {
			yield chunk;
			continue;
		}
		held.push(chunk);
		heldBytes += chunk.byteLength;
		if (heldBytes < SNIFF_BYTES) continue;
		await check();
		yield* held;
	}
	if (!checked) {
		await check();
		yield* held;
	}
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
	const out = new Uint8Array(total);
	let offset = 0;
	for (const chunk of chunks) {
		out.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return out;
}

/** A web stream (a request body) as an async iterable of chunks. */
export async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
	const reader = stream.getReader();
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) return;
			yield value;
		}
	} finally {
		reader.releaseLock();
	}
}
