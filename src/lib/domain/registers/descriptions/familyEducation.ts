import { PREVENTION_PHASES, preventionPhaseLabels } from '$lib/domain/registers/common';
import { familyEducationCsv } from '$lib/domain/registers/csv/registers';
import * as familyEducation from '$lib/domain/registers/familyEducation';
import type { FieldSpecs, RegisterDescription } from './description';

/**
 * The fields of an offer's form. The partner's options are the partners entered so far, and the
 * sessions are a list of rows: the form adds those.
 */
export const familyEducationOfferFieldSpecs = {
	title: { label: 'Titel', maxlength: 200 },
	kind: {
		label: 'Art des Angebots',
		type: 'choice',
		options: familyEducation.FAMILY_EDUCATION_KINDS,
		labels: familyEducation.familyEducationKindLabels
	},
	partnerId: { label: 'Kooperationspartner (optional)', type: 'choice', none: 'Eigenes Angebot' },
	targetGroup: { label: 'Zielgruppe (optional)', maxlength: 200 },
	languages: { label: 'Sprachen', hint: 'Mehrere durch Komma trennen, z. B. „Deutsch, Türkisch“' },
	free: {
		label: 'Kosten',
		type: 'choice',
		options: ['ja', 'nein'],
		labels: { ja: 'Kostenfrei', nein: 'Mit Gebühr' }
	},
	location: {
		label: 'Ort',
		type: 'choice',
		options: familyEducation.offerLocationSchema.options,
		labels: familyEducation.offerLocationLabels,
		none: null
	},
	phases: {
		legend: 'Phasen der Präventionskette (optional)',
		options: PREVENTION_PHASES,
		labels: preventionPhaseLabels
	}
} as const satisfies FieldSpecs;

/** Familienbildung: offers and courses with their sessions and the number of participants. */
export const familyEducationRegister: RegisterDescription = {
	segment: 'familienbildung',
	title: 'Familienbildung',
	pageTitle: 'Familienbildung',
	intro: 'Angebote und Kurse mit ihren Terminen und der Zahl der Teilnehmenden – keine Namen.',
	periodic: true,
	draftRegister: 'familyEducation',
	summary: 'familyEducation',
	tables: [
		{
			kind: 'offer',
			section: {
				id: 'offers-title',
				title: 'Angebote und Kurse',
				add: 'Angebot eintragen',
				empty: 'Keine Angebote im {period}'
			},
			table: 'familyEducationOffers',
			schema: familyEducation.familyEducationOfferInputSchema,
			fields: familyEducationOfferFieldSpecs,
			csv: {
				name: 'familienbildung',
				periodic: true,
				build: (data, period) => familyEducationCsv(data.familyEducationOffers, data.partners, period)
			}
		}
	]
};
