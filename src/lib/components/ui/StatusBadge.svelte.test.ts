import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import StatusBadge from './StatusBadge.svelte';

describe('StatusBadge', () => {
	it.each([
		['offen', 'Offen'],
		['in_arbeit', 'In Arbeit'],
		['erfuellt', 'Erfüllt'],
		['nicht_zutreffend', 'Nicht zutreffend']
	] as const)('names the status %s in German words, not by colour alone', (status, label) => {
		render(StatusBadge, { status });
		const badge = screen.getByText(label);
		expect(badge).toBeInTheDocument();
		expect(badge.closest('[data-status]')).toHaveAttribute('data-status', status);
	});

	it('hides its symbol from screen readers so only the word is read', () => {
		const { container } = render(StatusBadge, { status: 'erfuellt' });
		expect(container.querySelector('[aria-hidden="true"]')).toHaveTextContent('✓');
	});
});
