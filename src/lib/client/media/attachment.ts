import { MAX_ATTACHMENT_BYTES } from '$lib/domain/records';
import { formatFileSizeDe } from './fileSize';
import { isImageType, readHead, sniffFileType } from './fileType';
import { PhotoPreparationError, preparePhoto, type PreparedPhoto } from './photo';

/** Photos must be images; files may be a PDF or an image. */
export type AttachmentKind = 'photo' | 'file';

/** A file ready to hand to `addEvidence`: checked, and for images re-encoded without metadata. */
export interface PreparedAttachment {
	blob: Blob;
	fileName: string;
	mimeType: string;
	size: number;
	/** Pixel size of a prepared image. */
	width?: number;
	height?: number;
}

export type AttachmentCheck = { ok: true; attachment: PreparedAttachment } | { ok: false; message: string };

/** "Die Datei ist 31,4 MB groß. Erlaubt sind höchstens 25 MB." — never shows two equal sizes. */
export function tooLargeMessage(size: number, limit: number = MAX_ATTACHMENT_BYTES): string {
	const limitText = formatFileSizeDe(limit);
	let sizeText = formatFileSizeDe(size);
	if (sizeText === limitText) {
		sizeText = `${new Intl.NumberFormat('de-DE', { maximumFractionDigits: 3 }).format(size / 1024 / 1024)} MB`;
	}
	if (sizeText === limitText) sizeText = `etwas mehr als ${limitText}`;
	return `Die Datei ist zu groß: ${sizeText}. Erlaubt sind höchstens ${limitText}. Bitte eine kleinere Datei wählen.`;
}

const WRONG_TYPE: Record<AttachmentKind, string> = {
	photo: 'Diese Datei ist kein Bild. Bitte ein Foto (JPEG, PNG, WebP oder HEIC) wählen.',
	file: 'Dieser Dateityp wird nicht angenommen. Bitte ein PDF oder ein Bild (JPEG, PNG, WebP, HEIC) wählen.'
};

/**
 * Checks a picked or captured file and makes it storable. The size limit and the type (from the
 * first bytes, not the name) are checked first, so a wrong file is refused at once. Images are
 * re-encoded by `preparePhoto`, which scales them down and strips EXIF/GPS; PDFs stay as they are.
 */
export async function prepareAttachment(
	file: File,
	kind: AttachmentKind,
	prepareImage: (file: Blob) => Promise<PreparedPhoto> = preparePhoto
): Promise<AttachmentCheck> {
	if (file.size > MAX_ATTACHMENT_BYTES) return { ok: false, message: tooLargeMessage(file.size) };
	if (file.size === 0) return { ok: false, message: 'Die Datei ist leer.' };
	const type = sniffFileType(await readHead(file));
	const accepted = kind === 'photo' ? isImageType(type) : type !== null;
	if (!accepted || type === null) return { ok: false, message: WRONG_TYPE[kind] };
	if (type === 'application/pdf') {
		return {
			ok: true,
			attachment: { blob: file, fileName: file.name || 'Dokument.pdf', mimeType: type, size: file.size }
		};
	}
	try {
		const photo = await prepareImage(file);
		return {
			ok: true,
			attachment: {
				blob: photo.blob,
				fileName: photo.fileName,
				mimeType: 'image/jpeg',
				size: photo.blob.size,
				width: photo.width,
				height: photo.height
			}
		};
	} catch (error) {
		const message =
			error instanceof PhotoPreparationError
				? error.message
				: 'Das Bild konnte nicht verarbeitet werden. Bitte erneut versuchen.';
		return { ok: false, message };
	}
}
