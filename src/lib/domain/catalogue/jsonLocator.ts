import { parse, tokenize, type DocumentNode, type Token, type ValueNode } from '@humanwhocodes/momoa';

/**
 * Where things are in a JSON text: the line of every value by its path ("criteria[12].points") and
 * syntax errors in German with line and column. Parsing and positions come from momoa; this module
 * walks its tree and turns its errors into messages a Kita's admin can act on. `JSON.parse` stays
 * the authority for values. Keys that occur twice in one object are reported, because `JSON.parse`
 * silently keeps the last one and a transcription typo would vanish.
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

const TOO_DEEP = 'Die Datei ist zu tief verschachtelt.';
const ENDS_EARLY = 'Die Datei endet zu früh. Fehlt eine schließende Klammer oder ein Anführungszeichen (")?';
const EXPECTED_VALUE = 'ein Wert (Text in "…", Zahl, true, false, null, {…} oder […])';

class SyntaxProblem extends Error {
	constructor(
		message: string,
		readonly offset: number
	) {
		super(message);
	}
}

export function locateJson(text: string): JsonLocation {
	const position = positions(text);
	const fail = (offset: number, message: string): JsonLocation => ({
		ok: false,
		error: { ...position(offset), message }
	});
	if (text.trim() === '') return fail(0, 'Die Datei ist leer.');

	let document: DocumentNode;
	try {
		document = parse(text, { mode: 'json' });
	} catch (error) {
		if (error instanceof RangeError) return fail(0, TOO_DEEP);
		const located = momoaError(error);
		if (!located) throw error;
		const problem = explain(text, located.kind, located.offset);
		return fail(problem.offset, problem.message);
	}

	const lines = new Map<string, number>();
	const duplicateKeys: DuplicateKey[] = [];
	const visit = (node: ValueNode, path: PathSegment[], line: number, depth: number): void => {
		if (depth > MAX_DEPTH) throw new SyntaxProblem(TOO_DEEP, node.loc.start.offset);
		lines.set(formatPath(path), line);
		if (node.type === 'String') checkRawString(text, node.loc.start.offset, node.loc.end.offset);
		if (node.type === 'Object') {
			const seen = new Set<string>();
			for (const member of node.members) {
				checkRawString(text, member.name.loc.start.offset, member.name.loc.end.offset);
				const key = member.name.type === 'String' ? member.name.value : member.name.name;
				const keyLine = member.name.loc.start.line;
				if (seen.has(key)) duplicateKeys.push({ segments: [...path, key], line: keyLine });
				seen.add(key);
				visit(member.value, [...path, key], keyLine, depth + 1);
			}
		} else if (node.type === 'Array') {
			node.elements.forEach((element, index) =>
				visit(element.value, [...path, index], element.loc.start.line, depth + 1)
			);
		}
	};
	try {
		visit(document.body, [], document.body.loc.start.line, 0);
	} catch (error) {
		if (!(error instanceof SyntaxProblem)) throw error;
		return fail(error.offset, error.message);
	}
	return { ok: true, lines, duplicateKeys };
}

/** Offset → line and column (both from 1), as editors count them. */
function positions(text: string): (offset: number) => { line: number; column: number } {
	const lineStarts = [0];
	for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
	return (offset) => {
		let lo = 0;
		let hi = lineStarts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (lineStarts[mid] <= offset) lo = mid;
			else hi = mid - 1;
		}
		return { line: lo + 1, column: offset - lineStarts[lo] + 1 };
	};
}

/**
 * momoa takes raw line breaks and control characters inside a string, which JSON (and JSON.parse)
 * does not; a forgotten closing quote often shows up as exactly that.
 */
function checkRawString(text: string, start: number, end: number): void {
	const raw = text.slice(start, end);
	let at = 0;
	while (at < raw.length && raw.charCodeAt(at) >= 0x20) at++;
	if (at === raw.length) return;
	throw new SyntaxProblem(
		raw[at] === '\n' || raw[at] === '\r'
			? 'Zeilenumbruch mitten in einem Text: bitte den Text mit " schließen oder den Umbruch als \\n schreiben.'
			: 'Steuerzeichen mitten in einem Text sind nicht erlaubt.',
		start + at
	);
}

type ErrorKind = 'eof' | 'char' | 'identifier' | 'token';

/** momoa's errors carry the offset; their kind is in the message (class names do not survive minifying). */
function momoaError(error: unknown): { kind: ErrorKind; offset: number } | null {
	if (!(error instanceof Error) || !('offset' in error) || typeof error.offset !== 'number') return null;
	const kinds: [string, ErrorKind][] = [
		['Unexpected end of input', 'eof'],
		['Unexpected character', 'char'],
		['Unexpected identifier', 'identifier'],
		['Unexpected token', 'token']
	];
	const kind = kinds.find(([prefix]) => error.message.startsWith(prefix))?.[1];
	return kind ? { kind, offset: error.offset } : null;
}

function describeChar(ch: string): string {
	if (ch === '\n' || ch === '\r') return 'Zeilenende';
	if (ch === '\t') return 'Tabulator';
	return `„${ch}“`;
}

