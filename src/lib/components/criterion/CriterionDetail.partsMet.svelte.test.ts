import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { statusMap } from '$fixtures/catalogues';
import type { CriterionStatusValue } from '$lib/domain/records';
import { evaluateCriterionRequirement } from '$lib/domain/requirements';
import { makeCriterion } from '$lib/domain/requirements/testFactories';
import CriterionDetail from './CriterionDetail.svelte';
import { FACILITY_ID, makeStatus, testCatalogue } from './testFixtures';

const criterion = makeCriterion({
	id: '1.3',
	areaId: 'L1',
	items: [
		{ id: '1.3.1', title: 'Übersicht ausgehängt' },
		{ id: '1.3.2', title: 'Wegweiser als Faltblatt' }
	]
});

function renderWith(stored: CriterionStatusValue, ticked: string[]) {
	const statuses = statusMap(Object.fromEntries(ticked.map((id) => [id, 'erfuellt' as const])));
	render(CriterionDetail, {
		criterion,
		catalogue: testCatalogue,
		status: makeStatus({ criterionId: '1.3', status: stored }),
		evidence: [],
		facilityId: FACILITY_ID,
		today: '2027-03-01',
		requirement: evaluateCriterionRequirement(criterion, { statuses })
	});
}

const notice = () => screen.queryByText(/Zählt als erfüllt/);

describe('criterion page: met by its parts', () => {
	it('says near the status that it counts as erfüllt while stored as in Arbeit', () => {
		renderWith('in_arbeit', ['1.3.1', '1.3.2']);
		expect(notice()).toHaveTextContent('Zählt als erfüllt – erfüllt durch Teilpunkte');
		// The criterion's own status stays the only radio group; sub-items are checkboxes.
		expect(screen.getAllByRole('radio').map((r) => r.closest('label')?.textContent?.trim())).toEqual([
			'Offen',
			'In Arbeit',
			'Erfüllt',
			'Nicht zutreffend'
		]);
		expect(screen.getByRole('radio', { name: 'In Arbeit' })).toBeChecked();
		expect(screen.getAllByRole('checkbox')).toHaveLength(2);
	});

	it('says nothing while its parts do not meet it yet', () => {
		renderWith('offen', ['1.3.1']);
		expect(notice()).toBeNull();
	});

	it.each(['erfuellt', 'nicht_zutreffend'] as const)('says nothing when marked %s', (stored) => {
		renderWith(stored, ['1.3.1', '1.3.2']);
		expect(notice()).toBeNull();
	});
});
