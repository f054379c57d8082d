import { qualificationsCsv } from '$lib/domain/registers/csv/qualifications';
import {
	QUALIFICATION_KINDS,
	qualificationInputSchema,
	qualificationKindLabels
} from '$lib/domain/registers/qualifications';
import type { FieldSpecs, RegisterDescription } from './description';

/**
 * The fields of a qualification's form. The supported criteria are picked with the criterion
 * picker, and the certificate is a file input that shows `certificate`'s label and hint.
 */
export const qualificationFieldSpecs = {
	title: { label: 'Titel', hint: 'z. B. „Fortbildung Kinderschutz“', maxlength: 200 },
	kind: { label: 'Art', type: 'choice', options: QUALIFICATION_KINDS, labels: qualificationKindLabels },
	holder: {
		label: 'Rolle oder Kürzel',
		hint: 'z. B. Leitung, Fachkraft A – Namen sind nicht nötig.',
		maxlength: 80
	},
	provider: { label: 'Anbieter (optional)', maxlength: 200 },
	startDate: { label: 'Beginn', type: 'date' },
	endDate: { label: 'Ende (optional)', hint: 'Leer lassen, wenn es ein einzelner Tag war.', type: 'date' },
	hours: { label: 'Stunden', hint: 'Zeitstunden, z. B. 6 oder 7,5', type: 'decimal' },
	online: {
		label: 'Durchführung',
		type: 'choice',
		options: ['nein', 'ja'],
		labels: { nein: 'In Präsenz', ja: 'Online' },
		none: null
	},
	certificate: {
		label: 'Teilnahmebescheinigung (optional)',
		hint: 'PDF oder Foto der Bescheinigung'
	}
} as const satisfies FieldSpecs;

/** Qualifikationen: the staff's trainings and qualifications; they carry over between rounds. */
export const qualificationsRegister: RegisterDescription = {
	segment: 'qualifikationen',
	title: 'Qualifikationen des Teams',
	pageTitle: 'Qualifikationen',
	intro:
		'Fortbildungen und Qualifizierungen des Teams mit Stunden und Daten. Personen nur mit ihrer Rolle oder einem Kürzel wie „Fachkraft A“ – Namen sind nicht nötig.',
	periodic: true,
	draftRegister: 'qualifications',
	summary: 'qualifications',
	tables: [
		{
			kind: 'qualification',
			section: {
				id: 'qualifications-title',
				title: 'Fortbildungen und Qualifizierungen',
				add: 'Qualifikation eintragen',
				empty: 'Noch keine Qualifikationen eingetragen',
				emptyHint:
					'Das Gütesiegel fragt in jeder Runde nach Fortbildungen (ab 6 Stunden) und Qualifizierungen (ab 30 Stunden) des Teams.'
			},
			table: 'qualifications',
			schema: qualificationInputSchema,
			fields: qualificationFieldSpecs,
			csv: {
				name: 'qualifikationen',
				periodic: true,
				build: (data, period, today) => qualificationsCsv(data.qualifications, period, today)
			}
		}
	]
};
