import { db } from '$lib/client/db';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import type { ChildminderArrangement } from '$lib/domain/registers/childminding';
import { preventionProfileId } from '$lib/domain/registers/names';
import type { CooperationPartner } from '$lib/domain/registers/partners';
import type { PreventionProfile } from '$lib/domain/registers/prevention';
import type { CertificationRound } from '$lib/domain/rounds/schema';

/** What reminders read from the database besides the workspace state (profile, evidence). */
export interface StoredReminderSources {
	rounds: CertificationRound[];
	partners: CooperationPartner[];
	preventionProfile: PreventionProfile | null;
	childminderArrangements: ChildminderArrangement[];
}

/**
 * Reads the rounds, partners, the prevention profile and the childminding arrangements of a
 * facility: small tables, read whole, deleted records left out. Plain Dexie reads, so `liveQuery`
 * re-runs it on every change of one of them. Imports no zod, so the Übersicht stays light.
 */
export async function loadStoredReminderSources(
	facilityId: string,
	target: WorkspaceDb = db
): Promise<StoredReminderSources> {
	const byFacility = { facilityId };
	const [rounds, partners, profile, arrangements] = await Promise.all([
		target.certificationRounds.where(byFacility).toArray(),
		target.cooperationPartners.where(byFacility).toArray(),
		target.preventionProfiles.get(preventionProfileId(facilityId)),
		target.childminderArrangements.where(byFacility).toArray()
	]);
	return {
		rounds: rounds.filter((r) => !r.deleted),
		partners: partners.filter((p) => !p.deleted),
		preventionProfile: profile && !profile.deleted ? profile : null,
		childminderArrangements: arrangements.filter((a) => !a.deleted)
	};
}
