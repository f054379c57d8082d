import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvCell, toCsv } from './csv';

describe('CSV for German Excel', () => {
	it('starts with a UTF-8 byte order mark and separates with semicolons', () => {
		const csv = toCsv(['Datum', 'Anzahl'], [['01.08.2025', 3]]);
		expect(csv.startsWith(CSV_BOM)).toBe(true);
		expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
		expect(csv).toBe('\uFEFFDatum;Anzahl\r\n01.08.2025;3\r\n');
	});

	it('keeps umlauts and ß as they are', () => {
		expect(toCsv(['Größe'], [['Elterncafé für Väter']])).toBe('\uFEFFGröße\r\nElterncafé für Väter\r\n');
	});

	it('quotes text with semicolons, quotes or line breaks', () => {
		expect(csvCell('Kurs; Teil 1')).toBe('"Kurs; Teil 1"');
		expect(csvCell('Der „Eltern“-Kurs "Stark"')).toBe('"Der „Eltern“-Kurs ""Stark"""');
		expect(csvCell('Zeile 1\nZeile 2')).toBe('"Zeile 1\nZeile 2"');
		expect(csvCell(' Rand ')).toBe('" Rand "');
		expect(csvCell('schlicht')).toBe('schlicht');
	});

	it('writes decimals with a comma, booleans as ja/nein and empty cells for nothing', () => {
		expect(csvCell(1.5)).toBe('1,5');
		expect(csvCell(12)).toBe('12');
		expect(csvCell(true)).toBe('ja');
		expect(csvCell(false)).toBe('nein');
		expect(csvCell(null)).toBe('');
		expect(csvCell(undefined)).toBe('');
	});

	it('keeps text that looks like a formula from running in Excel', () => {
		expect(csvCell('=SUMME(A1:A9)')).toBe("'=SUMME(A1:A9)");
		expect(csvCell('-Kurs')).toBe("'-Kurs");
		expect(csvCell('@x;y')).toBe('"\'@x;y"');
	});
});
