import { timedFetch, transferTimeoutMs } from '$lib/client/api/timedFetch';
import { catalogueSchema, type Catalogue } from '$lib/domain/catalogue/schema';
import {
	dossierListResponseSchema,
	dossierResponseSchema,
	type Dossier,
	type DossierSummary
} from '$lib/domain/dossier';

export type Fetched<T> = { ok: true; data: T } | { ok: false; status: number; message: string };

const browserFetch: typeof fetch = (...args) => fetch(...args);

export async function getJson<T>(
	path: string,
	parse: (body: unknown) => T | null,
	fetchFn: typeof fetch
): Promise<Fetched<T>> {
	let response: Response;
	try {
		// A dossier carries its catalogue and snapshot: allow for a few megabytes.
		response = await timedFetch(fetchFn)(path, {
			credentials: 'same-origin',
			timeoutMs: transferTimeoutMs(5_000_000)
		});
	} catch {
		return { ok: false, status: 0, message: 'Keine Verbindung zum Server.' };
	}
	const body: unknown = await response.json().catch(() => null);
	const data = response.ok ? parse(body) : null;
	if (data !== null) return { ok: true, data };
	const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
	return {
		ok: false,
		status: response.status,
		message: typeof message === 'string' ? message : `Der Server antwortet mit Fehler ${response.status}.`
	};
}

/** The versions the server holds for a facility, newest first. */
export function fetchDossiers(
	facilityId: string,
	fetchFn = browserFetch
): Promise<Fetched<DossierSummary[]>> {
	return getJson(
		`/api/dossiers?facility=${encodeURIComponent(facilityId)}`,
		(body) => dossierListResponseSchema.safeParse(body).data?.dossiers ?? null,
		fetchFn
	);
}

/** One version with its snapshot and the catalogue it was assessed against. */
export function fetchDossier(
	id: string,
	fetchFn = browserFetch
): Promise<Fetched<{ dossier: Dossier; catalogue: Catalogue }>> {
	return getJson(
		`/api/dossiers/${encodeURIComponent(id)}`,
		(body) => {
			const parsed = dossierResponseSchema.safeParse(body);
			const catalogue = parsed.success ? catalogueSchema.safeParse(parsed.data.catalogue) : null;
			return parsed.success && catalogue?.success
				? { dossier: parsed.data.dossier, catalogue: catalogue.data }
				: null;
		},
		fetchFn
	);
}
