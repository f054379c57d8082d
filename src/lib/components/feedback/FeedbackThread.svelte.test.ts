import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import FeedbackThread from './FeedbackThread.svelte';
import { aFeedback, aMessage, anAnswer } from '../../../../tests/fixtures/feedback';

describe('a criterion’s thread', () => {
	it('lists who wrote what and when, oldest first, whatever order the messages came in', () => {
		const verdict = aMessage();
		const answer = anAnswer('2026-11-21T10:30:00.000Z');
		const done = aMessage({
			id: 'm-done',
			createdAt: '2026-11-22T08:00:00.000Z',
			kind: 'erledigt',
			verdict: null,
			text: ''
		});
		render(FeedbackThread, {
			messages: [done, answer, verdict],
			feedback: aFeedback({ resolvedAt: '2026-11-22T08:00:00.000Z', resolvedBy: 'Berit Beratung' })
		});
		const thread = screen.getByRole('group', { name: 'Verlauf der Rückmeldungen' });
		const items = within(thread).getAllByRole('listitem');
		expect(items).toHaveLength(3);
		expect(items[0]).toHaveTextContent('Fachberatung Berit Beratung');
		expect(items[0]).toHaveTextContent('Bitte nachbessern');
		expect(items[0]).toHaveTextContent('zur Mappe Version 2');
		expect(items[0]).toHaveTextContent('Bitte den Sprechstundenplan als Foto ergänzen.');
		expect(items[1]).toHaveTextContent('Familienzentrum Lea Leitung');
		expect(items[1]).toHaveTextContent('Antwort am');
		expect(items[1]).toHaveTextContent('Das Foto ist jetzt dabei.');
		expect(items[2]).toHaveTextContent('erledigt');
		expect(thread).toHaveTextContent('Stand: Erledigt');
	});

	it('says when the centre has answered, and shows a comment without a verdict', () => {
		const comment = aMessage({
			id: 'm-comment',
			createdAt: '2026-11-20T09:05:00.000Z',
			verdict: null,
			text: 'Ein Foto genügt.'
		});
		render(FeedbackThread, {
			messages: [aMessage(), comment, anAnswer('2026-11-21T10:30:00.000Z')],
			feedback: aFeedback()
		});
		const items = screen.getAllByRole('listitem');
		expect(items[1]).toHaveTextContent('Kommentar am');
		expect(within(items[1]).queryByText('Bitte nachbessern')).not.toBeInTheDocument();
		expect(screen.getByText(/Stand:/)).toHaveTextContent('Stand: Beantwortet');
	});

	it('shows an old feedback without messages, „Hinweis“ included, as the start of the thread', () => {
		render(FeedbackThread, {
			messages: [],
			feedback: aFeedback({ verdict: 'hinweis', text: 'Schön gemacht.' })
		});
		const items = screen.getAllByRole('listitem');
		expect(items).toHaveLength(1);
		expect(items[0]).toHaveTextContent('Fachberatung Berit Beratung');
		expect(items[0]).toHaveTextContent('Hinweis');
		expect(items[0]).toHaveTextContent('Schön gemacht.');
		expect(screen.queryByText(/Stand:/)).not.toBeInTheDocument();
	});

	it('says so when there is nothing yet', () => {
		render(FeedbackThread, { messages: [], feedback: null });
		expect(screen.getByText('Noch keine Rückmeldung der Fachberatung.')).toBeInTheDocument();
	});
});
