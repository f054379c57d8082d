import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import FeedbackStateBadge from './FeedbackStateBadge.svelte';

describe('the criteria list’s feedback badge', () => {
	it('says in words that a point is open or answered', () => {
		const { unmount } = render(FeedbackStateBadge, { state: 'open' });
		expect(screen.getByText('Rückmeldung offen')).toBeInTheDocument();
		unmount();
		render(FeedbackStateBadge, { state: 'answered' });
		expect(screen.getByText('Rückmeldung beantwortet')).toBeInTheDocument();
	});

	it('shows nothing for feedback that asks nothing, is done, or is not there', () => {
		for (const state of ['none', 'done', undefined] as const) {
			const { container, unmount } = render(FeedbackStateBadge, { state });
			expect(container).toHaveTextContent('');
			unmount();
		}
	});
});
