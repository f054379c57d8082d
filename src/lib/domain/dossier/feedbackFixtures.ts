import { criterionFeedbackSchema, type CriterionFeedback } from './feedback';
import { feedbackMessageSchema, type FeedbackMessage } from './feedbackThread';

/** Test factories for feedback and thread messages (unit and component tests). */

const FACILITY = 'fz-1';

export function feedbackOn(criterionId: string, patch: Partial<CriterionFeedback> = {}): CriterionFeedback {
	return criterionFeedbackSchema.parse({
		id: `${FACILITY}:${criterionId}`,
		facilityId: FACILITY,
		criterionId,
		verdict: 'nachbessern',
		text: 'Bitte den Aushang ergänzen.',
		reviewerName: 'Frau Berater',
		createdAt: '2026-11-02T09:00:00.000Z',
		updatedAt: '2026-11-02T09:00:00.000Z',
		updatedBy: 'Frau Berater',
		...patch
	});
}

export function messageOn(criterionId: string, patch: Partial<FeedbackMessage> = {}): FeedbackMessage {
	const createdAt = patch.createdAt ?? '2026-11-02T09:00:00.000Z';
	return feedbackMessageSchema.parse({
		id: `m-${criterionId}-${createdAt}`,
		facilityId: FACILITY,
		criterionId,
		author: 'fachberatung',
		authorName: 'Frau Berater',
		kind: 'rueckmeldung',
		verdict: 'nachbessern',
		text: 'Bitte den Aushang ergänzen.',
		createdAt,
		updatedAt: createdAt,
		updatedBy: 'Frau Berater',
		...patch
	});
}

/** A centre's answer to a criterion's feedback at `createdAt`. */
export function answerOn(criterionId: string, createdAt: string, text = 'Ist ergänzt.'): FeedbackMessage {
	return messageOn(criterionId, {
		author: 'einrichtung',
		authorName: 'Frau Leitung',
		kind: 'antwort',
		verdict: null,
		text,
		createdAt
	});
}
