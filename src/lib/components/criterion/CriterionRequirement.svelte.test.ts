import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { makeFamilyEducationOffer } from '$fixtures/registers';
import { calendarYear } from '$lib/domain/periods';
import { emptyRegisterData } from '$lib/domain/registers/registerData';
import { evaluateCriterionRequirement } from '$lib/domain/requirements';
import { makeCriterion, makeThreshold } from '$lib/domain/requirements/testFactories';
import type { CriterionStatusValue } from '$lib/domain/records';
import CriterionRequirement from './CriterionRequirement.svelte';

const saved = vi.hoisted(() => [] as [string, string, string][]);
vi.mock('$lib/client/services/criterion', () => ({
	setCriterionStatus: async (facilityId: string, criterionId: string, status: string) => {
		saved.push([facilityId, criterionId, status]);
	}
}));

const criterion = makeCriterion({
	id: '4B1',
	items: [
		{ id: '4B1.1', title: 'Angebote zu Randzeiten' },
		{ id: '4B1.2', title: 'Kurs am Wochenende' }
	],
	thresholds: [makeThreshold({ id: 'kurs', where: { minSessions: 1 } })],
	requires: { oder: ['4B1.1', { und: ['4B1.2', 'kurs'] }] }
});

function show(statuses: Record<string, CriterionStatusValue>, courseDates: string[]) {
	const data = {
		...emptyRegisterData(),
		familyEducationOffers: courseDates.map((date) =>
			makeFamilyEducationOffer({ sessions: [{ date, participants: 4 }] })
		)
	};
	const requirement = evaluateCriterionRequirement(criterion, {
		statuses: new Map(Object.entries(statuses)),
		registers: { data, period: calendarYear('2027-01-01'), today: '2027-09-01' }
	});
	return render(CriterionRequirement, {
		criterion,
		requirement,
		itemStatuses: new Map(),
		facilityId: 'fz-1'
	});
}

describe('criterion sub-items and thresholds', () => {
	it('shows the expression with each part met or open, the missing half-year and the progress per half', () => {
		show({ '4B1.2': 'erfuellt' }, ['2027-03-03']);
		const expression = screen.getByText('Erfüllt, wenn:').parentElement!;
		expect(expression).toHaveTextContent(
			'4B1.1 ○ (offen) ODER (4B1.2 ✓ (erfüllt) UND Kurs mit mindestens 8 Terminen ○ (offen))'
		);
		expect(screen.getByText('Noch offen auf dem kürzesten Weg:').parentElement).toHaveTextContent(
			'4B1.1 Angebote zu Randzeiten'
		);
		expect(screen.getByText('1. Halbjahr: 1 von 1 ✓ · 2. Halbjahr: 0 von 1')).toBeInTheDocument();
	});

	it('says „laut Register erfüllt“ when the thresholds complete the expression', () => {
		show({ '4B1.2': 'erfuellt' }, ['2027-03-03', '2027-09-03']);
		expect(screen.getByText(/Laut Register erfüllt/)).toHaveAttribute('role', 'status');
	});

	it('saves a sub-item status under the item id, like a criterion status', async () => {
		show({}, []);
		await userEvent.click(screen.getByRole('checkbox', { name: /^4B1\.2 / }));
		expect(saved).toContainEqual(['fz-1', '4B1.2', 'erfuellt']);
		// The criterion's own status stays the page's only „Erfüllt“ radio.
		expect(screen.queryByRole('radio', { name: 'Erfüllt' })).toBeNull();
	});
});
