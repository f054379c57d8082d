import { z } from 'zod';
import { recordBaseSchema } from '../records';

/** The Fachberatung's feedback on a centre's criteria, as a synced record and as a request. */

export const feedbackVerdictSchema = z.enum(['passt', 'nachbessern', 'hinweis']);
export type FeedbackVerdict = z.infer<typeof feedbackVerdictSchema>;

export const feedbackVerdictLabels: Record<FeedbackVerdict, string> = {
	passt: 'Passt',
	nachbessern: 'Bitte nachbessern',
	hinweis: 'Hinweis'
};

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
	periodKey: z.string().max(20).nullable().default(null)
});
export type CriterionFeedback = z.infer<typeof criterionFeedbackSchema>;

export function criterionFeedbackId(facilityId: string, criterionId: string): string {
	return `${facilityId}:${criterionId}`;
}

/** `PUT /api/review/facilities/:facilityId/feedback/:criterionId` */
export const feedbackRequestSchema = z
	.object({
		verdict: feedbackVerdictSchema,
		text: z.string().trim().max(5000, 'Die Rückmeldung ist zu lang (höchstens 5000 Zeichen).'),
		dossierId: z.string().min(1).max(120).nullable().default(null)
	})
	.refine((f) => f.verdict === 'passt' || f.text.length > 0, {
		message: 'Bitte kurz schreiben, was nachgebessert werden soll.',
		path: ['text']
	});
export type FeedbackRequest = z.input<typeof feedbackRequestSchema>;
