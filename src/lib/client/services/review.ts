import { db } from '$lib/client/db';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import { criterionFeedbackId, type CriterionFeedback } from '$lib/domain/dossier/feedback';

/** The advisor's current feedback on a criterion of the facility, as pulled by sync; null if none. */
export async function readCriterionFeedback(
	facilityId: string,
	criterionId: string,
	target: WorkspaceDb = db
): Promise<CriterionFeedback | null> {
	const feedback = await target.criterionFeedback.get(criterionFeedbackId(facilityId, criterionId));
	return feedback && !feedback.deleted ? feedback : null;
}
