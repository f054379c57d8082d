import { db } from '$lib/client/db';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import type { LocalDate } from '$lib/domain/dates';
import { preventionProfileId } from '$lib/domain/registers/names';
import { expiringAgreements, type AgreementAlert } from '$lib/domain/registers/summaries/agreements';

/**
 * The agreements the Übersicht warns about (partners' and the municipal prevention agreement):
 * expired, ending within 90 days or before the seal does. Reads only what that needs, so the
 * Übersicht stays fast with years of register entries; `liveQuery` re-runs it on every change of a
 * partner, the prevention profile or the facility's seal date.
 */
export async function loadAgreementAlerts(
	facilityId: string,
	today: LocalDate,
	target: WorkspaceDb = db
): Promise<AgreementAlert[]> {
	const [partners, profile, facility] = await Promise.all([
		target.cooperationPartners.where({ facilityId }).toArray(),
		target.preventionProfiles.get(preventionProfileId(facilityId)),
		target.facilities.get(facilityId)
	]);
	return expiringAgreements(
		{
			partners: partners.filter((p) => !p.deleted),
			preventionProfile: profile && !profile.deleted ? profile : null,
			sealValidUntil: facility?.sealValidUntil ?? null
		},
		today
	);
}
