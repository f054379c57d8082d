import { describe, expect, it } from 'vitest';
import { JFIF_APP0, jpegWith, pngWith } from '$lib/client/media/testBytes';
import { checkedByType, UnsupportedFileTypeError } from './fileType';

/** A body arriving in small pieces, as a slow upload does. */
function body(bytes: Uint8Array, pieceSize = 7): ReadableStream<Uint8Array> {
	let offset = 0;
	return new ReadableStream<Uint8Array>({
		pull(controller) {
			if (offset >= bytes.length) return controller.close();
			controller.enqueue(bytes.slice(offset, offset + pieceSize));
			offset += pieceSize;
		}
	});
}

const pdf = new TextEncoder().encode('%PDF-1.7\n' + 'Kooperationsvereinbarung '.repeat(400) + '\n%%EOF\n');

describe('checkedByType', () => {
	it('tells the type from the first bytes and hands on every byte, in order', async () => {
		const checked = await checkedByType(body(pdf));
		expect(checked.mimeType).toBe('application/pdf');
		const chunks: Uint8Array[] = [];
		for await (const chunk of checked.stream) chunks.push(chunk);
		expect(new Uint8Array(Buffer.concat(chunks))).toEqual(pdf);
	});

	it('recognises files shorter than the sample: a small PNG and a JPEG', async () => {
		const png = pngWith();
		expect((await checkedByType(body(png))).mimeType).toBe('image/png');
		expect((await checkedByType(body(jpegWith(JFIF_APP0)))).mimeType).toBe('image/jpeg');
	});

	it('refuses a known type that is not accepted, an unknown one and an empty body', async () => {
		const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(60).fill(0)]);
		await expect(checkedByType(body(zip))).rejects.toBeInstanceOf(UnsupportedFileTypeError);
		const text = new TextEncoder().encode('Nur ein Text, der sich .pdf nennt');
		await expect(checkedByType(body(text))).rejects.toMatchObject({ detected: null });
		await expect(checkedByType(body(new Uint8Array()))).rejects.toBeInstanceOf(UnsupportedFileTypeError);
	});
});
