import { db } from '$lib/client/db';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import type { CriterionFeedback } from '$lib/domain/dossier/feedback';
import type { FeedbackMessage } from '$lib/domain/dossier/feedbackThread';

/** A facility's feedback and thread messages as sync brought them (not deleted); plain Dexie reads. */
export interface StoredFeedback {
	feedback: CriterionFeedback[];
	messages: FeedbackMessage[];
}

export async function readFeedback(facilityId: string, target: WorkspaceDb = db): Promise<StoredFeedback> {
	const [feedback, messages] = await Promise.all([
		target.criterionFeedback.where('facilityId').equals(facilityId).toArray(),
		target.feedbackMessages.where('facilityId').equals(facilityId).toArray()
	]);
	return {
		feedback: feedback.filter((f) => !f.deleted),
		messages: messages.filter((m) => !m.deleted)
	};
}
