import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { answerOn, feedbackOn, messageOn } from '$lib/domain/dossier/feedbackFixtures';
import { feedbackPoints } from '$lib/domain/dossier/feedbackPoints';
import FeedbackPointsCard from './FeedbackPointsCard.svelte';

const titles = new Map([
	['1.2', 'Sprechstunden'],
	['1.3', 'Kooperation'],
	['2.1', 'Elternbildung']
]);

describe('the Übersicht card of the Fachberatung’s feedback', () => {
	it('lists the open points with verdict and first words, and the answered ones as waiting', () => {
		const points = feedbackPoints(
			[
				feedbackOn('1.2', { text: 'Bitte den Sprechstundenplan als Foto ergänzen, mit Datum und Ort.' }),
				feedbackOn('1.3', { verdict: 'frage', text: 'Wer leitet die Gruppe?' }),
				feedbackOn('2.1')
			],
			[messageOn('2.1'), answerOn('2.1', '2026-11-03T08:00:00.000Z', 'Foto ist jetzt dabei.')]
		);
		render(FeedbackPointsCard, { points, criterionTitles: titles });

		const card = screen.getByRole('region', { name: 'Rückmeldungen der Fachberatung – 2 offene Punkte' });
		const open = within(card).getByRole('list', { name: 'Offene Punkte' });
		const links = within(open).getAllByRole('link');
		expect(links.map((a) => a.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
			'1.2 Sprechstunden',
			'1.3 Kooperation'
		]);
		expect(links[0]).toHaveAttribute('href', '/kriterien/1.2');
		expect(open).toHaveTextContent('Bitte nachbessern');
		expect(open).toHaveTextContent('Frage');
		expect(open).toHaveTextContent('Bitte den Sprechstundenplan als Foto ergänzen, mit Datum und Ort.');

		const waiting = within(card).getByRole('list', { name: 'Beantwortet, wartet auf die Fachberatung' });
		expect(waiting).toHaveTextContent('2.1 Elternbildung');
		expect(waiting).toHaveTextContent('Ihre Antwort: Foto ist jetzt dabei.');
	});

	it('says one open point in the singular', () => {
		render(FeedbackPointsCard, { points: feedbackPoints([feedbackOn('1.2')], []), criterionTitles: titles });
		expect(
			screen.getByRole('heading', { name: 'Rückmeldungen der Fachberatung – 1 offener Punkt' })
		).toBeInTheDocument();
	});

	it('says when nothing is open, and shows nothing without feedback', () => {
		const { unmount } = render(FeedbackPointsCard, {
			points: feedbackPoints([feedbackOn('1.2', { verdict: 'passt', text: '' })], []),
			criterionTitles: titles
		});
		expect(screen.getByRole('heading', { name: 'Rückmeldungen der Fachberatung' })).toBeInTheDocument();
		expect(
			screen.getByText('Keine offenen Punkte: Alles ist beantwortet oder erledigt.')
		).toBeInTheDocument();
		unmount();

		render(FeedbackPointsCard, { points: [], criterionTitles: titles });
		expect(screen.queryByRole('region')).toBeNull();
	});
});
