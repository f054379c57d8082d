import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCatalogue, type CatalogueError } from './parseCatalogue';

const shippedText = readFileSync(
	new URL('./familienzentrum-nrw-2027-arbeitsfassung.json', import.meta.url),
	'utf8'
);

type Json = Record<string, unknown>;
/** A fresh, mutable copy of the format-2 working catalogue to break on purpose. */
const shipped = (): Json => JSON.parse(shippedText) as Json;
const criteria = (c: Json) => c.criteria as Json[];
const criterion = (c: Json, id: string) => {
	const found = criteria(c).find((k) => k.id === id);
	if (!found) throw new Error(`no criterion ${id}`);
	return found;
};
const indexOf = (c: Json, id: string) => criteria(c).findIndex((k) => k.id === id);
const text = (c: unknown) => JSON.stringify(c, null, '\t');

function errorsOf(source: string): CatalogueError[] {
	const result = parseCatalogue(source);
	if (result.ok) throw new Error('expected the file to be refused');
	return result.errors;
}

function lineOf(source: string, needle: string): number {
	const index = source.split('\n').findIndex((l) => l.includes(needle));
	if (index < 0) throw new Error(`not found: ${needle}`);
	return index + 1;
}

describe('format-2 fields: zod errors in German with their place', () => {
	it('names an unknown threshold source and a bad window, with the allowed values and the line', () => {
		const c = shipped();
		const thresholds = criterion(c, '1.1').thresholds as Json[];
		thresholds[0].source = 'sprechstunden';
		thresholds[0].per = 'woche';
		const source = text(c);
		const errors = errorsOf(source);
		const i = indexOf(c, '1.1');
		expect(errors).toContainEqual({
			path: `criteria[${i}].thresholds[0].source`,
			place: `Kriterium ${i + 1} (ID 1.1) › Schwellenwert 1 (ID monatlich) › Quelle`,
			line: lineOf(source, '"sprechstunden"'),
			message: expect.stringMatching(/^Ungültiger Wert „sprechstunden“\. Erlaubt sind: „officeHourSessions“/)
		});
		expect(errors).toContainEqual(
			expect.objectContaining({
				path: `criteria[${i}].thresholds[0].per`,
				line: lineOf(source, '"woche"'),
				message: 'Ungültiger Wert „woche“. Erlaubt sind: „period“, „half“, „month“.'
			})
		);
	});

	it('explains a malformed UND/ODER expression', () => {
		const c = shipped();
		criterion(c, '1.3').requires = { oder: ['1.3.1'] };
		criterion(c, '4.12').requires = { or: ['4.12.1', 'wochenende'] };
		const errors = errorsOf(text(c));
		expect(errors).toContainEqual(
			expect.objectContaining({
				path: `criteria[${indexOf(c, '1.3')}].requires.oder`,
				message: 'ODER verbindet mindestens zwei Teile.'
			})
		);
		expect(errors).toContainEqual(
			expect.objectContaining({
				path: `criteria[${indexOf(c, '4.12')}].requires`,
				message: expect.stringMatching(/^Eine Bedingung ist eine ID in Anführungszeichen oder ein Objekt/)
			})
		);
	});

	it('reports misspelt fields of thresholds, items and filters', () => {
		const c = shipped();
		const thresholds = criterion(c, '2.4').thresholds as Json[];
		thresholds[0].minimum = 1;
		(thresholds[0].where as Json).sessions = 8;
		(criterion(c, '1.3').items as Json[])[0].titel = 'x';
		const errors = errorsOf(text(c));
		const i = indexOf(c, '2.4');
		expect(errors.map((e) => [e.path, e.message.slice(0, 40)])).toEqual(
			expect.arrayContaining([
				[`criteria[${i}].thresholds[0].minimum`, 'Unbekanntes Feld „minimum“ (Tippfehler?)'],
				[`criteria[${i}].thresholds[0].where`, 'Unbekanntes Feld „sessions“ (Tippfehler?'],
				[`criteria[${indexOf(c, '1.3')}].items[0].titel`, 'Unbekanntes Feld „titel“ (Tippfehler?). ']
			])
		);
	});

	it('refuses format-2 fields in a file that says it is format 1', () => {
		const c = shipped();
		c.format = 'guetesiegel-katalog/1';
		const errors = errorsOf(text(c));
		expect(errors).toContainEqual(
			expect.objectContaining({
				path: 'secondHalfStarts',
				message:
					'Das Feld „secondHalfStarts“ gibt es erst in Format 2. Stelle „format“ auf „guetesiegel-katalog/2“ um.'
			})
		);
		expect(errors.some((e) => e.path.endsWith('.items'))).toBe(true);
	});
});

