import { getJson, type Fetched } from '$lib/client/api/dossiers';
import { timedFetch } from '$lib/client/api/timedFetch';
import { catalogueSchema, type Catalogue } from '$lib/domain/catalogue/schema';
import {
	criterionFeedbackSchema,
	reviewFacilityDetailSchema,
	reviewFacilityListSchema,
	type CriterionFeedback,
	type FeedbackRequest,
	type ReviewFacilityDetail,
	type ReviewFacilitySummary
} from '$lib/domain/dossier';

/** The advisor's pages talk to the server directly: she works online, on a laptop. */

const browserFetch: typeof fetch = (...args) => fetch(...args);

export function fetchReviewFacilities(fetchFn = browserFetch): Promise<Fetched<ReviewFacilitySummary[]>> {
	return getJson(
		'/api/review/facilities',
		(body) => reviewFacilityListSchema.safeParse(body).data?.facilities ?? null,
		fetchFn
	);
}

export type ReviewedFacility = Omit<ReviewFacilityDetail, 'catalogue'> & { catalogue: Catalogue };

export function fetchReviewFacility(
	facilityId: string,
	fetchFn = browserFetch
): Promise<Fetched<ReviewedFacility>> {
	return getJson(
		`/api/review/facilities/${encodeURIComponent(facilityId)}`,
		(body) => {
			const parsed = reviewFacilityDetailSchema.safeParse(body);
			const catalogue = parsed.success ? catalogueSchema.safeParse(parsed.data.catalogue) : null;
			return parsed.success && catalogue?.success ? { ...parsed.data, catalogue: catalogue.data } : null;
		},
		fetchFn
	);
}

export type FeedbackSaved =
	| { ok: true; feedback: CriterionFeedback | null }
	| { ok: false; message: string; fieldErrors: Record<string, string> };

async function send(
	method: 'PUT' | 'DELETE',
	facilityId: string,
	criterionId: string,
	body: FeedbackRequest | undefined,
	fetchFn: typeof fetch
): Promise<FeedbackSaved> {
	let response: Response;
	try {
		response = await timedFetch(fetchFn)(
			`/api/review/facilities/${encodeURIComponent(facilityId)}/feedback/${encodeURIComponent(criterionId)}`,
			{
				method,
				credentials: 'same-origin',
				headers: body ? { 'content-type': 'application/json' } : {},
				body: body ? JSON.stringify(body) : undefined
			}
		);
	} catch {
		return {
			ok: false,
			message: 'Keine Verbindung zum Server. Ihre Eingabe bleibt hier stehen.',
			fieldErrors: {}
		};
	}
	const data = (await response.json().catch(() => null)) as {
		feedback?: unknown;
		error?: { message?: string; issues?: { path: (string | number)[]; message: string }[] };
	} | null;
	if (response.ok) {
		const feedback = criterionFeedbackSchema.safeParse(data?.feedback);
		return { ok: true, feedback: feedback.success ? feedback.data : null };
	}
	const fieldErrors: Record<string, string> = {};
	for (const issue of data?.error?.issues ?? []) fieldErrors[String(issue.path[0])] ??= issue.message;
	return {
		ok: false,
		message: data?.error?.message ?? `Der Server antwortet mit Fehler ${response.status}.`,
		fieldErrors
	};
}

export function saveFeedback(
	facilityId: string,
	criterionId: string,
	request: FeedbackRequest,
	fetchFn = browserFetch
): Promise<FeedbackSaved> {
	return send('PUT', facilityId, criterionId, request, fetchFn);
}

export function withdrawFeedback(
	facilityId: string,
	criterionId: string,
	fetchFn = browserFetch
): Promise<FeedbackSaved> {
	return send('DELETE', facilityId, criterionId, undefined, fetchFn);
}
