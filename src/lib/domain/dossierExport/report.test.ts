import { describe, expect, it } from 'vitest';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import {
	reportCatalogue,
	reportFeedback,
	reportInput,
	reportSnapshot,
	sha
} from '../../../../tests/fixtures/dossierReport';
import { dossierReport, MISSING_FILE_TEXT } from './report';

/** All text of a definition's content, as the PDF would show it (header and footer aside). */
function textOf(node: Content | undefined): string {
	if (node === undefined || node === null) return '';
	if (typeof node === 'string' || typeof node === 'number') return String(node);
	if (Array.isArray(node)) return node.map((n) => textOf(n as Content)).join(' ');
	const o = node as unknown as Record<string, unknown>;
	const parts: string[] = [];
	// Runs of one paragraph follow each other without a gap, blocks are separated.
	if (Array.isArray(o.text)) parts.push((o.text as Content[]).map((n) => textOf(n)).join(''));
	else if (o.text !== undefined) parts.push(textOf(o.text as Content));
	for (const key of ['stack', 'columns', 'ul', 'ol'])
		if (o[key] !== undefined) parts.push(textOf(o[key] as Content));
	if (o.table) parts.push(textOf((o.table as { body: Content[][] }).body as unknown as Content));
	return parts.join(' ');
}

function reportText(definition: TDocumentDefinitions): string {
	return textOf(definition.content).replace(/\s+/g, ' ');
}

