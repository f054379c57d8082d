import type { CriterionFeedback } from './feedback';
import type { FeedbackMessage } from './feedbackThread';
import { verdictAsksCentre } from './verdicts';

/**
 * Where the conversation about a criterion stands, read from the current verdict and the thread's
 * messages (`feedbackThread.ts` has their schemas). Without zod, so the Übersicht, the criteria list
 * and the to-do list can show open points before validation code has loaded.
 */

export type ThreadState =
	/** No feedback, or „Passt“. */
	| 'none'
	/** „nachbessern“ or „Frage“ without an answer of the centre since. */
	| 'open'
	/** The centre answered after the latest verdict; the advisor has not reacted yet. */
	| 'answered'
	/** The advisor marked it done. */
	| 'done';

/** Messages in the order they were written (ties by id, so every device shows the same order). */
export function inThreadOrder(messages: Iterable<FeedbackMessage>): FeedbackMessage[] {
	return [...messages]
		.filter((m) => !m.deleted)
		.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** A criterion's messages, oldest first. */
export function threadOf(messages: Iterable<FeedbackMessage>, criterionId: string): FeedbackMessage[] {
	return inThreadOrder([...messages].filter((m) => m.criterionId === criterionId));
}

/** How a message's author is named in the thread. */
export function feedbackAuthorLabel(message: Pick<FeedbackMessage, 'author' | 'authorName'>): string {
	const role = message.author === 'fachberatung' ? 'Fachberatung' : 'Familienzentrum';
	return message.authorName ? `${role} ${message.authorName}` : role;
}

export const threadStateLabels: Record<ThreadState, string> = {
	none: 'Kein offener Punkt',
	open: 'Offen',
	answered: 'Beantwortet',
	done: 'Erledigt'
};

/**
 * Where a criterion's conversation stands, from the current verdict and the thread. Shared by the
 * Leitung's views (open points) and the advisor's portfolio (open points, unanswered replies).
 */
export function threadState(
	feedback: Pick<CriterionFeedback, 'verdict' | 'resolvedAt' | 'updatedAt'> | null | undefined,
	thread: readonly FeedbackMessage[]
): ThreadState {
	if (!feedback || !verdictAsksCentre(feedback.verdict)) return 'none';
	if (feedback.resolvedAt) return 'done';
	const lastAdvisor = thread.filter((m) => m.author === 'fachberatung').at(-1);
	const since = lastAdvisor?.createdAt ?? feedback.updatedAt;
	const answered = thread.some(
		(m) => m.author === 'einrichtung' && m.kind === 'antwort' && m.createdAt > since
	);
	return answered ? 'answered' : 'open';
}
