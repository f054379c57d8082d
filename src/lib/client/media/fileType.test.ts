import { describe, expect, it } from 'vitest';
import { readHead, sniffFileType } from './fileType';
import { JFIF_APP0, PNG_SIGNATURE, bytesOf, jpegWith } from './testBytes';

describe('sniffFileType', () => {
	it('recognises a PDF by %PDF- whatever the file is called', () => {
		expect(sniffFileType(bytesOf('%PDF-1.4\n'))).toBe('application/pdf');
	});

	it('recognises JPEG, PNG, WebP and HEIC photos', () => {
		expect(sniffFileType(jpegWith(JFIF_APP0))).toBe('image/jpeg');
		expect(sniffFileType(bytesOf(PNG_SIGNATURE, [0, 0, 0, 13]))).toBe('image/png');
		expect(sniffFileType(bytesOf('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toBe('image/webp');
		expect(sniffFileType(bytesOf([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0], 'mif1heic'))).toBe('image/heic');
	});

	it('refuses other files, such as a Word document, a text file or a video', () => {
		expect(sniffFileType(bytesOf([0x50, 0x4b, 0x03, 0x04], 'word/'))).toBeNull();
		expect(sniffFileType(bytesOf('Hallo Welt'))).toBeNull();
		expect(sniffFileType(bytesOf([0, 0, 0, 0x18], 'ftypmp42'))).toBeNull();
		expect(sniffFileType(new Uint8Array())).toBeNull();
	});

	it('reads only the first bytes of a file', async () => {
		const file = new File([bytesOf('%PDF-1.7', new Array(100).fill(32))], 'vertrag.pdf');
		const head = await readHead(file);
		expect(head.length).toBe(32);
		expect(sniffFileType(head)).toBe('application/pdf');
	});
});
