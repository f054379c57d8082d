import { LOAD_TEXTS, requestJson, type ApiResult } from '$lib/client/api/request';
import { transferTimeoutMs } from '$lib/client/api/timedFetch';
import { catalogueSchema, type Catalogue } from '$lib/domain/catalogue/schema';
import { dossierOutlineResponseSchema, type DossierOutline } from '$lib/domain/dossier/outline';
import type { DossierSnapshot } from '$lib/domain/dossier/snapshot';
import {
	dossierListResponseSchema,
	dossierResponseSchema,
	dossierSubmitResponseSchema,
	type Dossier,
	type DossierSummary
} from '$lib/domain/dossier/versions';

/** A dossier carries its catalogue and snapshot: a load allows for a few megabytes. */
export const LARGE_ANSWER_MS = transferTimeoutMs(5_000_000);

/** The versions the server holds for a facility, newest first. */
export function fetchDossiers(
	facilityId: string,
	fetchFn?: typeof fetch
): Promise<ApiResult<DossierSummary[]>> {
	return requestJson(`/api/dossiers?facility=${encodeURIComponent(facilityId)}`, {
		parse: (body) => dossierListResponseSchema.safeParse(body).data?.dossiers ?? null,
		timeoutMs: LARGE_ANSWER_MS,
		texts: LOAD_TEXTS,
		fetchFn
	});
}

/** One version with its snapshot and the catalogue it was assessed against. */
export function fetchDossier(
	id: string,
	fetchFn?: typeof fetch
): Promise<ApiResult<{ dossier: Dossier; catalogue: Catalogue }>> {
	return requestJson(`/api/dossiers/${encodeURIComponent(id)}`, {
		parse: (body) => withCatalogue(dossierResponseSchema.safeParse(body).data),
		timeoutMs: LARGE_ANSWER_MS,
		texts: LOAD_TEXTS,
		fetchFn
	});
}

/** One version without its evidence items (see domain/dossier/outline.ts), with its catalogue. */
export function fetchDossierOutline(
	id: string,
	fetchFn?: typeof fetch
): Promise<ApiResult<{ dossier: DossierOutline; catalogue: Catalogue }>> {
	return requestJson(`/api/dossiers/${encodeURIComponent(id)}/outline`, {
		parse: (body) => withCatalogue(dossierOutlineResponseSchema.safeParse(body).data),
		timeoutMs: LARGE_ANSWER_MS,
		texts: LOAD_TEXTS,
		fetchFn
	});
}

/** The answer with its catalogue checked too; null when either part does not pass. */
function withCatalogue<D>(
	answer: { dossier: D; catalogue: Record<string, unknown> } | undefined
): { dossier: D; catalogue: Catalogue } | null {
	const catalogue = answer ? catalogueSchema.safeParse(answer.catalogue) : null;
	return answer && catalogue?.success ? { dossier: answer.dossier, catalogue: catalogue.data } : null;
}

export interface DossierSubmission {
	submissionId: string;
	facilityId: string;
	snapshot: DossierSnapshot;
}

/** Hands a dossier in; the server answers the stored version (the same again for a resend). */
export function submitDossier(
	submission: DossierSubmission,
	fetchFn?: typeof fetch
): Promise<ApiResult<DossierSummary>> {
	return requestJson('/api/dossiers', {
		method: 'POST',
		body: submission,
		parse: (body) => dossierSubmitResponseSchema.safeParse(body).data?.dossier ?? null,
		texts: LOAD_TEXTS,
		fetchFn
	});
}
