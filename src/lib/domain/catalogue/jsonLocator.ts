/**
 * A small strict JSON scanner that knows where things are: it records the line of every value by its
 * path ("criteria[12].points") and describes syntax errors in German with line and column. It does
 * not build values; `JSON.parse` stays the authority for those. Keys that occur twice in one object
 * are reported, because `JSON.parse` silently keeps the last one and a transcription typo would vanish.
 */

export type PathSegment = string | number;

export interface JsonSyntaxError {
	line: number;
	column: number;
	message: string;
}

export interface DuplicateKey {
	segments: PathSegment[];
	line: number;
}

export type JsonLocation =
	| { ok: true; lines: Map<string, number>; duplicateKeys: DuplicateKey[] }
	| { ok: false; error: JsonSyntaxError };

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `['criteria', 12, 'points']` → `criteria[12].points`; odd keys as `["a b"]`. */
export function formatPath(segments: readonly PathSegment[]): string {
	let out = '';
	for (const segment of segments) {
		if (typeof segment === 'number') out += `[${segment}]`;
		else if (IDENTIFIER.test(segment)) out += out === '' ? segment : `.${segment}`;
		else out += `[${JSON.stringify(segment)}]`;
	}
	return out;
}

/** The line of the value at `segments`, or of its nearest ancestor that exists in the text. */
export function lineOf(lines: Map<string, number>, segments: readonly PathSegment[]): number | null {
	for (let n = segments.length; n >= 0; n--) {
		const line = lines.get(formatPath(segments.slice(0, n)));
		if (line !== undefined) return line;
	}
	return null;
}

/** Deeper nesting than this is refused rather than risking the call stack. */
const MAX_DEPTH = 200;

class SyntaxProblem extends Error {
	constructor(
		message: string,
		readonly offset: number
	) {
		super(message);
	}
}

function describeChar(ch: string): string {
	if (ch === '\n' || ch === '\r') return 'Zeilenende';
	if (ch === '\t') return 'Tabulator';
	return `„${ch}“`;
}

