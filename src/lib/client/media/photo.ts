import { hasExifOrGps } from './metadata';

/** Long edge of a stored photo: sharp enough to read a notice board, small enough for many photos. */
export const MAX_PHOTO_EDGE = 2000;
export const PHOTO_JPEG_QUALITY = 0.85;

export interface PreparedPhoto {
	blob: Blob;
	width: number;
	height: number;
	fileName: string;
}

/** A photo the browser could not turn into a storable JPEG; `message` is German, for the form. */
export class PhotoPreparationError extends Error {
	constructor(message: string, options?: { cause?: unknown }) {
		super(message, options);
		this.name = 'PhotoPreparationError';
	}
}

/** Width and height after scaling down so the long edge is at most `maxEdge`; never scales up. */
export function scaledSize(
	width: number,
	height: number,
	maxEdge: number = MAX_PHOTO_EDGE
): { width: number; height: number } {
	const longEdge = Math.max(width, height);
	if (longEdge <= maxEdge) return { width, height };
	const factor = maxEdge / longEdge;
	return {
		width: Math.max(1, Math.round(width * factor)),
		height: Math.max(1, Math.round(height * factor))
	};
}

/** "Aushang.HEIC" → "Aushang.jpg"; a camera capture without a usable name gets a dated one. */
export function jpegFileName(original: string | undefined, now: Date = new Date()): string {
	const base = (original ?? '')
		.replace(/\.[^./\\]*$/, '')
		.replace(/[\\/:*?"<>|]+/g, '_')
		.trim();
	if (base && base !== 'image') return `${base}.jpg`;
	const pad = (n: number) => String(n).padStart(2, '0');
	const stamp = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}_${pad(now.getHours())}-${pad(now.getMinutes())}`;
	return `Foto_${stamp}.jpg`;
}

type Canvas2d = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

async function encodeJpeg(bitmap: ImageBitmap, width: number, height: number): Promise<Blob> {
	const draw = (ctx: Canvas2d) => {
		// JPEG has no transparency: without a white ground, transparent PNG areas turn black.
		ctx.fillStyle = '#ffffff';
		ctx.fillRect(0, 0, width, height);
		ctx.imageSmoothingEnabled = true;
		ctx.imageSmoothingQuality = 'high';
		ctx.drawImage(bitmap, 0, 0, width, height);
	};
	if (typeof OffscreenCanvas !== 'undefined') {
		const canvas = new OffscreenCanvas(width, height);
		const ctx = canvas.getContext('2d');
		if (ctx) {
			draw(ctx);
			return canvas.convertToBlob({ type: 'image/jpeg', quality: PHOTO_JPEG_QUALITY });
		}
	}
	const canvas = document.createElement('canvas');
	canvas.width = width;
	canvas.height = height;
	const ctx = canvas.getContext('2d');
	if (!ctx) throw new PhotoPreparationError('Das Foto konnte auf diesem Gerät nicht verarbeitet werden.');
	draw(ctx);
	return new Promise<Blob>((resolve, reject) =>
		canvas.toBlob(
			(blob) =>
				blob
					? resolve(blob)
					: reject(new PhotoPreparationError('Das Foto konnte nicht als JPEG gespeichert werden.')),
			'image/jpeg',
			PHOTO_JPEG_QUALITY
		)
	);
}

/**
 * Turns a camera photo or picked image into what the app stores: decoded with its EXIF orientation
 * applied, scaled so the long edge is at most 2000 px, and re-encoded as JPEG. Re-encoding from
 * pixels drops all metadata (EXIF, GPS position, XMP); the result is checked to make sure.
 */
export async function preparePhoto(file: Blob): Promise<PreparedPhoto> {
	let bitmap: ImageBitmap;
	try {
		bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
	} catch (cause) {
		throw new PhotoPreparationError(
			'Das Bild konnte nicht gelesen werden. Bitte ein Foto im Format JPEG, PNG oder WebP wählen.',
			{ cause }
		);
	}
	try {
		const { width, height } = scaledSize(bitmap.width, bitmap.height);
		const blob = await encodeJpeg(bitmap, width, height);
		if (hasExifOrGps(new Uint8Array(await blob.arrayBuffer()))) {
			throw new PhotoPreparationError('Die Metadaten des Fotos konnten nicht entfernt werden.');
		}
		const name = typeof File !== 'undefined' && file instanceof File ? file.name : undefined;
		return { blob, width, height, fileName: jpegFileName(name) };
	} finally {
		bitmap.close();
	}
}
