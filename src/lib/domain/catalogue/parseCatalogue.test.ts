import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCatalogue, type CatalogueError } from './parseCatalogue';

const shippedText = readFileSync(
	new URL('./familienzentrum-nrw-arbeitsfassung.json', import.meta.url),
	'utf8'
);

type Json = Record<string, unknown>;
/** A fresh, mutable copy of the shipped catalogue to break on purpose. */
const shipped = (): Json => JSON.parse(shippedText) as Json;
const criteria = (c: Json) => c.criteria as Json[];
const areas = (c: Json) => c.areas as Json[];
const text = (c: unknown) => JSON.stringify(c, null, '\t');

function errorsOf(source: string): CatalogueError[] {
	const result = parseCatalogue(source);
	if (result.ok) throw new Error('expected the file to be refused');
	return result.errors;
}

/** 1-based line of the first line containing `needle` at or after line `from`. */
function lineContaining(source: string, needle: string, from = 1): number {
	const lines = source.split('\n');
	const index = lines.findIndex((l, i) => i + 1 >= from && l.includes(needle));
	if (index < 0) throw new Error(`not found: ${needle}`);
	return index + 1;
}

describe('the shipped working catalogue', () => {
	const result = parseCatalogue(shippedText);

	it('passes validation', () => {
		expect(result.ok ? [] : result.errors).toEqual([]);
	});

	it('has the real structure: four Leistungs-, four Strukturbereiche, Prävention, about 80 criteria', () => {
		if (!result.ok) throw new Error('invalid');
		const { catalogue } = result;
		expect(catalogue.areas.map((a) => `${a.id}:${a.kind}`)).toEqual([
			'L1:leistung',
			'L2:leistung',
			'L3:leistung',
			'L4:leistung',
			'S1:struktur',
			'S2:struktur',
			'S3:struktur',
			'S4:struktur',
			'P1:profil'
		]);
		expect(catalogue.criteria).toHaveLength(80);
		expect(catalogue.overallMinimum).toMatchObject({ basisLeistung: 16, basisStruktur: 12 });
		for (const criterion of catalogue.criteria) {
			expect(criterion.points).toBeGreaterThanOrEqual(criterion.level === 'basis' ? 1 : 2);
			expect(criterion.points).toBeLessThanOrEqual(criterion.level === 'basis' ? 2 : 3);
			expect(criterion.typicalEvidence.length).toBeGreaterThanOrEqual(1);
			expect(criterion.typicalEvidence.length).toBeLessThanOrEqual(4);
		}
	});

	it('is labelled as a working version, not the official text', () => {
		if (!result.ok) throw new Error('invalid');
		expect(result.catalogue.official).toBe(false);
		expect(result.catalogue.id).toBe('familienzentrum-nrw');
		expect(result.catalogue.version).toBe('2026.1-arbeitsfassung');
		expect(result.catalogue.notice).toContain('nicht der amtliche Text');
	});

	it('accepts the file with a byte order mark, as some editors save it', () => {
		expect(parseCatalogue('\uFEFF' + shippedText).ok).toBe(true);
	});
});

describe('files that are not JSON', () => {
	it('names line and column of a trailing comma', () => {
		const broken = shippedText.replace('"reviewPeriod": "kalenderjahr",', '"reviewPeriod": "kalenderjahr",,');
		const [error] = errorsOf(broken);
		expect(error.line).toBe(lineContaining(broken, '"reviewPeriod"'));
		expect(error.place).toMatch(/^Zeile \d+, Spalte \d+$/);
		expect(error.message).toContain('kein gültiges JSON');
	});

	it('explains an empty file, a cut-off file and single quotes', () => {
		expect(errorsOf('')[0].message).toContain('Die Datei ist leer');
		expect(errorsOf(shippedText.slice(0, shippedText.indexOf('"criteria"')))[0].message).toContain(
			'endet zu früh'
		);
		expect(errorsOf("{'format': 'guetesiegel-katalog/1'}")[0].message).toContain(
			'doppelten Anführungszeichen'
		);
	});

	it('refuses JSON that is not an object', () => {
		const [error] = errorsOf('[1, 2]');
		expect(error).toMatchObject({ path: '', place: 'Datei', line: 1 });
		expect(error.message).toContain('JSON-Objekt');
	});
});

