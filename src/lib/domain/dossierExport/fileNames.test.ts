import { describe, expect, it } from 'vitest';
import { evidenceFileName, extensionOf, folderName, namePart } from './fileNames';

describe('names in the export for the certification body', () => {
	it('keeps umlauts and drops what Windows or a folder path would refuse', () => {
		expect(namePart('Kooperationsvertrag: Jugendamt / Stadt')).toBe('Kooperationsvertrag Jugendamt Stadt');
		expect(namePart('Aushang „Elterncafé“ * Größe?')).toBe('Aushang „Elterncafé“ Größe');
		expect(namePart('Zeile\u0000eins\nzwei\ttab')).toBe('Zeile eins zwei tab');
		expect(namePart('Ende mit Punkt. ')).toBe('Ende mit Punkt');
		expect(namePart('..\\..\\Windows')).toBe('.. .. Windows');
	});

	it('shortens long titles without cutting a character in two', () => {
		const long = 'Ä'.repeat(100);
		expect([...namePart(long)]).toHaveLength(60);
		expect(namePart('Protokoll der Teamsitzung zur Konzeption der Familienbildung im Herbst', 40)).toBe(
			'Protokoll der Teamsitzung zur'
		);
		expect(namePart('😀'.repeat(80), 10)).toBe('😀'.repeat(10));
	});

	it('names evidence <criterion id>_<nn>_<title>.<ext>', () => {
		expect(evidenceFileName('1.1', 1, 'Sprechstundenplan', 'pdf')).toBe('1.1_01_Sprechstundenplan.pdf');
		expect(evidenceFileName('4K.1', 12, 'Foto / Aushang', 'jpg')).toBe('4K.1_12_Foto Aushang.jpg');
		expect(evidenceFileName('2.3', 100, '', 'png')).toBe('2.3_100_Nachweis.png');
	});

	it('takes the extension from the type found in the bytes, else from the name', () => {
		expect(extensionOf('Vertrag.2024', 'application/pdf')).toBe('pdf');
		expect(extensionOf('IMG_1.JPEG', 'image/jpeg')).toBe('jpg');
		expect(extensionOf('Liste.DOCX', 'application/octet-stream')).toBe('docx');
		expect(extensionOf('ohne Endung', 'application/octet-stream')).toBe('bin');
	});

	it('names area and criterion folders by id and title', () => {
		expect(folderName('L1', 'Beratung und Unterstützung von Kindern und Familien')).toBe(
			'L1 Beratung und Unterstützung von Kindern und'
		);
		expect(folderName('S1', 'Sozialraumbezug')).toBe('S1 Sozialraumbezug');
		expect(folderName('1.1', '')).toBe('1.1');
	});
});
