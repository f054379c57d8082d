import { LARGE_ANSWER_MS } from '$lib/client/api/dossiers';
import { LOAD_TEXTS, requestJson, type ApiResult, type FailureTexts } from '$lib/client/api/request';
import { REQUEST_TIMEOUT_MS } from '$lib/client/api/timedFetch';
import { catalogueSchema, type Catalogue } from '$lib/domain/catalogue/schema';
import { criterionFeedbackSchema, type FeedbackRequest } from '$lib/domain/dossier/feedback';
import {
	feedbackMessageSchema,
	type FeedbackChange,
	type FeedbackCommentRequest
} from '$lib/domain/dossier/feedbackThread';
import {
	reviewFacilityDetailSchema,
	reviewFacilityListSchema,
	type ReviewFacilityDetail,
	type ReviewFacilitySummary
} from '$lib/domain/dossier/review';

/** The advisor's pages talk to the server directly: she works online, on a laptop. */

export function fetchReviewFacilities(fetchFn?: typeof fetch): Promise<ApiResult<ReviewFacilitySummary[]>> {
	return requestJson('/api/review/facilities', {
		parse: (body) => reviewFacilityListSchema.safeParse(body).data?.facilities ?? null,
		timeoutMs: LARGE_ANSWER_MS,
		texts: LOAD_TEXTS,
		fetchFn
	});
}

export type ReviewedFacility = Omit<ReviewFacilityDetail, 'catalogue'> & { catalogue: Catalogue };

export function fetchReviewFacility(
	facilityId: string,
	fetchFn?: typeof fetch
): Promise<ApiResult<ReviewedFacility>> {
	return requestJson(`/api/review/facilities/${encodeURIComponent(facilityId)}`, {
		parse: (body) => {
			const parsed = reviewFacilityDetailSchema.safeParse(body);
			const catalogue = parsed.success ? catalogueSchema.safeParse(parsed.data.catalogue) : null;
			return parsed.success && catalogue?.success ? { ...parsed.data, catalogue: catalogue.data } : null;
		},
		timeoutMs: LARGE_ANSWER_MS,
		texts: LOAD_TEXTS,
		fetchFn
	});
}

/**
 * A feedback change on the server: the current feedback (null when withdrawn) and the thread message
 * written with it (null when none was). A refusal's issues name the form's fields.
 */
export type FeedbackSaved = ApiResult<FeedbackChange>;

const FEEDBACK_TEXTS: FailureTexts = {
	...LOAD_TEXTS,
	offline: 'Keine Verbindung zum Server. Ihre Eingabe bleibt hier stehen.',
	timeout: 'Keine Verbindung zum Server. Ihre Eingabe bleibt hier stehen.'
};

function send(
	method: 'PUT' | 'DELETE' | 'POST',
	path: string,
	body: unknown,
	fetchFn?: typeof fetch
): Promise<FeedbackSaved> {
	return requestJson(path, {
		method,
		body,
		timeoutMs: REQUEST_TIMEOUT_MS,
		parse: (data) => {
			const { feedback, message } = (data ?? {}) as { feedback?: unknown; message?: unknown };
			return {
				feedback: criterionFeedbackSchema.safeParse(feedback).data ?? null,
				message: feedbackMessageSchema.safeParse(message).data ?? null
			};
		},
		texts: FEEDBACK_TEXTS,
		fetchFn
	});
}

function feedbackPath(facilityId: string, criterionId: string, tail = ''): string {
	return `/api/review/facilities/${encodeURIComponent(facilityId)}/feedback/${encodeURIComponent(criterionId)}${tail}`;
}

/** Gives a verdict; the server also writes it into the criterion's thread. */
export function saveFeedback(
	facilityId: string,
	criterionId: string,
	request: FeedbackRequest,
	fetchFn?: typeof fetch
): Promise<FeedbackSaved> {
	return send('PUT', feedbackPath(facilityId, criterionId), request, fetchFn);
}

/** Withdraws the verdict; the thread's messages stay as history. */
export function withdrawFeedback(
	facilityId: string,
	criterionId: string,
	fetchFn?: typeof fetch
): Promise<FeedbackSaved> {
	return send('DELETE', feedbackPath(facilityId, criterionId), undefined, fetchFn);
}

/** Writes a comment into the thread without changing the verdict. */
export function commentFeedback(
	facilityId: string,
	criterionId: string,
	request: FeedbackCommentRequest,
	fetchFn?: typeof fetch
): Promise<FeedbackSaved> {
	return send('POST', feedbackPath(facilityId, criterionId, '/messages'), request, fetchFn);
}

/** Marks the point done: an „erledigt“ message and `resolvedAt` on the feedback. */
export function resolveFeedback(
	facilityId: string,
	criterionId: string,
	dossierId: string | null,
	fetchFn?: typeof fetch
): Promise<FeedbackSaved> {
	return send('POST', feedbackPath(facilityId, criterionId, '/resolve'), { dossierId }, fetchFn);
}