export function locateJson(text: string): JsonLocation {
	const lines = new Map<string, number>();
	const duplicateKeys: DuplicateKey[] = [];
	// Offsets where each line starts, to turn an offset into line and column.
	const lineStarts = [0];
	for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);

	function lineAt(offset: number): number {
		let lo = 0;
		let hi = lineStarts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (lineStarts[mid] <= offset) lo = mid;
			else hi = mid - 1;
		}
		return lo + 1;
	}

	let pos = 0;

	function skipWhitespace(): void {
		for (;;) {
			const ch = text[pos];
			if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') pos++;
			else if (ch === '/' && (text[pos + 1] === '/' || text[pos + 1] === '*'))
				throw new SyntaxProblem('Kommentare sind in JSON nicht erlaubt.', pos);
			else return;
		}
	}

	function unexpected(expected: string): never {
		if (pos >= text.length)
			throw new SyntaxProblem(
				`Die Datei endet zu früh: erwartet wurde ${expected}. Fehlt eine schließende Klammer?`,
				text.length
			);
		const ch = text[pos];
		if (ch === "'")
			throw new SyntaxProblem(
				'Texte und Feldnamen müssen in doppelten Anführungszeichen (") stehen, nicht in einfachen.',
				pos
			);
		if (ch === '“' || ch === '”' || ch === '„')
			throw new SyntaxProblem(
				'Typografische Anführungszeichen sind hier nicht erlaubt; bitte gerade Anführungszeichen (") verwenden.',
				pos
			);
		throw new SyntaxProblem(`Unerwartetes Zeichen ${describeChar(ch)}: erwartet wurde ${expected}.`, pos);
	}

	function parseString(): void {
		const start = pos;
		pos++; // opening quote
		for (;;) {
			if (pos >= text.length)
				throw new SyntaxProblem('Ein Text wird nicht mit einem Anführungszeichen (") geschlossen.', start);
			const code = text.charCodeAt(pos);
			const ch = text[pos];
			if (ch === '"') {
				pos++;
				return;
			}
			if (code < 0x20)
				throw new SyntaxProblem(
					ch === '\n' || ch === '\r'
						? 'Zeilenumbruch mitten in einem Text: bitte den Text mit " schließen oder den Umbruch als \\n schreiben.'
						: 'Steuerzeichen mitten in einem Text sind nicht erlaubt.',
					pos
				);
			if (ch === '\\') {
				const next = text[pos + 1];
				if (next === 'u') {
					if (!/^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6)))
						throw new SyntaxProblem('Nach \\u müssen vier Hexadezimalziffern folgen.', pos);
					pos += 6;
				} else if (next !== undefined && '"\\/bfnrt'.includes(next)) {
					pos += 2;
				} else {
					throw new SyntaxProblem(
						`Ungültige Escape-Sequenz „\\${next ?? ''}“; ein einzelner Backslash wird als \\\\ geschrieben.`,
						pos
					);
				}
				continue;
			}
			pos++;
		}
	}

	function parseNumber(): void {
		const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(pos, pos + 400));
		if (!match) throw new SyntaxProblem('Ungültige Zahl.', pos);
		pos += match[0].length;
		const next = text[pos];
		if (next !== undefined && /[0-9.eE+\-A-Za-z_]/.test(next))
			throw new SyntaxProblem(
				'Ungültige Zahl: Zahlen stehen ohne führende Null, mit Punkt als Dezimalzeichen und ohne Einheit.',
				pos
			);
	}

	function parseLiteral(): void {
		for (const word of ['true', 'false', 'null']) {
			if (text.startsWith(word, pos)) {
				pos += word.length;
				if (/[A-Za-z0-9_]/.test(text[pos] ?? '')) break;
				return;
			}
		}
		const word = /^[^\s,:{}[\]"]+/.exec(text.slice(pos, pos + 60))?.[0] ?? text[pos];
		throw new SyntaxProblem(
			`Unerwartetes Wort „${word}“: Texte gehören in doppelte Anführungszeichen ("…"); erlaubt ohne Anführungszeichen sind nur Zahlen, true, false und null.`,
			pos
		);
	}

	function parseValue(path: PathSegment[], depth: number, line: number): void {
		if (depth > MAX_DEPTH) throw new SyntaxProblem('Die Datei ist zu tief verschachtelt.', pos);
		lines.set(formatPath(path), line);
		const ch = text[pos];
		if (ch === '{') parseObject(path, depth);
		else if (ch === '[') parseArray(path, depth);
		else if (ch === '"') parseString();
		else if (ch === '-' || (ch >= '0' && ch <= '9')) parseNumber();
		else if (ch === 't' || ch === 'f' || ch === 'n') parseLiteral();
		else if (ch !== undefined && /[A-Za-z]/.test(ch)) parseLiteral();
		else unexpected('ein Wert (Text in "…", Zahl, true, false, null, {…} oder […])');
	}

	function parseObject(path: PathSegment[], depth: number): void {
		pos++; // {
		const seen = new Set<string>();
		skipWhitespace();
		if (text[pos] === '}') {
			pos++;
			return;
		}
		for (;;) {
			if (text[pos] !== '"') unexpected('ein Feldname in doppelten Anführungszeichen');
			const keyStart = pos;
			parseString();
			const key = JSON.parse(text.slice(keyStart, pos)) as string;
			const keyLine = lineAt(keyStart);
			const childPath = [...path, key];
			if (seen.has(key)) duplicateKeys.push({ segments: childPath, line: keyLine });
			seen.add(key);
			skipWhitespace();
			if (text[pos] !== ':') unexpected(`ein Doppelpunkt (:) nach dem Feldnamen „${key}“`);
			pos++;
			skipWhitespace();
			parseValue(childPath, depth + 1, keyLine);
			skipWhitespace();
			if (text[pos] === ',') {
				const comma = pos;
				pos++;
				skipWhitespace();
				if (text[pos] === '}') throw new SyntaxProblem('Überzähliges Komma vor „}“.', comma);
				continue;
			}
			if (text[pos] === '}') {
				pos++;
				return;
			}
			if (text[pos] === '"') throw new SyntaxProblem('Hier fehlt ein Komma zwischen zwei Feldern.', pos);
			unexpected('ein Komma (,) oder das Ende des Objekts (})');
		}
	}

	function parseArray(path: PathSegment[], depth: number): void {
		pos++; // [
		skipWhitespace();
		if (text[pos] === ']') {
			pos++;
			return;
		}
		for (let index = 0; ; index++) {
			parseValue([...path, index], depth + 1, lineAt(pos));
			skipWhitespace();
			if (text[pos] === ',') {
				const comma = pos;
				pos++;
				skipWhitespace();
				if (text[pos] === ']') throw new SyntaxProblem('Überzähliges Komma vor „]“.', comma);
				continue;
			}
			if (text[pos] === ']') {
				pos++;
				return;
			}
			if (text[pos] === '"' || text[pos] === '{' || text[pos] === '[')
				throw new SyntaxProblem('Hier fehlt ein Komma zwischen zwei Listeneinträgen.', pos);
			unexpected('ein Komma (,) oder das Ende der Liste (])');
		}
	}

	try {
		skipWhitespace();
		if (pos >= text.length) throw new SyntaxProblem('Die Datei ist leer.', 0);
		parseValue([], 0, lineAt(pos));
		skipWhitespace();
		if (pos < text.length)
			throw new SyntaxProblem(
				'Nach dem Ende des JSON-Inhalts folgt noch weiterer Text. Steht dort eine Klammer zu viel?',
				pos
			);
		return { ok: true, lines, duplicateKeys };
	} catch (error) {
		if (!(error instanceof SyntaxProblem)) throw error;
		const line = lineAt(error.offset);
		return {
			ok: false,
			error: { line, column: error.offset - lineStarts[line - 1] + 1, message: error.message }
		};
	}
}
