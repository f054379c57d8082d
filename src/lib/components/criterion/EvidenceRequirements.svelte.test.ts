import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Criterion } from '$lib/domain/catalogue/schema';
import EvidenceRequirements from './EvidenceRequirements.svelte';
import { describeRequirement } from './evidenceRequirements';

const criterion = (extra: Partial<Criterion>): Criterion => ({
	id: '8.5',
	areaId: 'S4',
	level: 'aufbau',
	points: 2,
	title: 'Fortbildungsplan',
	explanation: 'x',
	typicalEvidence: [],
	...extra
});

describe('EvidenceRequirements', () => {
	it('words hours, age and „new each round“', () => {
		expect(
			describeRequirement({
				id: 'f',
				kind: 'qualifikation',
				label: 'Fortbildung',
				newEachRound: true,
				minHours: 6,
				maxAgeYears: 7
			})
		).toEqual({
			kind: 'Qualifikation',
			label: 'Fortbildung',
			conditions: ['mind. 6 Stunden', 'nicht älter als 7 Jahre', 'in jeder Runde neu']
		});
		expect(
			describeRequirement({
				id: 'k',
				kind: 'konzept',
				label: 'Analyse',
				newEachRound: false,
				maxAgeYears: 1,
				minHours: 1.5
			}).conditions
		).toEqual(['mind. 1,5 Stunden', 'nicht älter als 1 Jahr']);
	});

	it('lists what the certification body expects', () => {
		render(EvidenceRequirements, {
			criterion: criterion({
				perSite: true,
				evidenceRequirements: [
					{ id: 'v', kind: 'vereinbarung', label: 'Kooperationsvereinbarung', newEachRound: true },
					{
						id: 'f',
						kind: 'qualifikation',
						label: 'Fortbildung',
						newEachRound: false,
						minHours: 6,
						maxAgeYears: 7
					}
				]
			})
		});
		const section = screen.getByRole('region', { name: 'Verlangte Nachweise' });
		const items = within(section).getAllByRole('listitem');
		expect(items[0]).toHaveTextContent('Vereinbarung: Kooperationsvereinbarung – in jeder Runde neu');
		expect(items[1]).toHaveTextContent(
			'Qualifikation: Fortbildung – mind. 6 Stunden, nicht älter als 7 Jahre'
		);
		expect(section).toHaveTextContent('an jedem Standort');
	});

	it('shows nothing for a criterion without requirements', () => {
		render(EvidenceRequirements, { criterion: criterion({}) });
		expect(screen.queryByRole('region')).not.toBeInTheDocument();
	});
});
