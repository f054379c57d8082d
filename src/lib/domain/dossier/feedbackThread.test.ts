import { describe, expect, it } from 'vitest';
import { aFeedback, aMessage, anAnswer } from '../../../../tests/fixtures/feedback';
import type { CriterionFeedback } from './feedback';
import type { FeedbackVerdict } from './verdicts';
import { feedbackCommentRequestSchema, type FeedbackMessage } from './feedbackThread';
import { feedbackAuthorLabel, inThreadOrder, threadOf, threadState, type ThreadState } from './threadState';

type Event = 'verdict' | 'answer' | 'comment' | 'erledigt';

function permutations<T>(items: readonly T[]): T[][] {
	if (items.length <= 1) return [[...items]];
	return items.flatMap((item, i) =>
		permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest])
	);
}

const minute = (n: number) => new Date(Date.UTC(2026, 10, 20, 9, n)).toISOString();

/** The messages and feedback record the server would hold after these events, one minute apart. */
function held(events: readonly Event[], verdict: FeedbackVerdict) {
	const messages: FeedbackMessage[] = [];
	let feedback: CriterionFeedback | null = null;
	events.forEach((event, n) => {
		const at = minute(n);
		if (event === 'answer') return messages.push(anAnswer(at));
		const kind = event === 'erledigt' ? 'erledigt' : 'rueckmeldung';
		messages.push(
			aMessage({ id: `m-${n}`, createdAt: at, kind, verdict: event === 'verdict' ? verdict : null })
		);
		if (event === 'verdict') feedback = aFeedback({ verdict, updatedAt: at, resolvedAt: null });
		// The server marks done only an open point.
		if (event === 'erledigt' && feedback && !feedback.resolvedAt && verdict !== 'passt') {
			feedback = { ...feedback, resolvedAt: at, updatedAt: at };
		}
	});
	return { messages, feedback };
}

/** The rule told as a story: who has the next move after each event. */
function expected(events: readonly Event[], verdict: FeedbackVerdict): ThreadState {
	let state: ThreadState = 'none';
	for (const event of events) {
		if (event === 'verdict') state = verdict === 'passt' ? 'none' : 'open';
		else if (event === 'answer' && state === 'open') state = 'answered';
		else if (event === 'comment' && state === 'answered') state = 'open';
		else if (event === 'erledigt' && (state === 'open' || state === 'answered')) state = 'done';
	}
	return state;
}

describe('where a criterion’s conversation stands', () => {
	const events: Event[] = ['verdict', 'answer', 'comment', 'erledigt', 'answer'];
	for (const verdict of ['nachbessern', 'frage', 'passt'] as const) {
		it(`follows every order of verdict „${verdict}“, answers, comment and „erledigt“`, () => {
			for (const order of permutations(events)) {
				const { messages, feedback } = held(order, verdict);
				// Messages arrive by sync in any order.
				const state = threadState(feedback, threadOf([...messages].reverse(), '1.2'));
				expect({ order, state }).toEqual({ order, state: expected(order, verdict) });
			}
		});
	}

	it('is none without feedback or for an old „Hinweis“, and reopens with a new verdict', () => {
		expect(threadState(null, [])).toBe('none');
		expect(threadState(aFeedback({ verdict: 'hinweis' }), [anAnswer(minute(5))])).toBe('none');
		const { messages, feedback } = held(['verdict', 'answer', 'erledigt', 'verdict'], 'frage');
		expect(threadState(feedback, messages)).toBe('open');
	});

	it('counts an answer to feedback given before threads existed', () => {
		const old = aFeedback({ updatedAt: minute(0) });
		expect(threadState(old, [])).toBe('open');
		expect(threadState(old, [anAnswer(minute(0))])).toBe('open');
		expect(threadState(old, [anAnswer(minute(1))])).toBe('answered');
	});
});

describe('a thread', () => {
	it('keeps one criterion’s live messages, oldest first, ties by id', () => {
		const a = aMessage({ id: 'b', createdAt: minute(1) });
		const b = aMessage({ id: 'a', createdAt: minute(1) });
		const other = aMessage({ id: 'x', criterionId: '2.1' });
		const gone = aMessage({ id: 'y', deleted: true });
		expect(threadOf([a, other, gone, b, aMessage()], '1.2').map((m) => m.id)).toEqual(['m-1', 'a', 'b']);
		expect(inThreadOrder([a, other]).map((m) => m.id)).toEqual(['x', 'b']);
	});

	it('names authors by their side', () => {
		expect(feedbackAuthorLabel(aMessage())).toBe('Fachberatung Berit Beratung');
		expect(feedbackAuthorLabel(anAnswer(minute(1)))).toBe('Familienzentrum Lea Leitung');
		expect(feedbackAuthorLabel({ author: 'einrichtung', authorName: '' })).toBe('Familienzentrum');
	});

	it('wants words in a comment', () => {
		const empty = feedbackCommentRequestSchema.safeParse({ text: '  ' });
		expect(empty.error?.issues[0].message).toBe('Bitte einen Kommentar schreiben.');
		expect(feedbackCommentRequestSchema.parse({ text: ' Danke ' })).toEqual({
			text: 'Danke',
			dossierId: null
		});
	});
});
