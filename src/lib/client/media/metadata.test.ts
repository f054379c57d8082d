import { describe, expect, it } from 'vitest';
import { hasExifOrGps } from './metadata';
import { JFIF_APP0, bytesOf, jpegSegment, jpegWith, pngChunk, pngWith } from './testBytes';

describe('hasExifOrGps', () => {
	it('finds no metadata in a plain JPEG with only a JFIF header, as a canvas writes it', () => {
		expect(hasExifOrGps(jpegWith(JFIF_APP0, jpegSegment(0xdb, new Array(65).fill(1))))).toBe(false);
	});

	it('finds an APP1 Exif segment such as a camera writes with the GPS position', () => {
		const exif = jpegSegment(0xe1, 'Exif\0\0MM\0\x2a\0\0\0\x08GPS');
		expect(hasExifOrGps(jpegWith(exif))).toBe(true);
		expect(hasExifOrGps(jpegWith(JFIF_APP0, exif))).toBe(true);
	});

	it('finds an XMP packet in APP1', () => {
		const xmp = jpegSegment(0xe1, 'http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>');
		expect(hasExifOrGps(jpegWith(JFIF_APP0, xmp))).toBe(true);
	});

	it('skips fill bytes between segments', () => {
		const exif = jpegSegment(0xe1, 'Exif\0\0II');
		expect(hasExifOrGps(bytesOf([0xff, 0xd8, 0xff, 0xff], JFIF_APP0, exif))).toBe(true);
	});

	it('ignores "Exif" bytes that appear only inside the image data', () => {
		const bytes = bytesOf(
			[0xff, 0xd8],
			JFIF_APP0,
			jpegSegment(0xda, [1, 1, 0, 0, 0x3f, 0]),
			'Exif\0\0 random scan data',
			[0xff, 0xd9]
		);
		expect(hasExifOrGps(bytes)).toBe(false);
	});

	it('ignores an APP1 segment of another kind', () => {
		expect(hasExifOrGps(jpegWith(jpegSegment(0xe1, 'Something else')))).toBe(false);
	});

	it('does not read past the end of a truncated JPEG', () => {
		expect(hasExifOrGps(bytesOf([0xff, 0xd8, 0xff, 0xe1, 0x00]))).toBe(false);
		expect(hasExifOrGps(bytesOf([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x40], 'Exi'))).toBe(false);
	});

	it('finds eXIf, tEXt, zTXt and iTXt chunks in a PNG', () => {
		for (const type of ['eXIf', 'tEXt', 'zTXt', 'iTXt']) {
			expect(hasExifOrGps(pngWith(pngChunk(type, 'Software\0Kamera')))).toBe(true);
		}
	});

	it('finds no metadata in a PNG with only image chunks', () => {
		expect(hasExifOrGps(pngWith(pngChunk('IDAT', [1, 2, 3, 4])))).toBe(false);
	});

	it('does not look at chunks after IEND', () => {
		const bytes = bytesOf(pngWith(pngChunk('IDAT', [1])), pngChunk('tEXt', 'a\0b'));
		expect(hasExifOrGps(bytes)).toBe(false);
	});

	it('finds EXIF and XMP chunks in a WebP', () => {
		const webp = (chunk: string) =>
			bytesOf('RIFF', [0, 0, 0, 0], 'WEBP', 'VP8 ', [2, 0, 0, 0], [0, 0], chunk, [3, 0, 0, 0], [1, 2, 3, 0]);
		expect(hasExifOrGps(webp('EXIF'))).toBe(true);
		expect(hasExifOrGps(webp('XMP '))).toBe(true);
		expect(hasExifOrGps(webp('ALPH'))).toBe(false);
	});

	it('returns false for bytes that are no image it knows', () => {
		expect(hasExifOrGps(bytesOf('%PDF-1.7 Exif\0\0'))).toBe(false);
		expect(hasExifOrGps(new Uint8Array())).toBe(false);
	});
});
