/**
 * Control characters (NUL, line breaks, tabs, the C1 range, Unicode line and paragraph separators):
 * never part of an id. PostgreSQL refuses NUL in text outright; the others would let an id look
 * like another one in lists, logs and the audit trail.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// eslint-disable-next-line no-control-regex -- replacing control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

export function hasControlCharacter(text: string): boolean {
	return CONTROL_CHARACTER.test(text);
}

/**
 * Text safe to store whatever its origin: control characters and halves of a character (a lone
 * surrogate) become U+FFFD. For texts that echo a sender's input, like the reason of a refusal.
 */
export function storableText(text: string): string {
	return replaceControlCharacters(text, '\uFFFD').toWellFormed();
}

export function replaceControlCharacters(text: string, replacement: string): string {
	return text.replace(CONTROL_CHARACTERS, replacement);
}

export const CONTROL_CHARACTER_MESSAGE = 'Die Kennung darf keine Steuerzeichen enthalten.';
