import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { Area, Criterion } from '$lib/domain/catalogue/schema';
import CriteriaBrowser from './CriteriaBrowser.svelte';
import { blockGroups, variantMarker } from './criteriaGroups';
import { emptyCriteriaFilter } from './criteriaFilter';

const area: Area = {
	id: 'L4',
	kind: 'leistung',
	title: 'Vereinbarkeit und Familienbegleitung',
	minimum: { points: 2 },
	blocks: [
		{ id: '4H', title: 'Heterogenitätsbeschreibung' },
		{ id: '4B', title: 'Berufstätigkeit und zeitsensible Angebotsgestaltung' },
		{ id: '4K', title: 'Kindertagespflege' }
	]
};
const plain: Area = { id: 'S2', kind: 'struktur', title: 'Kooperation und Organisation', minimum: {} };

const criterion = (id: string, areaId: string, extra: Partial<Criterion> = {}): Criterion => ({
	id,
	areaId,
	level: 'basis',
	points: 1,
	title: `Kriterium ${id}`,
	explanation: 'x',
	typicalEvidence: [],
	...extra
});

const criteria: Criterion[] = [
	criterion('4.1', 'L4', { blockId: '4B' }),
	criterion('4H.1', 'L4', { blockId: '4H' }),
	criterion('4.9', 'L4'),
	criterion('4K.1', 'L4', { blockId: '4K', appliesTo: { kinds: ['re'] } }),
	criterion('6.8', 'S2', { appliesTo: { forms: ['verbund'] } }),
	criterion('6.9', 'S2', { appliesTo: { forms: ['verbund'], kinds: ['neu'] } })
];

describe('criteria by block', () => {
	it('groups an area by its blocks in their order, loose criteria first, empty blocks left out', () => {
		expect(
			blockGroups(area, criteria.slice(0, 4)).map((g) => [g.block?.id ?? null, g.rows.map((c) => c.id)])
		).toEqual([
			[null, ['4.9']],
			['4H', ['4H.1']],
			['4B', ['4.1']],
			['4K', ['4K.1']]
		]);
		expect(blockGroups(plain, criteria.slice(4)).map((g) => g.block)).toEqual([null]);
	});

	it('names the questionnaires a criterion is asked in', () => {
		expect(criteria.map(variantMarker)).toEqual([
			null,
			null,
			null,
			'nur Rezertifizierung',
			'nur Verbund',
			'nur Verbund · Erstzertifizierung'
		]);
		expect(variantMarker(criterion('x', 'L4', { appliesTo: { forms: ['einzel', 'verbund'] } }))).toBeNull();
	});

	it('shows block headings and the markers in the list', () => {
		render(CriteriaBrowser, {
			areas: [area, plain],
			criteria,
			statuses: new Map(),
			evidenceCounts: new Map(),
			chosenProfileAreas: [],
			filter: { ...emptyCriteriaFilter },
			onfilterchange: vi.fn()
		});
		const section = screen.getByRole('region', { name: /Vereinbarkeit und Familienbegleitung/ });
		const headings = within(section).getAllByRole('heading', { level: 3 });
		expect(headings.map((h) => h.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
			'4H Heterogenitätsbeschreibung',
			'4B Berufstätigkeit und zeitsensible Angebotsgestaltung',
			'4K Kindertagespflege'
		]);
		const block4k = within(section).getByRole('list', { name: /Kindertagespflege/ });
		expect(within(block4k).getByText('nur Rezertifizierung')).toBeInTheDocument();
		const row68 = document.querySelector<HTMLElement>('[data-criterion="6.8"]')!;
		expect(within(row68).getByText('nur Verbund')).toBeInTheDocument();
	});
});
