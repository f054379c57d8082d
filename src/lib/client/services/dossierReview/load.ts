import { LARGE_ANSWER_MS } from '$lib/client/api/dossiers';
import { LOAD_TEXTS, requestJson, type ApiResult } from '$lib/client/api/request';
import { z } from 'zod';
import { criterionFeedbackSchema, type CriterionFeedback } from '$lib/domain/dossier/feedback';
import { feedbackMessageSchema, type FeedbackMessage } from '$lib/domain/dossier/feedbackThread';
import type { DossierSnapshot } from '$lib/domain/dossier/snapshot';
import { dossierSummarySchema, type DossierSummary } from '$lib/domain/dossier/versions';

/**
 * What the review page of a dossier version needs besides the version itself: the centre's
 * versions, the advisor's feedback and the thread messages (`/api/review/facilities/<id>/context`).
 * Read leniently: `messages` arrives once the server sends threads (issue 15), until then none.
 */

export interface ReviewContext {
	dossiers: DossierSummary[];
	feedback: CriterionFeedback[];
	messages: FeedbackMessage[];
}

/** An earlier version the page compares with, once loaded. */
export interface ComparedVersion {
	summary: DossierSummary;
	snapshot: DossierSnapshot;
}

const reviewContextSchema = z.object({
	dossiers: z.array(dossierSummarySchema),
	feedback: z.array(criterionFeedbackSchema),
	messages: z.array(feedbackMessageSchema).optional()
});

export function fetchReviewContext(
	facilityId: string,
	fetchFn?: typeof fetch
): Promise<ApiResult<ReviewContext>> {
	return requestJson(`/api/review/facilities/${encodeURIComponent(facilityId)}/context`, {
		parse: (body) => {
			const parsed = reviewContextSchema.safeParse(body);
			return parsed.success ? { ...parsed.data, messages: parsed.data.messages ?? [] } : null;
		},
		timeoutMs: LARGE_ANSWER_MS,
		texts: LOAD_TEXTS,
		fetchFn
	});
}

/** The page's words for a failed load; `what` in the plural („die Nachweise“) takes „lassen“. */
export function loadFailureText(
	error: { status: number; message: string },
	what: string,
	{ plural = false } = {}
): string {
	const verb = plural ? 'lassen' : 'lässt';
	return error.status === 0 ? `Ohne Verbindung ${verb} sich ${what} nicht laden.` : error.message;
}
