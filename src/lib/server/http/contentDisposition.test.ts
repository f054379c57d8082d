import { describe, expect, it } from 'vitest';
import { attachmentDisposition, safeFileName } from './contentDisposition';

describe('safeFileName', () => {
	it('keeps a German name and its extension', () => {
		expect(safeFileName('Kooperationsvereinbarung Erziehungsberatung.pdf', 'application/pdf', 'x')).toBe(
			'Kooperationsvereinbarung Erziehungsberatung.pdf'
		);
		expect(safeFileName('Übersicht Öffnungszeiten.PDF', 'application/pdf', 'x')).toBe(
			'Übersicht Öffnungszeiten.pdf'
		);
		expect(safeFileName('Foto Elterncafé.jpeg', 'image/jpeg', 'x')).toBe('Foto Elterncafé.jpeg');
	});

	it('always ends in the extension of the type found in the bytes', () => {
		expect(safeFileName('rechnung.html', 'application/pdf', 'x')).toBe('rechnung.html.pdf');
		expect(safeFileName('Aushang', 'image/png', 'x')).toBe('Aushang.png');
		expect(safeFileName('foto.jpg', 'image/png', 'x')).toBe('foto.jpg.png');
	});

	it('drops folders, control characters, quotes and what Windows forbids', () => {
		expect(safeFileName('../../etc/passwd', 'application/pdf', 'x')).toBe('passwd.pdf');
		expect(safeFileName('C:\\Users\\lea\\plan.pdf', 'application/pdf', 'x')).toBe('plan.pdf');
		expect(safeFileName('a"b\r\nContent-Type: text/html;<x>|*?.pdf', 'application/pdf', 'x')).toBe(
			'abContent-Type text/html;x.pdf'
		);
		expect(safeFileName('.htaccess', 'application/pdf', 'x')).toBe('htaccess.pdf');
	});

	it('falls back to the given stem when nothing usable is left, and caps the length', () => {
		expect(safeFileName(null, 'application/pdf', 'datei-0123456789ab')).toBe('datei-0123456789ab.pdf');
		expect(safeFileName(' / ', 'image/webp', 'datei')).toBe('datei.webp');
		const long = safeFileName(`${'ä'.repeat(300)}.pdf`, 'application/pdf', 'x');
		expect([...long]).toHaveLength(150);
		expect(long.endsWith('ää.pdf')).toBe(true);
	});
});

describe('attachmentDisposition', () => {
	it('sends umlauts UTF-8 encoded after RFC 5987, with an ASCII name for older clients', () => {
		expect(attachmentDisposition('Übersicht Öffnungszeiten (groß).pdf')).toBe(
			`attachment; filename="Uebersicht Oeffnungszeiten (gross).pdf"; ` +
				`filename*=UTF-8''%C3%9Cbersicht%20%C3%96ffnungszeiten%20%28gro%C3%9F%29.pdf`
		);
	});

	it('keeps the plain name free of characters that would break or confuse the header', () => {
		const header = attachmentDisposition("Café 100% l'été 😀.pdf");
		expect(header).toBe(
			`attachment; filename="Cafe 100_ l'ete _.pdf"; ` +
				`filename*=UTF-8''Caf%C3%A9%20100%25%20l%27%C3%A9t%C3%A9%20%F0%9F%98%80.pdf`
		);
		expect(header).toMatch(/^[\x20-\x7e]+$/);
	});
});