describe('the PDF report of a dossier version', () => {
	it('names every criterion of the catalogue by id, profile areas only when chosen', () => {
		const input = reportInput();
		const text = reportText(dossierReport(input));
		for (const c of reportCatalogue.criteria) {
			const chosen = !c.areaId.startsWith('P') || input.snapshot.chosenProfileAreas.includes(c.areaId);
			expect(text.includes(`${c.id} ${c.title}`), c.id).toBe(chosen);
		}
	});

	it('leaves out a Profilbereich the centre has not chosen', () => {
		const snapshot = { ...reportSnapshot(), chosenProfileAreas: [] };
		const text = reportText(dossierReport(reportInput({ snapshot })));
		expect(text).not.toContain('9.1 Vereinbarung mit der Kommune');
		expect(text).toContain('8.6 Entwicklung seit der letzten Zertifizierung');
	});

	it('shows points and Basis criteria per area against the minimums', () => {
		const input = reportInput();
		const text = reportText(dossierReport(input));
		for (const area of input.snapshot.readiness.areas) {
			expect(text).toContain(`${area.areaId}: ${area.title}`);
			expect(text).toContain(`Punkte ${area.points} von mindestens ${area.pointsRequired}`);
			expect(text).toContain(`${area.basisMet} von mindestens ${area.basisRequired}`);
		}
		const { overall } = input.snapshot.readiness;
		expect(text).toContain(`Gesamt Punkte ${overall.points} von mindestens ${overall.pointsRequired}`);
		expect(text).toMatch(/nicht erfüllt|erfüllt/);
	});

	it('has a cover with the centre, Träger, round, catalogue and hand-in', () => {
		const text = reportText(dossierReport(reportInput()));
		expect(text).toContain('Familienzentrum Sonnenblume – Süd');
		expect(text).toContain('Evangelischer Kirchenkreis Gütersloh');
		expect(text).toContain('Rezertifizierung, Einzeleinrichtung');
		expect(text).toContain('2025/26 (1. Aug 2025 – 31. Jul 2026)');
		expect(text).toContain('Unterlagen fällig 15.09.2026');
		expect(text).toContain('Vor-Ort-Termin 20.10.2026');
		expect(text).toContain('Arbeitsfassung, nicht amtlich');
		// 09:30 UTC is 10:30 in Germany in November: device and server print German time.
		expect(text).toContain('Version 2, eingegangen 23.11.2026, 10:30 Uhr');
	});

	it('says when a hand-in still waits on the device', () => {
		const definition = dossierReport(reportInput({ version: null, receivedAt: null }));
		expect(reportText(definition)).toContain('wartet auf diesem Gerät');
		expect(definition.info?.title).toContain('wartet auf Übertragung');
	});

	it('names each evidence file as the export names it, or says it is missing', () => {
		const input = reportInput({ missing: new Set([sha(2)]) });
		const text = reportText(dossierReport(input));
		const [firstPhoto] = input.plan.files;
		expect(text).toContain(`Datei: ${firstPhoto.path.split('/').at(-1)}`);
		expect(text).toContain(`${MISSING_FILE_TEXT}: IMG_2.jpg`);
		expect(text).toContain('Link: https://example.org/nachweis/');
		expect(text).toContain('gültig bis 31.07.2027');
	});

	it('shows thumbnails of photos when given and not missing', () => {
		const thumbnails = new Map([
			[sha(1), 'data:image/jpeg;base64,AAAA'],
			[sha(2), 'data:image/jpeg;base64,BBBB']
		]);
		const definition = dossierReport(reportInput({ thumbnails, missing: new Set([sha(2)]) }));
		expect(Object.keys(definition.images ?? {})).toEqual([`foto-${sha(1)}`, `foto-${sha(2)}`]);
		expect(JSON.stringify(definition.content)).toContain(`"image":"foto-${sha(1)}"`);
		expect(JSON.stringify(definition.content)).not.toContain(`"image":"foto-${sha(2)}"`);
	});

	it('uses German plurals', () => {
		const text = reportText(dossierReport(reportInput()));
		expect(text).toContain('Basis, 1 Punkt');
		expect(text).toMatch(/Basis, [02-9]\d* Punkte|Aufbau, [02-9]\d* Punkte/);
		expect(text).toContain('Kindertagespflege: 1 Eintrag');
		expect(text).toContain('Sprechstunden: 40 Einträge');
		expect(text).toContain('Familienbildung: 1 Angebot, 12 Termine');
	});

	it('carries the advisor’s feedback and the thread per criterion', () => {
		const input = reportInput({
			feedback: [reportFeedback('1.2'), reportFeedback('1.3', { verdict: 'passt', text: '', deleted: true })],
			messages: [
				{
					id: 'm-1',
					facilityId: 'fz-sonnenblume',
					createdAt: '2026-11-24T08:00:00.000Z',
					updatedAt: '2026-11-24T08:00:00.000Z',
					updatedBy: 'Lea Leitung',
					deleted: false,
					criterionId: '1.2',
					author: 'einrichtung',
					authorName: 'Lea Leitung',
					kind: 'antwort',
					verdict: null,
					text: 'Ist hochgeladen.',
					dossierId: 'd-1',
					dossierVersion: 2
				}
			]
		});
		const text = reportText(dossierReport(input));
		expect(text).toContain('Bitte nachbessern – Frieda Fachberatung');
		expect(text).toContain('Bitte die Vereinbarung mit Unterschrift hochladen.');
		expect(text).toContain('Antwort: Ist hochgeladen.');
		expect(text.match(/Rückmeldung der Fachberatung/g)).toHaveLength(1);
		expect(text).toContain('Rückmeldungen der Fachberatung zu 1 Kriterium, davon 1 offen');
	});

	it('has no feedback section without feedback', () => {
		const text = reportText(dossierReport(reportInput()));
		expect(text).not.toContain('Rückmeldung der Fachberatung');
		expect(text).toContain('Rückmeldungen der Fachberatung keine');
	});

	it('reads an old hand-in without round, Träger and register tables', () => {
		const { round: _round, registerTables: _tables, ...rest } = reportSnapshot();
		const snapshot = { ...rest, facility: { ...rest.facility, traeger: undefined } };
		const text = reportText(dossierReport(reportInput({ snapshot })));
		expect(text).toContain('Betrachtungszeitraum Kindergartenjahr 2025/26');
		expect(text).toContain('Träger –');
		expect(text).toContain('vor den Register-Tabellen');
	});

	it('sets title, author, language and German page numbers', () => {
		const definition = dossierReport(reportInput());
		expect(definition.info?.title).toBe(
			'Gütesiegel-Mappe – Familienzentrum Sonnenblume – Süd – Kindergartenjahr 2025/26 – Version 2'
		);
		expect(definition.info?.author).toBe('Lea Leitung');
		expect(definition.language).toBe('de-DE');
		const footer = definition.footer as (page: number, pages: number) => Content;
		expect(textOf(footer(3, 12))).toBe('Seite 3 von 12');
	});
});
