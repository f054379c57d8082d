import { z } from 'zod';
import { recordBaseSchema } from '../records';
import { feedbackVerdicts, offeredVerdicts, verdictAsksCentre } from './verdicts';

/** The Fachberatung's feedback on a centre's criteria, as a synced record and as a request. */

export const feedbackVerdictSchema = z.enum(feedbackVerdicts);

/**
 * The advisor's feedback on one criterion of one centre: a synced record the centre's devices pull
 * (read-only for them). One per criterion, id `${facilityId}:${criterionId}`; a new review replaces it.
 */
export const criterionFeedbackSchema = recordBaseSchema.extend({
	criterionId: z.string().min(1).max(40),
	verdict: feedbackVerdictSchema,
	text: z.string().trim().max(5000, 'Die Rückmeldung ist zu lang (höchstens 5000 Zeichen).').default(''),
	/** Display name of the advisor. */
	reviewerName: z.string().max(120),
	/** The dossier version the feedback refers to, if the advisor reviewed one. */
	dossierId: z.string().max(120).nullable().default(null),
	dossierVersion: z.number().int().min(1).nullable().default(null),
	periodKey: z.string().max(20).nullable().default(null),
	/** When the advisor marked the point done (issue 15); null while open. A new verdict reopens. */
	resolvedAt: z.iso.datetime({ offset: true }).nullable().default(null),
	resolvedBy: z.string().max(120).default('')
});
export type CriterionFeedback = z.infer<typeof criterionFeedbackSchema>;

export function criterionFeedbackId(facilityId: string, criterionId: string): string {
	return `${facilityId}:${criterionId}`;
}

/** `PUT /api/review/facilities/:facilityId/feedback/:criterionId` */
export const feedbackRequestSchema = z
	.object({
		verdict: z.enum(offeredVerdicts, { error: 'Bitte wählen: Passt, Bitte nachbessern oder Frage.' }),
		text: z.string().trim().max(5000, 'Die Rückmeldung ist zu lang (höchstens 5000 Zeichen).'),
		dossierId: z.string().min(1).max(120).nullable().default(null)
	})
	.superRefine((f, ctx) => {
		if (f.text.length > 0 || !verdictAsksCentre(f.verdict)) return;
		ctx.addIssue({
			code: 'custom',
			path: ['text'],
			message:
				f.verdict === 'frage'
					? 'Bitte die Frage aufschreiben.'
					: 'Bitte kurz schreiben, was nachgebessert werden soll.'
		});
	});
export type FeedbackRequest = z.input<typeof feedbackRequestSchema>;
