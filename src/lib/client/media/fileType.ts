/**
 * What a file really is, judged from its first bytes rather than its name or the browser's guess:
 * a renamed `.exe` must not pass as a PDF, and a camera may report an empty or generic type.
 */
export type SniffedType = 'application/pdf' | 'image/jpeg' | 'image/png' | 'image/webp' | 'image/heic';

/** Enough bytes for every signature below. */
export const SNIFF_BYTES = 32;

const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

function ascii(bytes: Uint8Array, start: number, length: number): string {
	if (bytes.length < start + length) return '';
	return String.fromCharCode(...bytes.subarray(start, start + length));
}

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
	return bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);
}

/** The type the leading bytes prove, or null when they match none the app accepts. */
export function sniffFileType(head: Uint8Array): SniffedType | null {
	if (ascii(head, 0, 5) === '%PDF-') return 'application/pdf';
	if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
	if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
	if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WEBP') return 'image/webp';
	// ISO base media file: [size]['ftyp'][major brand]; iPhones and iPads save photos as HEIC.
	if (ascii(head, 4, 4) === 'ftyp' && HEIC_BRANDS.has(ascii(head, 8, 4))) return 'image/heic';
	return null;
}

export function isImageType(type: SniffedType | null): boolean {
	return type !== null && type.startsWith('image/');
}

/** Reads the first bytes of a file; Blob.arrayBuffer on a slice avoids loading the whole file. */
export async function readHead(blob: Blob, length = SNIFF_BYTES): Promise<Uint8Array> {
	return new Uint8Array(await blob.slice(0, length).arrayBuffer());
}
