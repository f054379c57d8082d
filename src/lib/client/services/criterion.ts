import { updateRecord } from '$lib/client/db/changes';
import { criterionStatusId, type CriterionStatus, type CriterionStatusValue } from '$lib/domain/records';

/** Sets the status of a criterion; the first change creates its record. */
export async function setCriterionStatus(
	facilityId: string,
	criterionId: string,
	status: CriterionStatusValue
): Promise<CriterionStatus> {
	return upsertStatus(facilityId, criterionId, { status });
}

/** Saves the leader's note on a criterion. Throws `RecordValidationError` (German) when too long. */
export async function saveCriterionNote(
	facilityId: string,
	criterionId: string,
	note: string
): Promise<CriterionStatus> {
	return upsertStatus(facilityId, criterionId, { note });
}

function upsertStatus(
	facilityId: string,
	criterionId: string,
	patch: { status?: CriterionStatusValue; note?: string }
): Promise<CriterionStatus> {
	const id = criterionStatusId(facilityId, criterionId);
	return updateRecord('criterionStatuses', id, patch, {
		createWith: { id, facilityId, criterionId, status: 'offen', note: '' }
	});
}
