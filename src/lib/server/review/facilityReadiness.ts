import type { Catalogue } from '$lib/domain/catalogue/schema';
import type { LocalDate } from '$lib/domain/dates';
import type { ReviewPeriod } from '$lib/domain/periods';
import { computeReadiness, type Readiness, type ReadinessInput } from '$lib/domain/readiness';
import { readinessInput, readinessRound, statusValuesOf } from '$lib/domain/readiness/input';
import type { FacilityProfile } from '$lib/domain/records';
import { preventionProfileId } from '$lib/domain/registers/names';
import type { RegisterData } from '$lib/domain/registers/registerData';
import type { FacilityRecords, RegisterRecords } from './facilityRecords';

/**
 * A centre's readiness as the advisor sees it: the same input the centre's device puts together
 * (domain/readiness/input.ts) from the records the server holds of it, so both show the same points.
 */

function inPeriod<T extends { date: LocalDate }>(entries: readonly T[], period: ReviewPeriod): T[] {
	return entries.filter((e) => period.start <= e.date && e.date <= period.end);
}

/**
 * The registers as the device loads them for a Prüfzeitraum (client services/registers/registerData):
 * dated entries (sessions, contacts) of the period only, everything else whole; deleted entries are
 * not among the records.
 */
export function registerDataOf(
	records: RegisterRecords,
	facilityId: string,
	profile: FacilityProfile | null,
	period: ReviewPeriod
): RegisterData {
	const preventionId = preventionProfileId(facilityId);
	return {
		officeHourPlans: records.officeHourPlans,
		officeHourSessions: inPeriod(records.officeHourSessions, period),
		familyEducationOffers: records.familyEducationOffers,
		childminderContacts: inPeriod(records.childminderContacts, period),
		childminderArrangements: records.childminderArrangements,
		partners: records.cooperationPartners,
		preventionProfile: records.preventionProfiles.find((p) => p.id === preventionId) ?? null,
		preventionOffers: records.preventionOffers,
		qualifications: records.qualifications,
		sealValidUntil: profile?.sealValidUntil ?? null
	};
}

/** Whether readiness reads the registers at all: only a catalogue with thresholds (format 2) does. */
export function countsRegisters(catalogue: Catalogue): boolean {
	return catalogue.criteria.some((c) => (c.thresholds ?? []).length > 0);
}

/**
 * The readiness input of one centre today. `held.registers` may be left empty for a catalogue
 * without thresholds (see `countsRegisters`): nothing would count them.
 */
export function facilityReadinessInput(
	catalogue: Catalogue,
	facilityId: string,
	held: FacilityRecords,
	today: LocalDate
): ReadinessInput {
	const { round, period } = readinessRound(held.rounds, catalogue, today);
	return readinessInput({
		catalogue,
		profile: held.profile,
		statuses: statusValuesOf(held.statuses),
		round,
		registers: {
			data: registerDataOf(held.registers, facilityId, held.profile, period),
			period,
			today
		}
	});
}

/** Readiness of one centre today, to-do plan included (see `facilityReadinessInput`). */
export function facilityReadiness(
	catalogue: Catalogue,
	facilityId: string,
	held: FacilityRecords,
	today: LocalDate
): Readiness {
	return computeReadiness(facilityReadinessInput(catalogue, facilityId, held, today));
}
