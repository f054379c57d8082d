import { z } from 'zod';
import { recordBaseSchema } from '../records';
import { criterionFeedbackSchema, feedbackVerdictSchema } from './feedback';

/**
 * The conversation about one criterion between the Fachberatung and the centre (issue 15): every
 * verdict the advisor gives, every answer of the centre and every „erledigt“ stays as a message, so
 * the history is never overwritten. `criterionFeedback` keeps the current verdict per criterion.
 *
 * A synced table: the server writes the advisor's messages (through /api/review), the centre's
 * devices write answers offline (author `einrichtung`, kind `antwort`) and push them. Messages are
 * never changed after they are written.
 */

export const feedbackAuthorSchema = z.enum(['fachberatung', 'einrichtung']);
export type FeedbackAuthor = z.infer<typeof feedbackAuthorSchema>;

export const feedbackMessageKindSchema = z.enum(['rueckmeldung', 'antwort', 'erledigt']);
export type FeedbackMessageKind = z.infer<typeof feedbackMessageKindSchema>;

export const feedbackMessageSchema = recordBaseSchema.extend({
	criterionId: z.string().min(1).max(40),
	author: feedbackAuthorSchema,
	/** Display name of whoever wrote it. */
	authorName: z.string().max(120),
	kind: feedbackMessageKindSchema,
	/** For `rueckmeldung`: the verdict given. */
	verdict: feedbackVerdictSchema.nullable().default(null),
	text: z.string().trim().max(5000, 'Die Nachricht ist zu lang (höchstens 5000 Zeichen).').default(''),
	/** The dossier version the advisor looked at, if any. */
	dossierId: z.string().max(120).nullable().default(null),
	dossierVersion: z.number().int().min(1).nullable().default(null)
});
export type FeedbackMessage = z.infer<typeof feedbackMessageSchema>;

/** What the centre types to answer (offline, on the criterion page). */
export const feedbackReplyInputSchema = z.object({
	text: z
		.string()
		.trim()
		.min(1, 'Bitte eine Antwort schreiben.')
		.max(5000, 'Die Antwort ist zu lang (höchstens 5000 Zeichen).')
});

/** `POST /api/review/facilities/:facilityId/feedback/:criterionId/messages`: a comment, verdict unchanged. */
export const feedbackCommentRequestSchema = z.object({
	text: z
		.string()
		.trim()
		.min(1, 'Bitte einen Kommentar schreiben.')
		.max(5000, 'Der Kommentar ist zu lang (höchstens 5000 Zeichen).'),
	dossierId: z.string().min(1).max(120).nullable().default(null)
});
export type FeedbackCommentRequest = z.input<typeof feedbackCommentRequestSchema>;

/** `POST …/feedback/:criterionId/resolve`: marks the point done, in view of this dossier version. */
export const feedbackResolveRequestSchema = z.object({
	dossierId: z.string().min(1).max(120).nullable().default(null)
});

/** What the advisor's feedback endpoints answer: the current feedback and the message written. */
export const feedbackChangeSchema = z.object({
	feedback: criterionFeedbackSchema.nullable(),
	message: feedbackMessageSchema.nullable()
});
export type FeedbackChange = z.infer<typeof feedbackChangeSchema>;
