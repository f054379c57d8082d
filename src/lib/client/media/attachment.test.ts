import { describe, expect, it, vi } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '$lib/domain/records';
import { prepareAttachment, tooLargeMessage } from './attachment';
import { formatFileSizeDe } from './fileSize';
import { PhotoPreparationError } from './photo';
import { JFIF_APP0, bytesOf, jpegSegment, jpegWith } from './testBytes';

/** A file whose reported size is `size` without allocating that many bytes. */
function fileOfSize(size: number, head: Uint8Array<ArrayBuffer>, name: string, type = ''): File {
	const file = new File([head], name, { type });
	Object.defineProperty(file, 'size', { value: size });
	return file;
}

const fakePhoto = vi.fn(async (_file: Blob) => ({
	blob: new Blob([jpegWith(JFIF_APP0)], { type: 'image/jpeg' }),
	width: 2000,
	height: 1500,
	fileName: 'aushang.jpg'
}));

describe('formatFileSizeDe', () => {
	it('writes sizes in German number format', () => {
		expect(formatFileSizeDe(MAX_ATTACHMENT_BYTES)).toBe('25 MB');
		expect(formatFileSizeDe(31.4 * 1024 * 1024)).toBe('31,4 MB');
		expect(formatFileSizeDe(820 * 1024)).toBe('820 KB');
		expect(formatFileSizeDe(512)).toBe('512 Bytes');
	});
});

describe('tooLargeMessage', () => {
	it('names the limit and the size of the file', () => {
		expect(tooLargeMessage(31.4 * 1024 * 1024)).toBe(
			'Die Datei ist zu groß: 31,4 MB. Erlaubt sind höchstens 25 MB. Bitte eine kleinere Datei wählen.'
		);
	});

	it('never shows a size equal to the limit for a file just over it', () => {
		expect(tooLargeMessage(MAX_ATTACHMENT_BYTES + 20_000)).toContain('25,019 MB');
		expect(tooLargeMessage(MAX_ATTACHMENT_BYTES + 1)).toContain('etwas mehr als 25 MB');
	});
});

describe('prepareAttachment', () => {
	it('refuses a file over the limit before reading it', async () => {
		const result = await prepareAttachment(
			fileOfSize(30 * 1024 * 1024, bytesOf('%PDF-1.7'), 'scan.pdf'),
			'file'
		);
		expect(result).toEqual({ ok: false, message: expect.stringContaining('30 MB') });
	});

	it('keeps a PDF as it is', async () => {
		const file = new File([bytesOf('%PDF-1.7\nInhalt')], 'Kooperationsvertrag.pdf', {
			type: 'application/pdf'
		});
		const result = await prepareAttachment(file, 'file', fakePhoto);
		expect(result).toEqual({
			ok: true,
			attachment: {
				blob: file,
				fileName: 'Kooperationsvertrag.pdf',
				mimeType: 'application/pdf',
				size: file.size
			}
		});
	});

	it('refuses a PDF where a photo is expected, and a Word file where a file is expected', async () => {
		const pdf = new File([bytesOf('%PDF-1.7')], 'a.pdf');
		expect(await prepareAttachment(pdf, 'photo', fakePhoto)).toEqual({
			ok: false,
			message: expect.stringContaining('kein Bild')
		});
		const docx = new File([bytesOf([0x50, 0x4b, 3, 4])], 'b.pdf', { type: 'application/pdf' });
		expect(await prepareAttachment(docx, 'file', fakePhoto)).toEqual({
			ok: false,
			message: expect.stringContaining('PDF oder ein Bild')
		});
	});

	it('re-encodes an image, for a photo and for an image picked as a file', async () => {
		const camera = new File([jpegWith(jpegSegment(0xe1, 'Exif\0\0GPS'))], 'IMG_0001.JPG');
		for (const kind of ['photo', 'file'] as const) {
			const result = await prepareAttachment(camera, kind, fakePhoto);
			expect(result).toMatchObject({
				ok: true,
				attachment: { fileName: 'aushang.jpg', mimeType: 'image/jpeg', width: 2000, height: 1500 }
			});
		}
		expect(fakePhoto).toHaveBeenCalledWith(camera);
	});

	it('passes on the German message when an image cannot be decoded', async () => {
		const heic = new File([bytesOf([0, 0, 0, 0x18], 'ftypheic')], 'IMG_0002.HEIC');
		const failing = async () => {
			throw new PhotoPreparationError('Das Bild konnte nicht gelesen werden.');
		};
		expect(await prepareAttachment(heic, 'photo', failing)).toEqual({
			ok: false,
			message: 'Das Bild konnte nicht gelesen werden.'
		});
	});

	it('refuses an empty file', async () => {
		expect(await prepareAttachment(new File([], 'leer.pdf'), 'file')).toEqual({
			ok: false,
			message: 'Die Datei ist leer.'
		});
	});
});
