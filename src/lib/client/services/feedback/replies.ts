import { de } from 'zod/locales';
import { putRecord } from '$lib/client/db/changes';
import { issuesFromZod, RecordValidationError } from '$lib/client/db/errors';
import { newId } from '$lib/client/db/ids';
import { db } from '$lib/client/db';
import { getActiveFacilityId, getActor } from '$lib/client/db/meta';
import { criterionFeedbackId } from '$lib/domain/dossier/feedback';
import { feedbackReplyInputSchema, type FeedbackMessage } from '$lib/domain/dossier/feedbackThread';

const germanErrors = de().localeError;

/**
 * The Leitung answers the Fachberatung's feedback on a criterion, offline: the answer is a new
 * message of the criterion's thread (never an edit), written with its outbox entry in one
 * transaction, and goes to the server with the next sync. Throws `RecordValidationError` (German)
 * for an empty or too long answer, or when there is no feedback to answer.
 */
export async function replyToFeedback(criterionId: string, text: string): Promise<FeedbackMessage> {
	const input = feedbackReplyInputSchema.safeParse({ text }, { error: germanErrors });
	if (!input.success) throw new RecordValidationError('feedbackMessages', issuesFromZod(input.error));
	const facilityId = await getActiveFacilityId(db);
	const feedback = facilityId
		? await db.criterionFeedback.get(criterionFeedbackId(facilityId, criterionId))
		: undefined;
	if (!facilityId || !feedback || feedback.deleted) {
		throw new RecordValidationError('feedbackMessages', [
			{ path: 'criterionId', message: 'Zu diesem Kriterium gibt es keine Rückmeldung der Fachberatung.' }
		]);
	}
	const actor = await getActor(db);
	return putRecord('feedbackMessages', {
		id: newId(),
		facilityId,
		criterionId,
		author: 'einrichtung',
		authorName: actor.displayName,
		kind: 'antwort',
		verdict: null,
		text: input.data.text,
		// The answer belongs to the version the advisor looked at, so she finds it in that review.
		dossierId: feedback.dossierId,
		dossierVersion: feedback.dossierVersion
	});
}
