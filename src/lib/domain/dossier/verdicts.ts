/**
 * The verdicts the Fachberatung gives on a criterion and what each asks of the centre. Kept apart
 * from the zod schemas in `feedback.ts` (which builds its enum from `feedbackVerdicts`), so the
 * Übersicht's card „Rückmeldungen der Fachberatung“ loads without zod (tests/bench/initialBundle.js).
 */

/** `hinweis` only in feedback given before issue 15; the advisor now chooses one of `offeredVerdicts`. */
export const feedbackVerdicts = ['passt', 'nachbessern', 'frage', 'hinweis'] as const;
export type FeedbackVerdict = (typeof feedbackVerdicts)[number];

export const feedbackVerdictLabels: Record<FeedbackVerdict, string> = {
	passt: 'Passt',
	nachbessern: 'Bitte nachbessern',
	frage: 'Frage',
	hinweis: 'Hinweis'
};

/** What the advisor chooses from, in this order; none is preselected (issue 15). */
export const offeredVerdicts = [
	'passt',
	'nachbessern',
	'frage'
] as const satisfies readonly FeedbackVerdict[];

/** Verdicts that leave a point open for the centre until it is marked done or answered „Passt“. */
export function verdictAsksCentre(verdict: FeedbackVerdict): boolean {
	return verdict === 'nachbessern' || verdict === 'frage';
}
