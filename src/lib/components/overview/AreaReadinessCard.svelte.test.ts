import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { AreaReadiness } from '$lib/domain/readiness';
import AreaReadinessCard from './AreaReadinessCard.svelte';

function area(overrides: Partial<AreaReadiness> = {}): AreaReadiness {
	return {
		areaId: 'S3',
		kind: 'struktur',
		title: 'Kommunikation',
		points: 7,
		pointsRequired: 9,
		basisMet: 2,
		basisRequired: 3,
		metCount: 4,
		criteriaCount: 8,
		passes: false,
		missing: ['noch 2 Punkte', 'Basis 6.2 fehlt'],
		...overrides
	};
}

describe('AreaReadinessCard', () => {
	it('shows the points reached against the minimum in words and on the bar', () => {
		render(AreaReadinessCard, { area: area() });
		expect(screen.getByText('7 von mindestens 9 Punkten')).toBeInTheDocument();
		const bar = screen.getByRole('progressbar', { name: 'Punkte in Kommunikation' });
		expect(bar).toHaveAttribute('aria-valuenow', '7');
		expect(bar).toHaveAttribute('aria-valuemax', '9');
		expect(screen.getByText('2 von 3 Basis-Kriterien erfüllt')).toBeInTheDocument();
	});

	it('lists what is missing and says the area is not reached yet', () => {
		render(AreaReadinessCard, { area: area() });
		expect(screen.getByRole('heading', { name: 'Kommunikation' })).toBeInTheDocument();
		expect(screen.getByText('Noch nicht erreicht')).toBeInTheDocument();
		expect(screen.getByText('noch 2 Punkte')).toBeInTheDocument();
		expect(screen.getByText('Basis 6.2 fehlt')).toBeInTheDocument();
	});

	it('says the minimum is reached and lists nothing missing when the area passes', () => {
		render(AreaReadinessCard, {
			area: area({ points: 10, basisMet: 3, passes: true, missing: [] })
		});
		expect(screen.getByText('Mindestanforderungen erreicht')).toBeInTheDocument();
		expect(screen.queryByText('Es fehlt:')).not.toBeInTheDocument();
	});

	it('links to the criteria of its area', () => {
		render(AreaReadinessCard, { area: area() });
		expect(screen.getByRole('link', { name: /Kriterien ansehen/ })).toHaveAttribute(
			'href',
			'/kriterien?bereich=S3'
		);
	});
});
