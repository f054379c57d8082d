/**
 * Detects embedded metadata (EXIF with camera data and GPS position, XMP, text chunks) in image
 * bytes. Photos are re-encoded before they are stored, which drops all of it; this check proves it.
 */

const XMP_JPEG_HEADER = 'http://ns.adobe.com/xap/1.0/\0';
const EXIF_HEADER = 'Exif\0\0';

function ascii(bytes: Uint8Array, start: number, length: number): string {
	if (start < 0 || bytes.length < start + length) return '';
	return String.fromCharCode(...bytes.subarray(start, start + length));
}

function readUint32BE(bytes: Uint8Array, at: number): number {
	return ((bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]) >>> 0;
}

function readUint32LE(bytes: Uint8Array, at: number): number {
	return (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
}

/** Walks the JPEG marker segments up to the image data and looks for APP1 Exif or XMP. */
function jpegHasMetadata(bytes: Uint8Array): boolean {
	let at = 2; // after SOI (FF D8)
	while (at + 4 <= bytes.length) {
		if (bytes[at] !== 0xff) return false; // not a marker: the file is broken, nothing more to read
		const marker = bytes[at + 1];
		if (marker === 0xff) {
			at += 1; // fill byte
			continue;
		}
		// Markers without a length field: TEM, RSTn, SOI, EOI.
		if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
			at += 2;
			continue;
		}
		if (marker === 0xd9 || marker === 0xda) return false; // EOI, or SOS: entropy-coded data follows
		const length = (bytes[at + 2] << 8) | bytes[at + 3];
		if (length < 2) return false;
		if (marker === 0xe1) {
			const payload = at + 4;
			if (ascii(bytes, payload, EXIF_HEADER.length) === EXIF_HEADER) return true;
			if (ascii(bytes, payload, XMP_JPEG_HEADER.length) === XMP_JPEG_HEADER) return true;
		}
		at += 2 + length;
	}
	return false;
}

/** eXIf holds EXIF; tEXt/zTXt/iTXt hold free text, and iTXt also carries XMP. */
const PNG_METADATA_CHUNKS = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt']);

function pngHasMetadata(bytes: Uint8Array): boolean {
	let at = 8; // after the signature
	while (at + 8 <= bytes.length) {
		const length = readUint32BE(bytes, at);
		const type = ascii(bytes, at + 4, 4);
		if (PNG_METADATA_CHUNKS.has(type)) return true;
		if (type === 'IEND') return false;
		at += 12 + length; // length, type, data, CRC
	}
	return false;
}

function webpHasMetadata(bytes: Uint8Array): boolean {
	let at = 12; // after RIFF, size, WEBP
	while (at + 8 <= bytes.length) {
		const type = ascii(bytes, at, 4);
		if (type === 'EXIF' || type === 'XMP ') return true;
		const length = readUint32LE(bytes, at + 4);
		at += 8 + length + (length % 2); // chunks are padded to an even size
	}
	return false;
}

/**
 * True when JPEG, PNG or WebP bytes carry EXIF (which includes GPS), XMP or text metadata.
 * Other formats return false: the app only stores images it has re-encoded as JPEG.
 */
export function hasExifOrGps(bytes: Uint8Array): boolean {
	if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
		return jpegHasMetadata(bytes);
	}
	if (ascii(bytes, 0, 8) === '\x89PNG\r\n\x1a\n') return pngHasMetadata(bytes);
	if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return webpHasMetadata(bytes);
	return false;
}
