/**
 * `Content-Disposition: attachment` for a file download (RFC 6266), with the name in two forms:
 * `filename*` (RFC 5987, UTF-8, so „Übersicht Öffnungszeiten.pdf“ arrives as is) and a plain ASCII
 * `filename` for clients that do not read the first.
 *
 * The name is only a suggestion from the link and is made safe: no folders, no control or quote
 * characters, none of the characters Windows forbids in names, at most 150 characters, and always
 * the extension of the type the server found in the bytes, so a PDF can never be saved as `.html`.
 */

const EXTENSIONS: Record<string, string[]> = {
	'application/pdf': ['pdf'],
	'image/jpeg': ['jpg', 'jpeg'],
	'image/png': ['png'],
	'image/webp': ['webp'],
	'image/heic': ['heic'],
	'image/heif': ['heif', 'heic']
};

const MAX_NAME_LENGTH = 150;

/** A file name safe to suggest for bytes of `mimeType`; `fallbackStem` when nothing usable is left. */
export function safeFileName(requested: string | null, mimeType: string, fallbackStem: string): string {
	const extensions = EXTENSIONS[mimeType] ?? [];
	const name = (requested ?? '')
		.normalize('NFC')
		.replace(/^.*[/\\]/, '')
		// Control characters, quotes and what Windows refuses in a name.
		// eslint-disable-next-line no-control-regex
		.replace(/[\u0000-\u001f\u007f-\u009f"*:<>?|]/g, '')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/^\.+/, '')
		.replace(/[. ]+$/, '');
	const extension = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
	let stem = extensions.includes(extension) ? name.slice(0, name.lastIndexOf('.')) : name;
	const suffix =
		extensions.length > 0 ? `.${extensions.includes(extension) ? extension : extensions[0]}` : '';
	stem = [...stem]
		.slice(0, MAX_NAME_LENGTH - suffix.length)
		.join('')
		.trim();
	return `${stem || fallbackStem}${suffix}`;
}

/** The header value for a download of `fileName` (already made safe), or `inline` to show it. */
export function attachmentDisposition(
	fileName: string,
	type: 'attachment' | 'inline' = 'attachment'
): string {
	return `${type}; filename="${asciiFallback(fileName)}"; filename*=UTF-8''${rfc5987(fileName)}`;
}

const GERMAN_LETTERS: Record<string, string> = {
	ä: 'ae',
	ö: 'oe',
	ü: 'ue',
	Ä: 'Ae',
	Ö: 'Oe',
	Ü: 'Ue',
	ß: 'ss'
};

/** Umlauts as Germans write them without, other accents dropped, anything else non-ASCII as `_`. */
function asciiFallback(name: string): string {
	return (
		name
			.replace(/[äöüÄÖÜß]/g, (letter) => GERMAN_LETTERS[letter])
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.replace(/[^\x20-\x7e]/gu, '_')
			// Quotes would end the value; some clients decode percent signs in it.
			.replace(/["\\%]/g, '_')
	);
}

/** RFC 5987 `value-chars`: percent-encoded UTF-8, leaving only `attr-char` as is. */
function rfc5987(value: string): string {
	return encodeURIComponent(value).replace(
		/['()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
	);
}
