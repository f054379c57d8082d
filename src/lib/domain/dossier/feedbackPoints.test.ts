import { describe, expect, it } from 'vitest';
import { answerOn, feedbackOn, messageOn } from './feedbackFixtures';
import { answeredPoints, feedbackPoints, firstWords, openPoints } from './feedbackPoints';

describe('the centre’s feedback points', () => {
	it('lists every criterion with feedback in catalogue order, with its own thread', () => {
		const points = feedbackPoints(
			[feedbackOn('1.10'), feedbackOn('1.2', { verdict: 'frage', text: 'Wer leitet?' }), feedbackOn('2.1')],
			[messageOn('1.2'), messageOn('1.10'), answerOn('1.2', '2026-11-03T08:00:00.000Z')]
		);
		expect(points.map((p) => p.criterionId)).toEqual(['1.2', '1.10', '2.1']);
		expect(points[0].thread.map((m) => m.kind)).toEqual(['rueckmeldung', 'antwort']);
		expect(points[2].thread).toEqual([]);
	});

	it('counts a point open until the centre answers, then as waiting for the advisor', () => {
		const points = feedbackPoints(
			[feedbackOn('1.1'), feedbackOn('1.2'), feedbackOn('1.3', { verdict: 'passt', text: '' })],
			[messageOn('1.1'), messageOn('1.2'), answerOn('1.2', '2026-11-03T08:00:00.000Z')]
		);
		expect(openPoints(points).map((p) => p.criterionId)).toEqual(['1.1']);
		expect(answeredPoints(points).map((p) => p.criterionId)).toEqual(['1.2']);
		expect(points[2].state).toBe('none');
	});

	it('opens a point again when the advisor answers the centre’s reply with a new verdict', () => {
		const points = feedbackPoints(
			[feedbackOn('1.1', { updatedAt: '2026-11-04T08:00:00.000Z' })],
			[
				messageOn('1.1'),
				answerOn('1.1', '2026-11-03T08:00:00.000Z'),
				messageOn('1.1', { createdAt: '2026-11-04T08:00:00.000Z', text: 'Noch nicht ganz.' })
			]
		);
		expect(points[0].state).toBe('open');
	});

	it('leaves out deleted feedback and points marked done', () => {
		const points = feedbackPoints(
			[
				feedbackOn('1.1', { deleted: true }),
				feedbackOn('1.2', { resolvedAt: '2026-11-05T08:00:00.000Z', resolvedBy: 'Frau Berater' })
			],
			[]
		);
		expect(points.map((p) => [p.criterionId, p.state])).toEqual([['1.2', 'done']]);
		expect(openPoints(points)).toEqual([]);
	});
});

describe('first words of a comment', () => {
	it('keeps a short text whole and flattens line breaks', () => {
		expect(firstWords('Bitte\n  ergänzen.')).toBe('Bitte ergänzen.');
	});

	it('cuts a long text at a word boundary', () => {
		expect(firstWords('Bitte den Aushang im Eingang ergänzen, mit Datum.', 30)).toBe(
			'Bitte den Aushang im Eingang …'
		);
	});
});
