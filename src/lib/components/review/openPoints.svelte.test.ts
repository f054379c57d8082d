import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { makeFeedback, makeMessage, reviewCatalogue } from '../../../../tests/fixtures/reviewDossier';
import OpenPoints from './OpenPoints.svelte';

describe('the centre page’s open and answered points', () => {
	it('puts answered points apart from those waiting for the Kita, with the answer', () => {
		render(OpenPoints, {
			props: {
				catalogue: reviewCatalogue,
				feedback: [
					makeFeedback('1.1', { verdict: 'passt' }),
					makeFeedback('1.2', { text: 'Bitte den Plan ergänzen.' }),
					makeFeedback('2.1', { verdict: 'frage', text: 'Wer leitet die Gruppe?' }),
					makeFeedback('2.2', { resolvedAt: '2026-11-05T09:00:00.000Z' })
				],
				messages: [
					makeMessage('2.1', { verdict: 'frage' }),
					makeMessage('2.1', {
						author: 'einrichtung',
						authorName: 'Lea Leitung',
						kind: 'antwort',
						verdict: null,
						text: 'Frau Berg, seit August.',
						createdAt: '2026-11-04T09:00:00.000Z'
					})
				],
				reviewHref: '/beratung/kita-a/mappe/d-2'
			}
		});
		const answered = screen.getByRole('region', { name: 'Beantwortet – Sie sind dran (1)' });
		expect(answered).toHaveTextContent('2.1 Kriterium 2.1');
		expect(answered).toHaveTextContent('Antwort der Kita: Frau Berg, seit August.');
		const open = screen.getByRole('region', { name: 'Offene Punkte – wartet auf die Kita (1)' });
		expect(within(open).getByText('Bitte den Plan ergänzen.')).toBeInTheDocument();
		expect(open).not.toHaveTextContent('2.2');
		expect(screen.getByRole('link', { name: 'In der neuesten Mappe weiterprüfen' })).toHaveAttribute(
			'href',
			'/beratung/kita-a/mappe/d-2'
		);
	});
});