function unexpectedWord(text: string, offset: number): SyntaxProblem {
	const word = /^[^\s,:{}[\]"]+/.exec(text.slice(offset, offset + 60))?.[0] ?? text[offset];
	return new SyntaxProblem(
		`Unerwartetes Wort „${word}“: Texte gehören in doppelte Anführungszeichen ("…"); erlaubt ohne Anführungszeichen sind nur Zahlen, true, false und null.`,
		offset
	);
}

/** A German explanation of what momoa stumbled over, placed where the user has to change something. */
function explain(text: string, kind: ErrorKind, offset: number): SyntaxProblem {
	const ch = text[offset] ?? '';
	if (kind === 'eof') return new SyntaxProblem(ENDS_EARLY, text.length);
	if (kind === 'identifier') return unexpectedWord(text, offset);
	if (kind === 'char') return explainChar(text, ch, offset);
	return explainToken(text, ch, offset);
}

function explainChar(text: string, ch: string, offset: number): SyntaxProblem {
	if (ch === "'")
		return new SyntaxProblem(
			'Texte und Feldnamen müssen in doppelten Anführungszeichen (") stehen, nicht in einfachen.',
			offset
		);
	if (ch === '“' || ch === '”' || ch === '„')
		return new SyntaxProblem(
			'Typografische Anführungszeichen sind hier nicht erlaubt; bitte gerade Anführungszeichen (") verwenden.',
			offset
		);
	if (ch === '/' && (text[offset + 1] === '/' || text[offset + 1] === '*'))
		return new SyntaxProblem('Kommentare sind in JSON nicht erlaubt.', offset);
	if (ch === '\\')
		return text[offset + 1] === 'u'
			? new SyntaxProblem('Nach \\u müssen vier Hexadezimalziffern folgen.', offset)
			: new SyntaxProblem(
					`Ungültige Escape-Sequenz „\\${text[offset + 1] ?? ''}“; ein einzelner Backslash wird als \\\\ geschrieben.`,
					offset
				);
	const before = text.slice(Math.max(0, offset - 6), offset);
	const unicodeEscape = /\\u[0-9a-fA-F]{0,3}$/.exec(before);
	if (unicodeEscape)
		return new SyntaxProblem(
			'Nach \\u müssen vier Hexadezimalziffern folgen.',
			offset - unicodeEscape[0].length
		);
	if (before.endsWith('\\'))
		return new SyntaxProblem(
			`Ungültige Escape-Sequenz „\\${ch}“; ein einzelner Backslash wird als \\\\ geschrieben.`,
			offset - 1
		);
	// momoa points at a number's start, or at the character after its valid part.
	if (/[0-9-]/.test(ch) || (/[0-9.eE+-]$/.test(before) && /(^|[^A-Za-z_"])-?[0-9]/.test(before)))
		return new SyntaxProblem(
			'Ungültige Zahl: Zahlen stehen ohne führende Null, mit Punkt als Dezimalzeichen und ohne Einheit.',
			offset
		);
	if (/[A-Za-z]/.test(ch)) return unexpectedWord(text, offset);
	return new SyntaxProblem(`Unerwartetes Zeichen ${describeChar(ch)}.`, offset);
}

const VALUE_END = new Set(['String', 'Number', 'Boolean', 'Null', 'RBrace', 'RBracket']);

/** A token in the wrong place: what came before it tells what is missing or too much. */
function explainToken(text: string, ch: string, offset: number): SyntaxProblem {
	let before: Token[];
	let all: Token[] | null;
	try {
		before = tokenize(text.slice(0, offset), { mode: 'json' });
	} catch {
		return new SyntaxProblem(`Unerwartetes Zeichen ${describeChar(ch)}.`, offset);
	}
	try {
		all = tokenize(text, { mode: 'json' });
	} catch {
		all = null;
	}
	const open = openContainers(before);
	const prev = before.at(-1);
	const prevPrev = before.at(-2);
	const top = open.at(-1);
	if (prev?.type === 'Comma' && (ch === '}' || ch === ']'))
		return new SyntaxProblem(`Überzähliges Komma vor „${ch}“.`, prev.loc.start.offset);
	if (prev && open.length === 0)
		return new SyntaxProblem(
			'Nach dem Ende des JSON-Inhalts folgt noch weiterer Text. Steht dort eine Klammer zu viel?',
			offset
		);
	const prevIsKey =
		top === '{' && prev?.type === 'String' && (prevPrev?.type === 'LBrace' || prevPrev?.type === 'Comma');
	if (prev && prevIsKey) {
		const key = JSON.parse(text.slice(prev.loc.start.offset, prev.loc.end.offset)) as string;
		return new SyntaxProblem(`Hier fehlt ein Doppelpunkt (:) nach dem Feldnamen „${key}“.`, offset);
	}
	if (prev && VALUE_END.has(prev.type) && /["{[0-9tfn-]/.test(ch))
		return new SyntaxProblem(
			top === '{'
				? 'Hier fehlt ein Komma zwischen zwei Feldern.'
				: 'Hier fehlt ein Komma zwischen zwei Listeneinträgen.',
			offset
		);
	// momoa names the last token it read when the text ends inside an object or a list.
	if (all && all.at(-1)?.loc.start.offset === offset && openContainers(all).length > 0)
		return new SyntaxProblem(ENDS_EARLY, text.length);
	const expected =
		top === '{' && (prev?.type === 'LBrace' || prev?.type === 'Comma')
			? 'ein Feldname in doppelten Anführungszeichen'
			: prev?.type === 'Colon' || prev?.type === 'LBracket' || prev?.type === 'Comma'
				? EXPECTED_VALUE
				: top === '{'
					? 'ein Komma (,) oder das Ende des Objekts (})'
					: 'ein Komma (,) oder das Ende der Liste (])';
	return new SyntaxProblem(`Unerwartetes Zeichen ${describeChar(ch)}: erwartet wurde ${expected}.`, offset);
}

/** The objects and lists still open after these tokens, innermost last. */
function openContainers(tokens: readonly Token[]): ('{' | '[')[] {
	const open: ('{' | '[')[] = [];
	for (const token of tokens) {
		if (token.type === 'LBrace') open.push('{');
		else if (token.type === 'LBracket') open.push('[');
		else if (token.type === 'RBrace' || token.type === 'RBracket') open.pop();
	}
	return open;
}