describe('files of another kind', () => {
	it('stops at an unknown format marker instead of listing follow-up errors', () => {
		const c = shipped();
		c.format = 'guetesiegel-katalog/9';
		const errors = errorsOf(text(c));
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatchObject({ path: 'format', place: 'Formatkennung', line: 2 });
		expect(errors[0].message).toContain('„guetesiegel-katalog/9“ ist unbekannt');
	});

	it('says so when the format marker is missing, e.g. for a backup file', () => {
		const errors = errorsOf(text({ facilities: [], evidence: [] }));
		expect(errors).toHaveLength(1);
		expect(errors[0].message).toContain('keine Katalogdatei');
		expect(errors[0].line).toBe(1);
	});
});

describe('fields with wrong content', () => {
	it('names a missing field with the criterion and the line where that criterion starts', () => {
		const c = shipped();
		delete criteria(c)[13].points;
		const source = text(c);
		const errors = errorsOf(source);
		expect(errors).toEqual([
			{
				path: 'criteria[13].points',
				place: 'Kriterium 14 (ID 2.1) › Punkte',
				line: lineContaining(source, '"id": "2.1"') - 1,
				message: 'Das Pflichtfeld „points“ fehlt.'
			}
		]);
	});

	it('describes a wrong type, a value out of range and an empty text', () => {
		const c = shipped();
		criteria(c)[3].points = 'zwei';
		criteria(c)[4].points = 25;
		criteria(c)[5].title = '';
		const source = text(c);
		const errors = errorsOf(source);
		expect(errors.map((e) => [e.place, e.message])).toEqual([
			['Kriterium 4 (ID 1.4) › Punkte', 'Erwartet wird eine Zahl, gefunden wurde der Text „zwei“.'],
			['Kriterium 5 (ID 1.5) › Punkte', 'Der Wert darf höchstens 20 sein, gefunden wurde die Zahl 25.'],
			['Kriterium 6 (ID 1.6) › Titel', 'Darf nicht leer sein.']
		]);
		expect(errors[0].line).toBe(lineContaining(source, '"points": "zwei"'));
		expect(errors[1].line).toBe(lineContaining(source, '"points": 25'));
	});

	it('lists the allowed values of an unknown level, area kind or review period', () => {
		const c = shipped();
		criteria(c)[0].level = 'grundlage';
		areas(c)[1].kind = 'leistungsbereich';
		c.reviewPeriod = 'schuljahr';
		const messages = errorsOf(text(c)).map((e) => `${e.place}: ${e.message}`);
		expect(messages).toContain(
			'Betrachtungszeitraum: Ungültiger Wert „schuljahr“. Erlaubt sind: „kindergartenjahr“, „kalenderjahr“.'
		);
		expect(messages).toContain(
			'Bereich 2 (ID L2) › Art: Ungültiger Wert „leistungsbereich“. Erlaubt sind: „leistung“, „struktur“, „profil“.'
		);
		expect(messages).toContain(
			'Kriterium 1 (ID 1.1) › Stufe: Ungültiger Wert „grundlage“. Erlaubt sind: „basis“, „aufbau“.'
		);
	});

	it('explains a bad date, a bad id and an unknown kind of rule', () => {
		const c = shipped();
		c.validFrom = '01.08.2026';
		criteria(c)[1].id = '1 2';
		criteria(c)[0].rules = [{ kind: 'sprechstunden' }];
		const errors = errorsOf(text(c));
		const byPath = Object.fromEntries(errors.map((e) => [e.path, e]));
		expect(byPath['validFrom'].message).toContain('JJJJ-MM-TT');
		expect(byPath['criteria[1].id'].message).toContain('Nur Buchstaben, Ziffern');
		expect(byPath['criteria[0].rules[0].kind'].place).toBe('Kriterium 1 (ID 1.1) › Regel 1 › Art');
		expect(byPath['criteria[0].rules[0].kind'].message).toContain('„officeHoursMonthly“');
	});

	it('catches a misspelt field and a field given twice, which JSON.parse would silently drop', () => {
		const c = shipped();
		criteria(c)[2].punkte = 2;
		const source = text(c).replace('"title": "Gütesiegel', '"title": "Doppelt",\n\t"title": "Gütesiegel');
		const errors = errorsOf(source);
		expect(errors.map((e) => e.path)).toEqual(['title', 'criteria[2].punkte']);
		expect(errors[0].line).toBe(lineContaining(source, '"title": "Gütesiegel'));
		expect(errors[1].message).toContain('Unbekanntes Feld „punkte“');
		expect(errors[1].line).toBe(lineContaining(source, '"punkte"'));
	});

	it('reports every problem at once, in the order of the file', () => {
		const c = shipped();
		delete c.title;
		criteria(c)[70].level = 'x';
		criteria(c)[10].explanation = 7;
		const errors = errorsOf(text(c));
		expect(errors).toHaveLength(3);
		const lines = errors.map((e) => e.line ?? 0);
		expect([...lines].sort((a, b) => a - b)).toEqual(lines);
	});
});

