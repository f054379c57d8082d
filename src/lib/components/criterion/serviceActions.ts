import { prepareAttachment } from '$lib/client/media/attachment';
import { saveCriterionNote, setCriterionStatus } from '$lib/client/services/criterion';
import {
	addEvidence,
	attachEvidenceFile,
	deleteEvidence,
	getAttachment,
	updateEvidence
} from '$lib/client/services/evidence';
import type { CriterionActions } from './criterionActions';

/** The criterion page's actions, bound to the workspace services for one facility and criterion. */
export function serviceActions(facilityId: string, criterionId: string): CriterionActions {
	return {
		setStatus: async (status) => {
			await setCriterionStatus(facilityId, criterionId, status);
		},
		saveNote: async (note) => {
			await saveCriterionNote(facilityId, criterionId, note);
		},
		addEvidence: (input, file) => addEvidence({ ...input, facilityId }, file ?? undefined),
		updateEvidence: async (id, patch) => {
			await updateEvidence(id, patch);
		},
		deleteEvidence: (id) => deleteEvidence(id),
		attachFile: (id, file) => attachEvidenceFile(id, file),
		getAttachment: async (sha256) => (await getAttachment(sha256))?.blob,
		prepareFile: (file, kind) => prepareAttachment(file, kind)
	};
}
