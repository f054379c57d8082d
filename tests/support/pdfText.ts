import { extractText, getDocumentProxy, getMeta } from 'unpdf';

/**
 * Reading a PDF in tests (unit tests and the browser tests' node side): the text a reader or screen
 * reader would get, and the document's title, language and page count. unpdf is pdf.js without a
 * worker; it copies the bytes, so the caller's array stays usable.
 */

export async function pdfText(bytes: Uint8Array): Promise<string> {
	const pdf = await getDocumentProxy(bytes.slice());
	const { text } = await extractText(pdf, { mergePages: true });
	return text;
}

export interface PdfInfo {
	title: string | null;
	language: string | null;
	author: string | null;
	pages: number;
}

export async function pdfInfo(bytes: Uint8Array): Promise<PdfInfo> {
	const pdf = await getDocumentProxy(bytes.slice());
	const { info } = (await getMeta(pdf)) as { info: Record<string, unknown> };
	const text = (key: string) => (typeof info[key] === 'string' ? (info[key] as string) : null);
	return { title: text('Title'), language: text('Language'), author: text('Author'), pages: pdf.numPages };
}
