/**
 * Names of folders and files in the export for the certification body. They must survive Windows,
 * macOS and the certification body's upload form: no folder separators, none of the characters
 * Windows forbids, no control characters, no trailing dot or space, and short enough that a whole
 * path stays well below Windows' 260 characters. Umlauts stay (the ZIP marks names as UTF-8).
 */

const MAX_PART = 60;

/** A title as part of a file or folder name: „Kooperationsvertrag: Jugendamt / Stadt“ → „Kooperationsvertrag Jugendamt Stadt“. */
export function namePart(title: string, max = MAX_PART): string {
	const cleaned = title
		.normalize('NFC')
		// eslint-disable-next-line no-control-regex
		.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
		.replace(/[/\\:*?"<>|]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	const chars = [...cleaned];
	let cut = chars.slice(0, max).join('');
	// Shortened: end at a word where one is near, so „Familien“ does not become „Familie“.
	if (chars.length > max) {
		const space = cut.lastIndexOf(' ');
		if (space >= cut.length * 0.6) cut = cut.slice(0, space);
	}
	return cut.trim().replace(/[. ]+$/, '');
}

/**
 * The extension of a stored file: from its type where the app knows it (the type was found in the
 * bytes, so a scan named „Vertrag.2024“ still ends in `.pdf`), else from its name, else `bin`.
 */
export function extensionOf(fileName: string, mimeType: string): string {
	const byType: Record<string, string> = {
		'application/pdf': 'pdf',
		'image/jpeg': 'jpg',
		'image/png': 'png',
		'image/webp': 'webp',
		'image/heic': 'heic',
		'image/heif': 'heif'
	};
	if (byType[mimeType]) return byType[mimeType];
	const match = /\.([A-Za-z0-9]{1,8})$/.exec(fileName);
	return match ? match[1].toLowerCase() : 'bin';
}

/** Two digits for the n-th file of a criterion (1-based): 01 … 99, then 100 …. */
export function twoDigits(n: number): string {
	return String(n).padStart(2, '0');
}

/** `<criterion id>_<nn>_<title>.<ext>`, as the issue for the certification body asks. */
export function evidenceFileName(criterionId: string, n: number, title: string, extension: string): string {
	const stem = namePart(title) || 'Nachweis';
	return `${namePart(criterionId, 20)}_${twoDigits(n)}_${stem}.${extension}`;
}

/** `<id> <title>` for an area's or a criterion's folder. */
export function folderName(id: string, title: string): string {
	const part = namePart(title, 50);
	return part ? `${namePart(id, 20)} ${part}` : namePart(id, 20);
}
