import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { makeCatalogue, statusMap } from '$fixtures/catalogues';
import { makeFamilyEducationOffer } from '$fixtures/registers';
import AreaReadinessCard from '$lib/components/overview/AreaReadinessCard.svelte';
import type { Catalogue } from '$lib/domain/catalogue/schema';
import { calendarYear } from '$lib/domain/periods';
import { computeReadiness } from '$lib/domain/readiness';
import { emptyRegisterData } from '$lib/domain/registers/registerData';
import type { RequirementContext } from '$lib/domain/requirements';
import { makeThreshold } from '$lib/domain/requirements/testFactories';
import { partsMetReasons } from '$lib/domain/shownStatus';
import AreaProgressList from './AreaProgressList.svelte';
import CriteriaBrowser from './CriteriaBrowser.svelte';
import { emptyCriteriaFilter, type CriteriaFilter } from './criteriaFilter';

/**
 * L1: 1.1 marked erfüllt, 1.2 in Arbeit with both sub-items ticked, 1.3 offen with its threshold
 * reached in the register, 1.4 offen. P1 is an unchosen Profilbereich with one criterion.
 */
const base = makeCatalogue([
	{
		id: 'L1',
		kind: 'leistung',
		title: 'Beratung',
		minimum: { points: 3 },
		criteria: ['B1', 'B1', 'A1', 'A1']
	},
	{ id: 'P1', kind: 'profil', title: 'Prävention', criteria: ['A1'] }
]);
const catalogue: Catalogue = {
	...base,
	criteria: base.criteria.map((c) =>
		c.id === 'L1.2'
			? {
					...c,
					items: [
						{ id: 'L1.2.1', title: 'Aushang' },
						{ id: 'L1.2.2', title: 'Website' }
					]
				}
			: c.id === 'L1.3'
				? { ...c, thresholds: [makeThreshold({ id: 'kurs', per: 'period' })] }
				: c
	)
};
const statuses = statusMap({
	'L1.1': 'erfuellt',
	'L1.2': 'in_arbeit',
	'L1.2.1': 'erfuellt',
	'L1.2.2': 'erfuellt'
});
const ctx: RequirementContext = {
	statuses,
	registers: {
		data: {
			...emptyRegisterData(),
			familyEducationOffers: [
				makeFamilyEducationOffer({ sessions: [{ date: '2027-03-01', participants: 4 }] })
			]
		},
		period: calendarYear('2027-01-01'),
		today: '2027-06-01'
	}
};
const readiness = computeReadiness({
	catalogue,
	statuses,
	chosenProfileAreas: [],
	registers: ctx.registers
});
const partsMet = partsMetReasons(catalogue.criteria, readiness.metByParts ?? [], ctx);

function renderBrowser(filter: Partial<CriteriaFilter> = {}) {
	render(CriteriaBrowser, {
		areas: catalogue.areas,
		criteria: catalogue.criteria,
		statuses,
		partsMet,
		evidenceCounts: new Map([['L1.1', 1]]),
		chosenProfileAreas: [],
		filter: { ...emptyCriteriaFilter, ...filter },
		onfilterchange: vi.fn()
	});
}

const row = (id: string) => document.querySelector<HTMLElement>(`[data-criterion="${id}"]`)!;
const visibleIds = () =>
	[...document.querySelectorAll('[data-criterion]')].map((el) => el.getAttribute('data-criterion'));

describe('criteria met by their parts in the lists', () => {
	it('readiness counts them (the fixture is what the lists are checked against)', () => {
		expect(readiness.metByParts).toEqual(['L1.2', 'L1.3']);
		expect(readiness.areas[0].metCount).toBe(3);
	});

	it('shows them as erfüllt with the reason the requirement evaluation gives', () => {
		renderBrowser();
		expect(within(row('L1.2')).getByText('Erfüllt')).toBeInTheDocument();
		expect(within(row('L1.2')).getByText('erfüllt durch Teilpunkte')).toBeInTheDocument();
		expect(within(row('L1.3')).getByText('Erfüllt')).toBeInTheDocument();
		expect(within(row('L1.3')).getByText('laut Register erfüllt')).toBeInTheDocument();
		// Marked by the Leitung: no marker; nothing met: stays offen.
		expect(within(row('L1.1')).queryByText(/durch Teilpunkte|laut Register/)).toBeNull();
		expect(within(row('L1.4')).getByText('Offen')).toBeInTheDocument();
	});

	it('the status filter „Erfüllt“ includes them, as many as readiness counts, and says so', async () => {
		renderBrowser({ bereich: 'L1', status: 'erfuellt' });
		expect(visibleIds()).toEqual(['L1.1', 'L1.2', 'L1.3']);
		expect(visibleIds()).toHaveLength(readiness.areas[0].metCount);
		expect(screen.getByLabelText('Status')).toHaveAccessibleDescription(
			/„Erfüllt“ umfasst auch Kriterien, die durch Teilpunkte oder laut Register erfüllt sind/
		);
		await userEvent.selectOptions(screen.getByLabelText('Status'), 'offen');
		expect(visibleIds()).toEqual(['L1.4']);
		await userEvent.selectOptions(screen.getByLabelText('Status'), 'in_arbeit');
		expect(visibleIds()).toEqual([]);
	});

	it('area progress counts them like readiness and names how many are met by parts', () => {
		render(AreaProgressList, {
			areas: catalogue.areas,
			criteria: catalogue.criteria,
			areaReadiness: readiness.areas,
			partsMet
		});
		expect(
			screen.getByText(/3 von 4 Kriterien erfüllt \(davon 2 durch Teilpunkte oder laut Register\)/)
		).toBeInTheDocument();
		expect(screen.getByText(/Nicht gewählt · 1 Kriterium\./)).toBeInTheDocument();
	});
});

describe('German plurals in the lists and cards', () => {
	it('writes one Kriterium, Nachweis and Punkt in the singular', () => {
		renderBrowser({ bereich: 'P1' });
		expect(screen.getByText('1 von 5 Kriterien')).toBeInTheDocument();
		expect(screen.getByText(/Prävention \(1 Kriterium\)/)).toBeInTheDocument();
		expect(within(row('P1.1')).getByText('1 Punkt')).toBeInTheDocument();
	});

	it('counts a single evidence item as „1 Nachweis“', () => {
		renderBrowser({ bereich: 'L1' });
		expect(within(row('L1.1')).getByText('1 Nachweis')).toBeInTheDocument();
	});

	it('area progress and the Übersicht card say „1 von 1 Kriterium“, „1 Basis-Kriterium“, „1 Punkt“', () => {
		const single = {
			areaId: 'S1',
			kind: 'struktur' as const,
			title: 'Kommunikation',
			points: 1,
			pointsRequired: 0,
			basisMet: 1,
			basisRequired: 0,
			metCount: 1,
			criteriaCount: 1,
			passes: true,
			missing: []
		};
		render(AreaReadinessCard, { area: single });
		expect(screen.getByText('1 von 1 Kriterium erfüllt')).toBeInTheDocument();
		expect(screen.getByText('1 Basis-Kriterium erfüllt (kein Mindestwert)')).toBeInTheDocument();
		expect(screen.getByText('1 Punkt (kein Mindestwert)')).toBeInTheDocument();
	});
});