describe('checks across the catalogue', () => {
	it('run together with the field errors, without guessing about broken entries', () => {
		const c = shipped();
		criteria(c)[0].areaId = 'L9';
		criteria(c)[1].points = 'zwei';
		// Reachable only with every criterion of L1; with 1.2 unreadable, the check must wait.
		(areas(c)[0].minimum as Json).points = 23;
		expect(errorsOf(text(c)).map((e) => e.path)).toEqual(['criteria[0].areaId', 'criteria[1].points']);
	});

	it('finds duplicate ids of criteria and areas', () => {
		const c = shipped();
		criteria(c)[5].id = '1.1';
		areas(c)[3].id = 'L1';
		const source = text(c);
		const errors = errorsOf(source);
		const criterionError = errors.find((e) => e.path === 'criteria[5].id');
		expect(criterionError?.message).toBe(
			'Die ID „1.1“ kommt mehrfach vor (schon bei Kriterium 1). Jede ID darf nur einmal vergeben werden.'
		);
		expect(criterionError?.line).toBe(
			lineContaining(source, '"id": "1.1"', lineContaining(source, '"id": "1.5"'))
		);
		expect(errors.some((e) => e.path === 'areas[3].id' && e.message.includes('schon bei Bereich 1'))).toBe(
			true
		);
	});

	it('finds a criterion that points at an area that does not exist', () => {
		const c = shipped();
		criteria(c)[0].areaId = 'L9';
		const errors = errorsOf(text(c));
		expect(errors[0]).toMatchObject({ path: 'criteria[0].areaId', place: 'Kriterium 1 (ID 1.1) › Bereich' });
		expect(errors[0].message).toContain('Es gibt keinen Bereich mit der ID „L9“');
	});

	it('finds an area without criteria', () => {
		const c = shipped();
		areas(c).push({ id: 'P2', kind: 'profil', title: 'Leerer Profilbereich', minimum: {} });
		const [error] = errorsOf(text(c));
		expect(error).toMatchObject({ path: 'areas[9]', place: 'Bereich 10 (ID P2)' });
		expect(error.message).toContain('kein einziges Kriterium');
	});

	it('finds area minimums that the criteria of the area cannot reach', () => {
		const c = shipped();
		(areas(c)[6].minimum as Json).points = 30;
		(areas(c)[6].minimum as Json).basisCount = 5;
		const errors = errorsOf(text(c));
		expect(errors.map((e) => [e.place, e.message])).toEqual([
			[
				'Bereich 7 (ID S3) › Mindestanforderung › Punkte',
				'Die Mindestpunktzahl 30 ist nicht erreichbar: Alle 6 Kriterien des Bereichs bringen zusammen nur 9 Punkte.'
			],
			[
				'Bereich 7 (ID S3) › Mindestanforderung › Basiskriterien',
				'Verlangt werden 5 Basiskriterien, der Bereich hat aber nur 4.'
			]
		]);
	});

	it('finds overall minimums that cannot be reached without a Profilbereich', () => {
		const c = shipped();
		c.overallMinimum = { points: 200, basisLeistung: 40, basisStruktur: 16 };
		const errors = errorsOf(text(c));
		expect(errors.map((e) => e.place)).toEqual([
			'Gesamtanforderung › Punkte',
			'Gesamtanforderung › Basisleistungen',
			'Gesamtanforderung › Basisstrukturen'
		]);
		expect(errors[0].message).toContain('nur 128 Punkte');
		expect(errors[2].message).toContain('nur 15 Basiskriterien');
	});

	it('finds rules that name a partner kind or an offer kind the registers do not know', () => {
		const c = shipped();
		criteria(c)[1].rules = [{ kind: 'partnerAgreement', partnerKind: 'beratungsstelle' }];
		criteria(c)[14].rules = [{ kind: 'familyEducationOffers', min: 2, offerKinds: ['elternkurs', 'yoga'] }];
		const errors = errorsOf(text(c));
		expect(errors.map((e) => e.path)).toEqual([
			'criteria[1].rules[0].partnerKind',
			'criteria[14].rules[0].offerKinds[1]'
		]);
		expect(errors[0].message).toContain('„erziehungsberatungsstelle“');
		expect(errors[1].place).toBe('Kriterium 15 (ID 2.2) › Regel 1 › Angebotsarten › Eintrag 2');
	});
});
