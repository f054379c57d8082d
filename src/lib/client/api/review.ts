import { LARGE_ANSWER_MS } from '$lib/client/api/dossiers';
import { LOAD_TEXTS, requestJson, type ApiResult, type FailureTexts } from '$lib/client/api/request';
import { REQUEST_TIMEOUT_MS } from '$lib/client/api/timedFetch';
import { catalogueSchema, type Catalogue } from '$lib/domain/catalogue/schema';
import {
	criterionFeedbackSchema,
	type CriterionFeedback,
	type FeedbackRequest
} from '$lib/domain/dossier/feedback';
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

/** A saved (or withdrawn: null) feedback; a refusal's issues name the form's fields. */
export type FeedbackSaved = ApiResult<{ feedback: CriterionFeedback | null }>;

const FEEDBACK_TEXTS: FailureTexts = {
	...LOAD_TEXTS,
	offline: 'Keine Verbindung zum Server. Ihre Eingabe bleibt hier stehen.',
	timeout: 'Keine Verbindung zum Server. Ihre Eingabe bleibt hier stehen.'
};

function send(
	method: 'PUT' | 'DELETE',
	facilityId: string,
	criterionId: string,
	body: FeedbackRequest | undefined,
	fetchFn?: typeof fetch
): Promise<FeedbackSaved> {
	return requestJson(
		`/api/review/facilities/${encodeURIComponent(facilityId)}/feedback/${encodeURIComponent(criterionId)}`,
		{
			method,
			body,
			timeoutMs: REQUEST_TIMEOUT_MS,
			parse: (data) => ({
				feedback:
					criterionFeedbackSchema.safeParse((data as { feedback?: unknown } | null)?.feedback).data ?? null
			}),
			texts: FEEDBACK_TEXTS,
			fetchFn
		}
	);
}

export function saveFeedback(
	facilityId: string,
	criterionId: string,
	request: FeedbackRequest,
	fetchFn?: typeof fetch
): Promise<FeedbackSaved> {
	return send('PUT', facilityId, criterionId, request, fetchFn);
}

export function withdrawFeedback(
	facilityId: string,
	criterionId: string,
	fetchFn?: typeof fetch
): Promise<FeedbackSaved> {
	return send('DELETE', facilityId, criterionId, undefined, fetchFn);
}
