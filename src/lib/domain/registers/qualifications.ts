import { z } from 'zod';
import { criterionIdSchema, recordBaseSchema, siteIdSchema } from '../records';
import { attachmentRefSchema } from '../records';
import { onlyWhenValid, registerDateSchema } from './common';

/**
 * Qualifikationen: trainings and qualifications of the staff, which the seal asks for anew in every
 * round (trainings of at least 6 hours, a qualification of at least 30 hours, short courses not
 * older than 7 years). A person is named by role or a pseudonym the centre chooses („Leitung“,
 * „Fachkraft A“): the register needs no names.
 */

export const qualificationKindSchema = z.enum(['fortbildung', 'qualifikation', 'zusatzqualifikation'], {
	error: 'Bitte die Art wählen'
});
export type QualificationKind = z.infer<typeof qualificationKindSchema>;
export const QUALIFICATION_KINDS: readonly QualificationKind[] = qualificationKindSchema.options;
export const qualificationKindLabels: Record<QualificationKind, string> = {
	fortbildung: 'Fortbildung',
	qualifikation: 'Qualifizierung',
	zusatzqualifikation: 'Zusatzqualifikation'
};

export const qualificationFields = z.object({
	title: z
		.string({ error: 'Bitte einen Titel angeben' })
		.trim()
		.min(1, 'Bitte einen Titel angeben')
		.max(200, 'Höchstens 200 Zeichen'),
	kind: qualificationKindSchema,
	/** Role or pseudonym, never a name: „Leitung“, „Fachkraft A“. */
	holder: z
		.string({ error: 'Bitte Rolle oder Kürzel angeben' })
		.trim()
		.min(1, 'Bitte Rolle oder Kürzel angeben')
		.max(80, 'Höchstens 80 Zeichen'),
	provider: z.string().trim().max(200, 'Höchstens 200 Zeichen').default(''),
	/** First and last day; a one-day course has the same day twice. */
	startDate: registerDateSchema,
	endDate: registerDateSchema,
	hours: z
		.number({
			// A form hands in NaN for text that is not a number („zehn“), undefined for an empty field.
			error: (issue) =>
				issue.input === undefined ? 'Bitte die Stunden angeben' : 'Bitte eine Zahl wie 6 oder 7,5 angeben'
		})
		.min(0.5, 'Bitte mindestens eine halbe Stunde angeben')
		.max(10_000, 'Höchstens 10.000 Stunden – bitte prüfen'),
	online: z.boolean().default(false),
	/** Criteria this qualification supports. */
	criterionIds: z.array(criterionIdSchema).max(50).default([]),
	certificate: attachmentRefSchema.nullable().default(null),
	siteId: siteIdSchema
});
export type QualificationFields = z.infer<typeof qualificationFields>;

function checkDates(q: Pick<QualificationFields, 'startDate' | 'endDate'>, ctx: z.RefinementCtx) {
	if (q.endDate < q.startDate)
		ctx.addIssue({ code: 'custom', path: ['endDate'], message: '„Ende“ liegt vor „Beginn“' });
}

// The dates are checked as soon as both are valid, so the form shows every problem at once.
const datesValid = onlyWhenValid('startDate', 'endDate');
export const qualificationInputSchema = qualificationFields.superRefine(checkDates, datesValid);
export const qualificationSchema = recordBaseSchema
	.extend(qualificationFields.shape)
	.superRefine(checkDates, datesValid);
export type Qualification = z.infer<typeof qualificationSchema>;
