import { compareIds } from '../readiness/compareIds';
import type { CriterionFeedback } from './feedback';
import { type FeedbackMessage } from './feedbackThread';
import { threadOf, threadState, type ThreadState } from './threadState';

/**
 * The Fachberatung's feedback as the centre works through it (issue 15): one point per criterion
 * with feedback, its conversation and where that stands. Shared by the Übersicht card, the criteria
 * list's badge and filter, the to-do list and the criterion page.
 */
export interface FeedbackPoint {
	criterionId: string;
	feedback: CriterionFeedback;
	/** The criterion's messages, oldest first. */
	thread: FeedbackMessage[];
	state: ThreadState;
}

/** Every criterion with (not deleted) feedback, in catalogue-id order. */
export function feedbackPoints(
	feedback: Iterable<CriterionFeedback>,
	messages: readonly FeedbackMessage[]
): FeedbackPoint[] {
	const byCriterion = new Map<string, FeedbackMessage[]>();
	for (const message of messages) {
		const list = byCriterion.get(message.criterionId);
		if (list) list.push(message);
		else byCriterion.set(message.criterionId, [message]);
	}
	return [...feedback]
		.filter((f) => !f.deleted)
		.map((f) => {
			const thread = threadOf(byCriterion.get(f.criterionId) ?? [], f.criterionId);
			return { criterionId: f.criterionId, feedback: f, thread, state: threadState(f, thread) };
		})
		.sort((a, b) => compareIds(a.criterionId, b.criterionId));
}

/** Points the centre still has to answer („Bitte nachbessern“ or „Frage“ without an answer). */
export function openPoints(points: readonly FeedbackPoint[]): FeedbackPoint[] {
	return points.filter((p) => p.state === 'open');
}

/** Points the centre answered; they wait for the advisor. */
export function answeredPoints(points: readonly FeedbackPoint[]): FeedbackPoint[] {
	return points.filter((p) => p.state === 'answered');
}

/**
 * The first words of a text for a list, cut at a word boundary with „…“; whitespace (line breaks)
 * becomes single spaces.
 */
export function firstWords(text: string, maxLength = 90): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	if (flat.length <= maxLength) return flat;
	const cut = flat.slice(0, maxLength);
	const lastSpace = cut.lastIndexOf(' ');
	return `${(lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s.,;:–-]+$/, '')} …`;
}

/** Each point by its criterion id, for the lists that look points up per row. */
export function pointsByCriterion(points: readonly FeedbackPoint[]): ReadonlyMap<string, FeedbackPoint> {
	return new Map(points.map((p) => [p.criterionId, p]));
}
