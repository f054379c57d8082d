import { describe, expect, it } from 'vitest';
import { calendarYear } from '../../periods';
import { makeQualification } from '$fixtures/registers';
import { qualificationsCsv } from './qualifications';

const lines = (csv: string) =>
	csv
		.replace(/^\uFEFF/, '')
		.trimEnd()
		.split('\r\n');

describe('qualifications CSV', () => {
	it('lists the entries begun by the period end, oldest first, with German cells', () => {
		const csv = qualificationsCsv(
			[
				makeQualification({
					title: 'Kinderschutz; Teil 2',
					hours: 7.5,
					online: true,
					criterionIds: ['1.1', '4B1'],
					certificate: { sha256: 'a'.repeat(64), mimeType: 'application/pdf', size: 9, fileName: 'TN.pdf' }
				}),
				makeQualification({
					title: 'Zertifikatskurs Familienzentrum',
					kind: 'qualifikation',
					holder: 'Leitung',
					provider: '',
					startDate: '2018-09-01',
					endDate: '2019-06-30',
					hours: 160
				}),
				makeQualification({ title: 'Geplant', startDate: '2027-01-10', endDate: '2027-01-10' }),
				makeQualification({ title: 'Gelöscht', deleted: true })
			],
			calendarYear('2026-01-01'),
			'2027-01-05'
		);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(lines(csv)).toEqual([
			'Titel;Art;Rolle / Kürzel;Anbieter;Beginn;Ende;Stunden;Online;Kriterien;Bescheinigung;Älter als 7 Jahre',
			'Zertifikatskurs Familienzentrum;Qualifizierung;Leitung;;01.09.2018;30.06.2019;160;nein;;;ja',
			'"Kinderschutz; Teil 2";Fortbildung;Fachkraft A;Bildungswerk Nord;02.03.2026;02.03.2026;7,5;ja;1.1, 4B1;TN.pdf;nein'
		]);
	});
});