describe('format-2 cross-checks', () => {
	function crossErrors(change: (c: Json) => void): CatalogueError[] {
		const c = shipped();
		change(c);
		return errorsOf(text(c));
	}

	it('wants item ids unique across criteria and items', () => {
		const errors = crossErrors((c) => {
			(criterion(c, '1.3').items as Json[])[1].id = '1.1.1';
			(criterion(c, '4.12').items as Json[])[0].id = '2.2';
		});
		expect(errors.map((e) => e.message)).toEqual(
			expect.arrayContaining([
				'Die ID „1.1.1“ ist schon vergeben (Unterpunkt von Kriterium 1.1). Unterpunkte brauchen IDs, die im ganzen Katalog nur einmal vorkommen.',
				'Die ID „2.2“ ist schon vergeben (Kriterium 2.2). Unterpunkte brauchen IDs, die im ganzen Katalog nur einmal vorkommen.'
			])
		);
	});

	it('wants threshold ids unique within a criterion and months only per month', () => {
		const errors = crossErrors((c) => {
			const thresholds = criterion(c, '2.1').thresholds as Json[];
			thresholds[1].id = 'angebote';
			thresholds[0].months = 6;
		});
		const i = `criteria[${indexOf(shipped(), '2.1')}]`;
		expect(errors).toContainEqual(
			expect.objectContaining({
				path: `${i}.thresholds[1].id`,
				message: expect.stringContaining('Die ID „angebote“ ist in diesem Kriterium schon vergeben')
			})
		);
		expect(errors).toContainEqual(
			expect.objectContaining({
				path: `${i}.thresholds[0].months`,
				message: '„months“ gilt nur für Schwellenwerte je Monat („per“: „month“); hier steht „period“.'
			})
		);
	});

	it('wants the expression to name only the criterion’s own parts, and all of them', () => {
		const errors = crossErrors((c) => {
			criterion(c, '1.3').requires = { oder: ['1.3.1', '1.1.1'] };
			criterion(c, '5.1').requires = '5.1.1';
		});
		const c = shipped();
		expect(errors).toEqual(
			expect.arrayContaining([
				{
					path: `criteria[${indexOf(c, '1.3')}].requires`,
					place: `Kriterium ${indexOf(c, '1.3') + 1} (ID 1.3) › Bedingung`,
					line: expect.any(Number),
					message:
						'Die Bedingung nennt „1.1.1“, das ist aber kein Unterpunkt oder Schwellenwert dieses Kriteriums. Möglich sind: „1.3.1“, „1.3.2“.'
				},
				expect.objectContaining({
					path: `criteria[${indexOf(c, '1.3')}].requires`,
					message: 'Der Teil „1.3.2“ kommt in der Bedingung nicht vor und würde nie gebraucht.'
				}),
				expect.objectContaining({
					path: `criteria[${indexOf(c, '5.1')}].requires`,
					message: expect.stringMatching(/^Eine Bedingung \(„requires“\) braucht Unterpunkte/)
				})
			])
		);
	});

	it('wants a block of the criterion’s own area', () => {
		const errors = crossErrors((c) => {
			criterion(c, '4.1').blockId = '4X';
			criterion(c, '1.1').blockId = '4B';
		});
		const c = shipped();
		expect(errors).toEqual(
			expect.arrayContaining([
				expect.objectContaining({
					path: `criteria[${indexOf(c, '4.1')}].blockId`,
					message: 'Der Bereich „L4“ hat keinen Block „4X“. Vorhanden sind: „4H“, „4B“, „4F“, „4K“.'
				}),
				expect.objectContaining({
					path: `criteria[${indexOf(c, '1.1')}].blockId`,
					message: 'Der Bereich „L1“ hat keine Blöcke („blocks“), das Kriterium nennt aber den Block „4B“.'
				})
			])
		);
	});

	it('wants mappings to point at criteria or items of this catalogue', () => {
		const errors = crossErrors((c) => {
			const mappings = c.mappings as Json[];
			(mappings[0].criteria as Json)['4.6'] = '4K.9';
			mappings.push({ fromVersion: c.version, criteria: {} });
		});
		expect(errors).toEqual(
			expect.arrayContaining([
				expect.objectContaining({
					path: 'mappings[0].criteria["4.6"]',
					place: 'Zuordnung 1 › Kriterien › „4.6“',
					message:
						'„4.6“ soll zu „4K.9“ werden, aber in diesem Katalog gibt es kein Kriterium und keinen Unterpunkt mit der ID „4K.9“.'
				}),
				expect.objectContaining({ path: 'mappings[1].fromVersion' })
			])
		);
	});

	it('wants the second half to start on a real day that splits the period', () => {
		expect(crossErrors((c) => (c.secondHalfStarts = '02-30')).map((e) => e.message)).toContain(
			'Den Tag „02-30“ gibt es nicht.'
		);
		expect(crossErrors((c) => (c.secondHalfStarts = '01-01')).map((e) => e.path)).toContain(
			'secondHalfStarts'
		);
	});

	it('wants the minimums reachable in every questionnaire', () => {
		const errors = crossErrors((c) => {
			for (const k of criteria(c)) if (k.areaId === 'S3') k.appliesTo = { forms: ['verbund'] };
		});
		const s3 = (shipped().areas as Json[]).findIndex((a) => a.id === 'S3');
		expect(errors).toContainEqual(
			expect.objectContaining({
				path: `areas[${s3}].minimum.points`,
				message: expect.stringMatching(
					/^Im Fragebogen „Einzeleinrichtung · Erstzertifizierung“: Die Mindestpunktzahl 5 ist nicht erreichbar/
				)
			})
		);
		expect(errors.some((e) => e.message.includes('„Verbund ·'))).toBe(false);
	});
});
