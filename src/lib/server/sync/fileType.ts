import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import { fileTypeStream } from 'file-type';
import { ATTACHMENT_MIME_TYPES } from '$lib/domain/sync/protocol';

/** Enough leading bytes for file-type to recognise every format we accept. */
const SNIFF_BYTES = 4100;

export class UnsupportedFileTypeError extends Error {
	constructor(readonly detected: string | null) {
		super(`File type ${detected ?? 'unknown'} is not accepted`);
		this.name = 'UnsupportedFileTypeError';
	}
}

/**
 * file-type's Node entry, which the server runs, also takes Node streams; the type checker resolves
 * the package's web entry, which declares only web streams.
 */
const fromNodeStream = fileTypeStream as unknown as (
	stream: Readable,
	options: { sampleSize: number }
) => Promise<Readable & { readonly fileType?: { mime: string } }>;

function isAccepted(mimeType: string | undefined): mimeType is string {
	return mimeType !== undefined && (ATTACHMENT_MIME_TYPES as readonly string[]).includes(mimeType);
}

/**
 * The body with its type recognised from its first bytes (file-type reads a sample and hands the
 * whole stream on). A file's name or declared type never counts. Throws UnsupportedFileTypeError,
 * and cancels the body, before anything is handed on when the bytes are not an accepted type, so
 * nothing of such a file is stored.
 */
export async function checkedByType(
	body: ReadableStream<Uint8Array>
): Promise<{ mimeType: string; stream: AsyncIterable<Uint8Array> }> {
	// file-type's web-stream variant needs a byte stream, which a request body from adapter-node is
	// not; as a Node stream any body will do. It looks at the first chunk only, so that chunk holds
	// the whole sample however small the pieces are that the client's connection delivers.
	const chunks = withWholeHead(Readable.fromWeb(body as NodeWebStream<Uint8Array>), SNIFF_BYTES);
	const stream = await fromNodeStream(Readable.from(chunks), { sampleSize: SNIFF_BYTES });
	const mimeType = stream.fileType?.mime;
	if (!isAccepted(mimeType)) {
		stream.destroy();
		throw new UnsupportedFileTypeError(mimeType ?? null);
	}
	return { mimeType, stream };
}

/** The same bytes, with the first `headBytes` (or the whole body, if shorter) as one chunk. */
async function* withWholeHead(
	source: AsyncIterable<Uint8Array>,
	headBytes: number
): AsyncGenerator<Uint8Array> {
	const head: Uint8Array[] = [];
	let size = 0;
	for await (const chunk of source) {
		if (size >= headBytes) {
			yield chunk;
			continue;
		}
		head.push(chunk);
		size += chunk.byteLength;
		if (size >= headBytes) yield Buffer.concat(head);
	}
	if (size > 0 && size < headBytes) yield Buffer.concat(head);
}
