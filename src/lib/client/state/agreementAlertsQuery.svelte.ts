import { readiness } from '$lib/client/state/readiness.svelte';
import { stateQuery } from '$lib/client/state/liveQuery.svelte';
import { workspace } from '$lib/client/state/workspace.svelte';
import type { AgreementAlert } from '$lib/domain/registers/summaries/agreements';
import { loadAgreementAlerts } from '$lib/client/services/registers/agreementAlerts';

const NONE: readonly AgreementAlert[] = [];

/**
 * The active facility's agreement alerts for the Übersicht, kept current by liveQuery. Call during
 * component initialisation.
 */
export function agreementAlertsQuery(): { readonly alerts: readonly AgreementAlert[] } {
	const facilityId = $derived(workspace.facility?.id);
	const today = $derived(readiness.today);
	const query = stateQuery(
		() => (facilityId ? loadAgreementAlerts(facilityId, today) : NONE),
		() => [facilityId, today]
	);
	return {
		get alerts() {
			return query.current ?? NONE;
		}
	};
}
