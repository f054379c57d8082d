/**
 * Small JPEG thumbnails of photo evidence for the PDF report (optional there). The browser decodes
 * and scales each photo (createImageBitmap, off the main thread in Chromium), one after the other so
 * that 200 camera photos never sit in memory at once. A photo the browser cannot decode (e.g. HEIC
 * outside Safari) is left out: the report then lists it without a picture.
 */

export const THUMBNAIL_MAX = 240;
const QUALITY = 0.7;

function blobToDataUrl(blob: Blob): Promise<string> {
	return new Promise((resolve, reject) => {
		const reader = new FileReader();
		reader.onload = () => resolve(reader.result as string);
		reader.onerror = () => reject(reader.error ?? new Error('Bild nicht lesbar'));
		reader.readAsDataURL(blob);
	});
}

async function canvasJpeg(bitmap: ImageBitmap, width: number, height: number): Promise<Blob> {
	if (typeof OffscreenCanvas !== 'undefined') {
		const canvas = new OffscreenCanvas(width, height);
		canvas.getContext('2d')!.drawImage(bitmap, 0, 0, width, height);
		return canvas.convertToBlob({ type: 'image/jpeg', quality: QUALITY });
	}
	const canvas = document.createElement('canvas');
	canvas.width = width;
	canvas.height = height;
	canvas.getContext('2d')!.drawImage(bitmap, 0, 0, width, height);
	return new Promise((resolve, reject) =>
		canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('Kein Vorschaubild'))), 'image/jpeg', QUALITY)
	);
}

/** One photo as a JPEG data URL at most THUMBNAIL_MAX pixels wide and high. */
export async function photoThumbnail(blob: Blob): Promise<string> {
	// Decoding at the target width spares a full-size bitmap; portrait photos are fitted below.
	const bitmap = await createImageBitmap(blob, { resizeWidth: THUMBNAIL_MAX, resizeQuality: 'medium' });
	try {
		const scale = Math.min(1, THUMBNAIL_MAX / bitmap.width, THUMBNAIL_MAX / bitmap.height);
		const width = Math.max(1, Math.round(bitmap.width * scale));
		const height = Math.max(1, Math.round(bitmap.height * scale));
		return await blobToDataUrl(await canvasJpeg(bitmap, width, height));
	} finally {
		bitmap.close();
	}
}

export async function photoThumbnails(
	shas: string[],
	read: (sha: string) => Promise<Blob | undefined>
): Promise<Map<string, string>> {
	const thumbnails = new Map<string, string>();
	for (const sha of new Set(shas)) {
		const blob = await read(sha);
		if (!blob) continue;
		try {
			thumbnails.set(sha, await photoThumbnail(blob));
		} catch {
			// Not decodable here: the report shows the photo's name without a picture.
		}
	}
	return thumbnails;
}
