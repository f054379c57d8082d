import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatPath, lineOf, locateJson } from './jsonLocator';

const shipped = readFileSync(new URL('./familienzentrum-nrw-arbeitsfassung.json', import.meta.url), 'utf8');

function syntaxError(text: string) {
	const result = locateJson(text);
	if (result.ok) throw new Error('expected a syntax error');
	return result.error;
}

describe('locateJson', () => {
	it('finds the line of every value by its path', () => {
		const text = '{\n\t"a": 1,\n\t"list": [\n\t\t{ "b": true },\n\t\t{\n\t\t\t"b": null\n\t\t}\n\t]\n}';
		const result = locateJson(text);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.lines.get('')).toBe(1);
		expect(result.lines.get('a')).toBe(2);
		expect(result.lines.get('list')).toBe(3);
		expect(result.lines.get('list[0]')).toBe(4);
		expect(result.lines.get('list[0].b')).toBe(4);
		expect(result.lines.get('list[1]')).toBe(5);
		expect(result.lines.get('list[1].b')).toBe(6);
		expect(lineOf(result.lines, ['list', 1, 'missing'])).toBe(5);
	});

	it('formats odd keys so that they cannot be confused with nested paths', () => {
		expect(formatPath(['criteria', 12, 'points'])).toBe('criteria[12].points');
		expect(formatPath(['a.b', 'c'])).toBe('["a.b"].c');
		expect(formatPath([])).toBe('');
	});

	it('reports keys that occur twice in one object', () => {
		const result = locateJson('{\n"a": 1,\n"a": 2\n}');
		expect(result.ok && result.duplicateKeys).toEqual([{ segments: ['a'], line: 3 }]);
	});

	it('explains common mistakes in German with line and column', () => {
		expect(syntaxError('{\n\t"a": 1,\n}')).toEqual({
			line: 2,
			column: 8,
			message: 'Überzähliges Komma vor „}“.'
		});
		expect(syntaxError("{\n\t'a': 1\n}")).toMatchObject({ line: 2, column: 2 });
		expect(syntaxError("{\n\t'a': 1\n}").message).toContain('doppelten Anführungszeichen');
		expect(syntaxError('{\n\t"a": 1\n\t"b": 2\n}')).toMatchObject({
			line: 3,
			message: expect.stringContaining('Komma')
		});
		expect(syntaxError('{\n\t"a": [1, 2\n').message).toContain('endet zu früh');
		expect(syntaxError('   ').message).toBe('Die Datei ist leer.');
		expect(syntaxError('{"a": zwei}').message).toContain('„zwei“');
		expect(syntaxError('{"a": 01}').message).toContain('Ungültige Zahl');
		expect(syntaxError('{"a": "x\ny"}')).toMatchObject({
			line: 1,
			message: expect.stringContaining('Zeilenumbruch')
		});
		expect(syntaxError('{"a": 1} }').message).toContain('weiterer Text');
		expect(syntaxError('{\n// Kommentar\n"a": 1}')).toMatchObject({ line: 2, column: 1 });
		expect(syntaxError('{"a": "C:\\Daten"}').message).toContain('Escape');
	});

	it('names what is missing or too much where the user has to change it', () => {
		expect(syntaxError('{\n\t"a" 1\n}')).toEqual({
			line: 2,
			column: 6,
			message: 'Hier fehlt ein Doppelpunkt (:) nach dem Feldnamen „a“.'
		});
		expect(syntaxError('[1, 2 3]')).toMatchObject({
			column: 7,
			message: 'Hier fehlt ein Komma zwischen zwei Listeneinträgen.'
		});
		expect(syntaxError('{"a": }').message).toContain('erwartet wurde ein Wert');
		expect(syntaxError('{"a": “x”}')).toMatchObject({
			column: 7,
			message: expect.stringContaining('Typografische')
		});
		expect(syntaxError('{"a": "\\u12"}').message).toContain('vier Hexadezimalziffern');
		expect(syntaxError('{"a": 1.}').message).toContain('Ungültige Zahl');
		expect(syntaxError('{"a": "x\ty"}')).toMatchObject({
			column: 9,
			message: expect.stringContaining('Steuerzeichen')
		});
		expect(syntaxError('{"a\nb": 1}').message).toContain('Zeilenumbruch');
		expect(syntaxError('{"a": [1,').message).toContain('endet zu früh');
	});

	it('refuses nesting deeper than it walks, without overflowing the stack', () => {
		expect(syntaxError('['.repeat(300) + ']'.repeat(300)).message).toBe(
			'Die Datei ist zu tief verschachtelt.'
		);
		expect(locateJson('['.repeat(150) + ']'.repeat(150)).ok).toBe(true);
		expect(locateJson('['.repeat(100_000) + ']'.repeat(100_000)).ok).toBe(false);
	});

	it('accepts exactly what JSON.parse accepts, also for damaged copies of the catalogue', () => {
		// A small deterministic generator, so a failure can be reproduced.
		let seed = 42;
		const random = () => {
			seed = (seed * 1103515245 + 12345) % 2147483648;
			return seed / 2147483648;
		};
		const pieces = ['{', '}', '[', ']', ',', ':', '"', '\\', '0', '-', 'e', ' ', '\n', 'x', 'true'];
		for (let i = 0; i < 1000; i++) {
			const at = Math.floor(random() * shipped.length);
			const r = random();
			const text =
				r < 0.4
					? shipped.slice(0, at) + shipped.slice(at + 1)
					: shipped.slice(0, at) + pieces[Math.floor(random() * pieces.length)] + shipped.slice(at);
			let parses = true;
			try {
				JSON.parse(text);
			} catch {
				parses = false;
			}
			expect(locateJson(text).ok, `mutation ${i} at ${at}`).toBe(parses);
		}
	});
});
