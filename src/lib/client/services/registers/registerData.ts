import { db } from '$lib/client/db';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import type { ReviewPeriod } from '$lib/domain/periods';
import { preventionProfileId } from '$lib/domain/registers/names';
import type { RegisterData } from '$lib/domain/registers/registerData';

/**
 * Reads a facility's registers for the summaries, rules and exports: plain Dexie reads, so
 * `liveQuery` re-runs them when any register changes. Deleted entries are left out.
 */

function live<T extends { deleted: boolean }>(rows: T[]): T[] {
	return rows.filter((r) => !r.deleted);
}

/**
 * With `period`, dated entries (sessions, contacts) are read for that period only, through the
 * `[facilityId+date]` index; everything else is read whole (offers carry their own session dates,
 * agreements and arrangements span periods).
 */
export async function loadRegisterData(
	facilityId: string,
	period: ReviewPeriod | null = null,
	target: WorkspaceDb = db
): Promise<RegisterData> {
	const byFacility = { facilityId };
	const range = period
		? { index: '[facilityId+date]', lower: [facilityId, period.start], upper: [facilityId, period.end] }
		: { index: 'facilityId', lower: facilityId, upper: facilityId };
	const [
		plans,
		sessions,
		offers,
		contacts,
		arrangements,
		partners,
		profile,
		preventionOffers,
		qualifications,
		facility
	] = await Promise.all([
		target.officeHourPlans.where(byFacility).toArray(),
		target.officeHourSessions.where(range.index).between(range.lower, range.upper, true, true).toArray(),
		target.familyEducationOffers.where(byFacility).toArray(),
		target.childminderContacts.where(range.index).between(range.lower, range.upper, true, true).toArray(),
		target.childminderArrangements.where(byFacility).toArray(),
		target.cooperationPartners.where(byFacility).toArray(),
		target.preventionProfiles.get(preventionProfileId(facilityId)),
		target.preventionOffers.where(byFacility).toArray(),
		target.qualifications.where(byFacility).toArray(),
		target.facilities.get(facilityId)
	]);
	return {
		officeHourPlans: live(plans),
		officeHourSessions: live(sessions),
		familyEducationOffers: live(offers),
		childminderContacts: live(contacts),
		childminderArrangements: live(arrangements),
		partners: live(partners),
		preventionProfile: profile && !profile.deleted ? profile : null,
		preventionOffers: live(preventionOffers),
		qualifications: live(qualifications),
		sealValidUntil: facility?.sealValidUntil ?? null
	};
}
