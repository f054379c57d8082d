import { describe, expect, it } from 'vitest';
import { calendarYear, kindergartenYear } from '../../periods';
import {
	makeChildminderArrangement,
	makeChildminderContact,
	makeFamilyEducationOffer,
	makeOfficeHourPlan,
	makeOfficeHourSession,
	makePartner,
	makePreventionOffer,
	makePreventionProfile
} from '$fixtures/registers';
import {
	childminderArrangementsCsv,
	childminderContactsCsv,
	csvFileName,
	familyEducationCsv,
	officeHourPlansCsv,
	officeHourSessionsCsv,
	partnersCsv,
	preventionCsv
} from './registers';

const kj2025 = kindergartenYear('2025-08-01');
const lines = (csv: string) =>
	csv
		.replace(/^\uFEFF/, '')
		.trimEnd()
		.split('\r\n');

describe('register CSV exports', () => {
	it('export office hours of the period with German headers and dd.MM.yyyy dates, oldest first', () => {
		const plan = makeOfficeHourPlan({ counsellingService: 'EB Nord; Außenstelle' });
		const csv = officeHourSessionsCsv(
			[
				makeOfficeHourSession({ date: '2026-07-31', planId: plan.id, contacts: 4 }),
				makeOfficeHourSession({ date: '2025-08-01', topic: 'trennung_scheidung', durationMinutes: 90 }),
				makeOfficeHourSession({ date: '2026-08-01' }),
				makeOfficeHourSession({ date: '2026-01-01', deleted: true })
			],
			[plan],
			kj2025
		);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(lines(csv)).toEqual([
			'Datum;Dauer (Minuten);Kontakte;Thema;Sprechstunde laut Plan',
			'01.08.2025;90;3;Trennung und Scheidung;Zusätzlicher Termin',
			'31.07.2026;120;4;Erziehungsfragen;"Dienstag 14:00–16:00, EB Nord; Außenstelle"'
		]);
		expect(lines(officeHourPlansCsv([plan]))[1]).toBe(
			'Dienstag;14:00;16:00;"EB Nord; Außenstelle";Im Familienzentrum;01.01.2020;'
		);
	});

	it('export one row per Familienbildung offer with the sessions of the period', () => {
		const partner = makePartner({ name: 'Familienbildungsstätte „Süd“' });
		const offer = makeFamilyEducationOffer({
			title: 'Elterncafé "Kaffeeklatsch"',
			kind: 'elterncafe',
			partnerId: partner.id,
			languages: ['Deutsch', 'Türkisch'],
			phases: ['null_bis_drei', 'drei_bis_sechs'],
			sessions: [
				{ date: '2026-01-13', participants: 7 },
				{ date: '2025-12-16', participants: 5 },
				{ date: '2027-01-12', participants: 9 }
			]
		});
		const rows = lines(familyEducationCsv([offer], [partner], calendarYear('2026-01-01')));
		expect(rows[0].split(';')).toHaveLength(13);
		expect(rows[1]).toBe(
			'"Elterncafé ""Kaffeeklatsch""";Elterncafé;Familienbildungsstätte „Süd“;Eltern von Kindern bis 6 Jahre;' +
				'Deutsch, Türkisch;ja;Im Familienzentrum;0–3 Jahre, 3–6 Jahre;1;7;13.01.2026;13.01.2026;13.01.2026 (7)'
		);
		expect(lines(familyEducationCsv([offer], [partner], null))[1]).toContain(';3;21;16.12.2025;12.01.2027;');
	});

	it('export Kindertagespflege contacts and arrangements', () => {
		expect(
			lines(
				childminderContactsCsv(
					[makeChildminderContact({ date: '2026-03-29', kind: 'vermittlung', count: 2 })],
					calendarYear('2026-01-01')
				)
			)
		).toEqual(['Datum;Art;Anzahl', '29.03.2026;Vermittlung;2']);
		expect(
			lines(
				childminderArrangementsCsv(
					[makeChildminderArrangement({ description: 'Dienstags; 8–12 Uhr', validTo: '2026-12-31' })],
					kj2025
				)
			)[1]
		).toBe('Raum für Tagespflege;Tagespflegeperson A;"Dienstags; 8–12 Uhr";01.01.2025;31.12.2026');
	});

	it('export partners with the status of their agreement', () => {
		const rows = lines(
			partnersCsv(
				[
					makePartner({
						agreement: {
							signedOn: '2024-05-01',
							validUntil: '2026-12-01',
							attachment: {
								sha256: 'a'.repeat(64),
								mimeType: 'application/pdf',
								size: 10,
								fileName: 'KV.pdf'
							}
						}
					}),
					makePartner({ name: 'Hebammenpraxis', kind: 'hebamme', agreement: null })
				],
				'2026-11-21',
				null
			)
		);
		expect(rows[1]).toBe(
			'Erziehungsberatungsstelle Nord;Erziehungsberatungsstelle;Leitung;01.05.2024;01.12.2026;Läuft in den nächsten 90 Tagen ab;KV.pdf'
		);
		expect(rows[2]).toBe(
			'Hebammenpraxis;Hebamme / Hebammenpraxis;Leitung;;;Keine schriftliche Vereinbarung;'
		);
	});

	it('export prevention offers with the network', () => {
		const rows = lines(preventionCsv(makePreventionProfile(), [makePreventionOffer()], kj2025));
		expect(rows[1]).toBe(
			'Willkommensbesuche;0–3 Jahre;Information, Begleitung;;01.01.2024;;Präventionskette Musterstadt;Kommunale Präventionskette;Lokale Anlaufstelle'
		);
	});

	it('name files by register and period', () => {
		expect(csvFileName('sprechstunden', kj2025)).toBe('sprechstunden-kj-2025.csv');
		expect(csvFileName('partner', null)).toBe('partner.csv');
	});
});
