import { encode } from 'uqr';

export interface QrDrawing {
	/** Modules per side, quiet zone included: the SVG's viewBox. */
	size: number;
	/** One path of unit squares for the dark modules: one DOM node instead of hundreds of rects. */
	path: string;
}

/**
 * The QR code of `text` as SVG path data, made on the device (no network, no image file). Level M
 * survives a smudged or glare-struck tablet screen; the quiet zone of four modules is what phone
 * cameras need to find the code on a busy background.
 */
export function qrDrawing(text: string): QrDrawing {
	const qr = encode(text, { ecc: 'M', border: 4 });
	const parts: string[] = [];
	qr.data.forEach((row, y) => {
		row.forEach((dark, x) => {
			if (dark) parts.push(`M${x} ${y}h1v1h-1z`);
		});
	});
	return { size: qr.size, path: parts.join('') };
}
