/** Handcrafted image bytes for tests: just enough structure for the segment and chunk walkers. */

export function bytesOf(...parts: (number[] | string | Uint8Array)[]): Uint8Array<ArrayBuffer> {
	const arrays = parts.map((p) =>
		typeof p === 'string' ? Uint8Array.from(p, (c) => c.charCodeAt(0)) : Uint8Array.from(p)
	);
	const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
	let at = 0;
	for (const a of arrays) {
		out.set(a, at);
		at += a.length;
	}
	return out;
}

/** A JPEG marker segment: FF marker, 2-byte length (counting itself), payload. */
export function jpegSegment(marker: number, payload: string | number[]): Uint8Array<ArrayBuffer> {
	const body = bytesOf(payload);
	const length = body.length + 2;
	return bytesOf([0xff, marker, length >> 8, length & 0xff], body);
}

/** SOI, the given segments, then SOS with a few bytes of "image data" and EOI. */
export function jpegWith(...segments: Uint8Array[]): Uint8Array<ArrayBuffer> {
	return bytesOf(
		[0xff, 0xd8],
		...segments,
		jpegSegment(0xda, [1, 1, 0, 0, 0x3f, 0]),
		[0x12, 0x34, 0xff, 0x00, 0x56],
		[0xff, 0xd9]
	);
}

export const JFIF_APP0 = jpegSegment(0xe0, 'JFIF\0\x01\x01\0\0\x01\0\x01\0\0');

function uint32BE(n: number): number[] {
	return [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
}

export function pngChunk(type: string, data: string | number[] = []): Uint8Array<ArrayBuffer> {
	const body = bytesOf(data);
	return bytesOf(uint32BE(body.length), type, body, [0, 0, 0, 0]);
}

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function pngWith(...chunks: Uint8Array[]): Uint8Array<ArrayBuffer> {
	return bytesOf(PNG_SIGNATURE, pngChunk('IHDR', new Array(13).fill(0)), ...chunks, pngChunk('IEND'));
}
