import { describe, expect, it } from 'vitest';
import { titleFromFileName } from './sharedEvidence';

describe('titleFromFileName', () => {
	it('starts the title from the name without its extension', () => {
		expect(titleFromFileName('Kooperationsvereinbarung EB.pdf')).toBe('Kooperationsvereinbarung EB');
		expect(titleFromFileName('IMG_2041.jpeg')).toBe('IMG 2041');
		expect(titleFromFileName('Flyer.Elterncafé.png')).toBe('Flyer.Elterncafé');
	});

	it('has a title for a file without a usable name', () => {
		expect(titleFromFileName('.pdf')).toBe('Geteilte Datei');
		expect(titleFromFileName('')).toBe('Geteilte Datei');
	});
});
