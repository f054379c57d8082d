import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { testCatalogue } from '$lib/components/criterion/testFixtures';
import type { DossierStatus } from '$lib/domain/dossier/snapshot';
import CriteriaByArea from './CriteriaByArea.svelte';

const status = (criterionId: string, value: DossierStatus['status']): DossierStatus => ({
	criterionId,
	status: value,
	note: '',
	updatedAt: '2027-03-01T10:00:00.000Z',
	updatedBy: 'Leitung Anna'
});

function badgeOf(criterionId: string): string | undefined {
	return document
		.querySelector(`#kriterium-${criterionId.replace('.', '\\.')} .status-badge`)
		?.textContent?.trim();
}

describe('CriteriaByArea', () => {
	it('shows a criterion met by its parts as erfüllt and says why, as readiness counted it', () => {
		render(CriteriaByArea, {
			catalogue: testCatalogue,
			statuses: new Map([
				['1.1', status('1.1', 'in_arbeit')],
				['3.1', status('3.1', 'nicht_zutreffend')]
			]),
			evidence: new Map(),
			chosenProfileAreas: [],
			metByParts: ['1.1', '3.1']
		});
		expect(badgeOf('1.1')).toContain('Erfüllt');
		expect(screen.getAllByText('Zählt als erfüllt: durch Teilpunkte oder laut Register')).toHaveLength(1);
		// „Nicht zutreffend“ is the Leitung's word and stays; a criterion without parts stays open.
		expect(badgeOf('3.1')).toContain('Nicht zutreffend');
		expect(badgeOf('1.2')).toContain('Offen');
	});
});
