import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { testCatalogue } from '$lib/components/criterion/testFixtures';
import type { Readiness, SiteResult } from '$lib/domain/readiness/types';
import SiteReadiness from './SiteReadiness.svelte';

function readinessWith(perSite: SiteResult[]): Readiness {
	return {
		passes: false,
		areas: [],
		overall: {
			points: 0,
			pointsRequired: 0,
			basisLeistung: 0,
			basisLeistungRequired: 0,
			basisStruktur: 0,
			basisStrukturRequired: 0,
			passes: true
		},
		explanations: [],
		todo: {
			reachable: true,
			criteria: [],
			pointsAdded: 0,
			steps: 0,
			missingParts: {},
			unreachableReasons: []
		},
		perSite
	};
}

const sites = (met: [boolean, boolean, boolean], missing: string[] = []) => [
	{ siteId: 'f1', name: 'Kita Regenbogen', met: met[0], missing: met[0] ? [] : missing },
	{ siteId: 'm1', name: 'Kita Sonnenschein', met: met[1], missing: met[1] ? [] : missing },
	{ siteId: 'm2', name: 'Kita Pusteblume', met: met[2], missing: met[2] ? [] : missing }
];

const verbund = readinessWith([
	{ criterionId: '1.1', sites: sites([true, true, true]) },
	{ criterionId: '1.2', sites: sites([true, false, true], ['Sprechstunde: 0 von 1 in diesem Halbjahr']) }
]);

describe('SiteReadiness', () => {
	it('shows a table of criterion × site with what is missing, and the joint result', () => {
		render(SiteReadiness, { readiness: verbund, catalogue: testCatalogue });
		const table = screen.getByRole('table');
		expect(
			within(table)
				.getAllByRole('columnheader')
				.map((h) => h.textContent)
		).toEqual(['Kriterium', 'Kita Regenbogen', 'Kita Sonnenschein', 'Kita Pusteblume', 'Verbund gesamt']);
		const [, first, second] = within(table).getAllByRole('row');
		const title = testCatalogue.criteria.find((c) => c.id === '1.2')?.title ?? '';
		expect(within(second).getByRole('rowheader')).toHaveTextContent(`1.2 ${title}`);
		expect(
			within(first)
				.getAllByRole('cell')
				.map((c) => c.textContent?.trim())
		).toEqual(['✓ erfüllt', '✓ erfüllt', '✓ erfüllt', '✓ erfüllt']);
		const cells = within(second).getAllByRole('cell');
		expect(cells[1]).toHaveTextContent('✗ fehlt');
		expect(within(cells[1]).getByRole('listitem')).toHaveTextContent(
			'Sprechstunde: 0 von 1 in diesem Halbjahr'
		);
		expect(cells[3]).toHaveTextContent('2 von 3 Standorten');
		expect(
			screen.getByText(/Verbund gesamt: 1 von 2 Kriterien an allen Standorten erfüllt\./)
		).toBeInTheDocument();
	});

	it('shows only the criterion of its page, with its joint result', () => {
		render(SiteReadiness, { readiness: verbund, catalogue: testCatalogue, criterionId: '1.2' });
		expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(2);
		expect(screen.getByText('Verbund gesamt: an 2 von 3 Standorten erfüllt')).toBeInTheDocument();
	});

	it('renders nothing for a single centre or a criterion not asked per site', () => {
		const { container, unmount } = render(SiteReadiness, {
			readiness: readinessWith([]),
			catalogue: testCatalogue
		});
		expect(container.textContent).toBe('');
		unmount();
		render(SiteReadiness, { readiness: verbund, catalogue: testCatalogue, criterionId: '2.1' });
		expect(screen.queryByRole('table')).not.toBeInTheDocument();
	});

	it('says „0 von 1 Kriterium“ with the noun following the total', () => {
		render(SiteReadiness, {
			readiness: readinessWith([{ criterionId: '1.1', sites: sites([false, true, true]) }]),
			catalogue: testCatalogue
		});
		expect(
			screen.getByText(/Verbund gesamt: 0 von 1 Kriterium an allen Standorten erfüllt\./)
		).toBeInTheDocument();
	});

	it('shows „–“ where readiness gave a site no result', () => {
		render(SiteReadiness, {
			readiness: readinessWith([
				{ criterionId: '1.1', sites: sites([true, true, true]) },
				{ criterionId: '1.2', sites: sites([true, true, true]).slice(0, 2) }
			]),
			catalogue: testCatalogue
		});
		const [, , second] = within(screen.getByRole('table')).getAllByRole('row');
		expect(
			within(second)
				.getAllByRole('cell')
				.map((c) => c.textContent?.trim())
		).toEqual(['✓ erfüllt', '✓ erfüllt', '–', '✓ erfüllt']);
	});
});
