import { db } from '$lib/client/db';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import { loadRegisterData } from '$lib/client/services/registers/registerData';
import type { Catalogue } from '$lib/domain/catalogue/schema';
import type { LocalDate } from '$lib/domain/dates';
import { reviewPeriodFor, type ReviewPeriod } from '$lib/domain/periods';
import type { CriterionStatusValue, FacilityProfile } from '$lib/domain/records';
import type { ThresholdShortfall } from '$lib/domain/reminders/types';
import { currentRound, roundPeriod } from '$lib/domain/rounds/current';
import type { CertificationRound } from '$lib/domain/rounds/schema';
import type { ThresholdShortfallsFn } from './thresholdEvaluator';

/**
 * Threshold shortfalls of the window containing today, for the reminders. Loaded with `import()`
 * by the reminders state after the first paint, and only when the readiness engine has an
 * evaluator: it reads the registers and so pulls in their zod schemas.
 */

/** The round's Prüfzeitraum while it runs; otherwise the catalogue's period containing today. */
export function periodFor(
	rounds: readonly CertificationRound[],
	catalogue: Catalogue,
	today: LocalDate
): ReviewPeriod {
	const round = currentRound(rounds, today);
	if (round && round.periodStart <= today && today <= round.periodEnd) return roundPeriod(round);
	return reviewPeriodFor(catalogue.reviewPeriod, today);
}

/** The Kitas of a Verbund (the profile's own first); none for a single centre. */
export function sitesOf(profile: FacilityProfile): { id: string; name: string }[] {
	if (profile.verbundMembers.length === 0) return [];
	return [
		{ id: profile.id, name: profile.name },
		...profile.verbundMembers.map(({ id, name }) => ({ id, name }))
	];
}

export function hasThresholds(catalogue: Catalogue): boolean {
	return catalogue.criteria.some((c) => (c.thresholds ?? []).length > 0);
}

/**
 * Reads the registers of the period and evaluates the thresholds. Plain Dexie reads (the evaluator
 * is passed in, already loaded), so `liveQuery` re-runs this when a register entry changes.
 */
export async function loadShortfalls(
	evaluate: ThresholdShortfallsFn,
	input: {
		profile: FacilityProfile;
		catalogue: Catalogue;
		statuses: ReadonlyMap<string, CriterionStatusValue>;
		today: LocalDate;
	},
	target: WorkspaceDb = db
): Promise<ThresholdShortfall[]> {
	const { profile, catalogue, statuses, today } = input;
	if (!hasThresholds(catalogue)) return [];
	const rounds = (await target.certificationRounds.where({ facilityId: profile.id }).toArray()).filter(
		(r) => !r.deleted
	);
	const period = periodFor(rounds, catalogue, today);
	const data = await loadRegisterData(profile.id, period, target);
	const sites = sitesOf(profile);
	return evaluate(catalogue, {
		statuses,
		registers: { data, period, today },
		...(sites.length > 0 ? { sites } : {})
	});
}
