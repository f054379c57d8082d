import { loadCatalogue } from '$lib/client/services/catalogue';
import { db } from '$lib/client/db';
import { nowIso } from '$lib/client/db/ids';
import { getActor } from '$lib/client/db/meta';
import { readActiveFacility, readEvidence, readStatuses } from '$lib/client/db/queries';
import { loadRegisterData } from '$lib/client/services/registers/registerData';
import { today } from '$lib/domain/dates';
import { buildDossierSnapshot } from '$lib/domain/dossier/projection';
import { registerTablesFor } from '$lib/domain/dossierExport/registerTables';
import type { DossierSnapshot } from '$lib/domain/dossier/snapshot';
import type { ReviewPeriod } from '$lib/domain/periods';
import { computeReadiness } from '$lib/domain/readiness';
import { readinessInput, statusValuesOf } from '$lib/domain/readiness/input';
import { computeAllRegisterSummaries } from '$lib/domain/registers/summaries/all';
import { currentRound } from '$lib/domain/rounds/current';

/**
 * Gathers what the workspace holds for the active facility and the period into a dossier snapshot:
 * catalogue version, statuses, evidence (with file references), the registers' sums and readiness.
 */
export async function prepareDossier(period: ReviewPeriod, now: Date = new Date()): Promise<DossierSnapshot> {
	const facility = await readActiveFacility();
	if (!facility) throw new Error('Es ist noch kein Familienzentrum angelegt.');
	const [catalogue, statuses, evidence, registers, actor, rounds] = await Promise.all([
		loadCatalogue(db, facility.catalogueId, facility.catalogueVersion),
		readStatuses(facility.id),
		readEvidence(facility.id),
		loadRegisterData(facility.id, period),
		getActor(),
		db.certificationRounds.where({ facilityId: facility.id }).toArray()
	]);
	const round = currentRound(rounds, today(now));
	// As on the Übersicht: the round's questionnaire, thresholds counted in the dossier's period.
	const readiness = computeReadiness(
		readinessInput({
			catalogue,
			profile: facility,
			statuses: statusValuesOf(statuses.values()),
			round,
			registers: { data: registers, period, today: today(now) }
		})
	);
	return buildDossierSnapshot({
		facility,
		catalogue,
		period,
		statuses: statuses.values(),
		evidence: evidence.evidence,
		registerSummaries: computeAllRegisterSummaries(registers, period, today(now)),
		readiness,
		round,
		registerTables: registerTablesFor(registers, period, today(now)),
		preparedAt: nowIso(),
		preparedBy: actor.displayName
	});
}
