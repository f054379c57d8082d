import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Catalogue } from '$lib/domain/catalogue/schema';
import type { ThreadState } from '$lib/domain/dossier/threadState';
import type { CriterionStatusValue } from '$lib/domain/records';
import CriteriaBrowser from './CriteriaBrowser.svelte';
import {
	criteriaFilterQuery,
	emptyCriteriaFilter,
	parseCriteriaFilter,
	type CriteriaFilter
} from './criteriaFilter';

const catalogue: Pick<Catalogue, 'areas' | 'criteria'> = {
	areas: [
		{ id: 'L1', kind: 'leistung', title: 'Beratung und Unterstützung', minimum: { points: 4 } },
		{ id: 'S3', kind: 'struktur', title: 'Kommunikation', minimum: { points: 2 } },
		{ id: 'P1', kind: 'profil', title: 'Prävention', minimum: { points: 2 } }
	],
	criteria: [
		{
			id: '1.1',
			areaId: 'L1',
			level: 'basis',
			points: 2,
			title: 'Kooperation mit einer Erziehungsberatungsstelle',
			explanation: 'Eine schriftliche Vereinbarung liegt vor.',
			typicalEvidence: []
		},
		{
			id: '1.2',
			areaId: 'L1',
			level: 'aufbau',
			points: 3,
			title: 'Sprechstunden der Erziehungsberatung',
			explanation: 'Regelmäßig im Familienzentrum.',
			typicalEvidence: []
		},
		{
			id: '7.1',
			areaId: 'S3',
			level: 'basis',
			points: 1,
			title: 'Aushang der Angebote',
			explanation: 'Ein Flyer und eine Website informieren über alle Angebote.',
			typicalEvidence: []
		},
		{
			id: '9.1',
			areaId: 'P1',
			level: 'aufbau',
			points: 2,
			title: 'Lokale Anlaufstelle Frühe Hilfen',
			explanation: 'Teil der kommunalen Präventionskette.',
			typicalEvidence: []
		}
	]
};

function setup(initial: Partial<CriteriaFilter> = {}) {
	const onfilterchange = vi.fn();
	const props = $state({
		areas: catalogue.areas,
		criteria: catalogue.criteria,
		statuses: new Map<string, CriterionStatusValue>([
			['1.1', 'erfuellt'],
			['1.2', 'in_arbeit']
		]),
		evidenceCounts: new Map([['1.1', 2]]),
		chosenProfileAreas: [] as string[],
		feedbackStates: new Map<string, ThreadState>([
			['1.2', 'open'],
			['7.1', 'answered'],
			['1.1', 'none']
		]),
		filter: { ...emptyCriteriaFilter, ...initial },
		onfilterchange
	});
	const user = userEvent.setup();
	render(CriteriaBrowser, props);
	return { props, onfilterchange, user };
}

function visibleIds(): string[] {
	return [...document.querySelectorAll('[data-criterion]')].map(
		(el) => el.getAttribute('data-criterion') ?? ''
	);
}

describe('CriteriaBrowser', () => {
	it('groups all criteria by area with id, title, level, points, status and evidence count', () => {
		setup();
		expect(visibleIds()).toEqual(['1.1', '1.2', '7.1', '9.1']);
		const row = document.querySelector<HTMLElement>('[data-criterion="1.1"]')!;
		expect(within(row).getByRole('link')).toHaveAttribute('href', '/kriterien/1.1');
		expect(within(row).getByText('Basis')).toBeInTheDocument();
		expect(within(row).getByText('2 Punkte')).toBeInTheDocument();
		expect(within(row).getByText('Erfüllt')).toBeInTheDocument();
		expect(within(row).getByText('2 Nachweise')).toBeInTheDocument();
		const open = document.querySelector<HTMLElement>('[data-criterion="7.1"]')!;
		expect(within(open).getByText('Offen')).toBeInTheDocument();
		expect(within(open).getByText('kein Nachweis')).toBeInTheDocument();
	});

	it('shows an unchosen Profilbereich collapsed with a hint to choose it in Einrichtung', () => {
		setup();
		const details = screen.getByText(/Prävention \(1 Kriterium\)/).closest('details')!;
		expect(details.open).toBe(false);
		expect(within(details).getByRole('link', { name: 'Einrichtung' })).toHaveAttribute(
			'href',
			'/einrichtung'
		);
	});

	it('filtering by status shows only the criteria with that status and puts it in the URL', async () => {
		const { user, onfilterchange } = setup();
		await user.selectOptions(screen.getByLabelText('Status'), 'in_arbeit');
		expect(visibleIds()).toEqual(['1.2']);
		expect(screen.getByText('1 von 4 Kriterien')).toBeInTheDocument();
		expect(onfilterchange).toHaveBeenLastCalledWith(expect.objectContaining({ status: 'in_arbeit' }), {
			replace: false
		});
	});

	it('„ohne Nachweis“ hides the criteria that already have evidence', async () => {
		const { user } = setup();
		await user.click(screen.getByLabelText('ohne Nachweis'));
		expect(visibleIds()).toEqual(['1.2', '7.1', '9.1']);
	});

	it('marks criteria with open feedback in words and filters by feedback', async () => {
		const { user, onfilterchange } = setup();
		const row = document.querySelector<HTMLElement>('[data-criterion="1.2"]')!;
		expect(within(row).getByText('Rückmeldung offen')).toBeInTheDocument();
		expect(
			within(document.querySelector<HTMLElement>('[data-criterion="7.1"]')!).getByText(
				'Rückmeldung beantwortet'
			)
		).toBeInTheDocument();
		expect(document.querySelector('[data-criterion="1.1"]')).not.toHaveTextContent('Rückmeldung');

		await user.selectOptions(screen.getByLabelText('Mit Rückmeldung'), 'offen');
		expect(visibleIds()).toEqual(['1.2']);
		expect(onfilterchange).toHaveBeenLastCalledWith(expect.objectContaining({ rueckmeldung: 'offen' }), {
			replace: false
		});
		await user.selectOptions(screen.getByLabelText('Mit Rückmeldung'), 'alle');
		expect(visibleIds()).toEqual(['1.1', '1.2', '7.1']);
	});

	it('searches id, title and explanation as the user types', async () => {
		const { user } = setup();
		const search = screen.getByLabelText('Suche');
		await user.type(search, 'flyer');
		expect(visibleIds()).toEqual(['7.1']);
		await user.clear(search);
		await user.type(search, '1.2');
		expect(visibleIds()).toEqual(['1.2']);
		await user.clear(search);
		await user.type(search, 'erziehungsberatung sprechstunden');
		expect(visibleIds()).toEqual(['1.2']);
		expect(search).toHaveValue('erziehungsberatung sprechstunden');
	});

	it('combines filters and offers to reset them when nothing matches', async () => {
		const { user } = setup({ level: 'aufbau', bereich: 'S3' });
		expect(visibleIds()).toEqual([]);
		expect(screen.getByText('Keine Kriterien passen zu diesen Filtern.')).toBeInTheDocument();
		await user.click(screen.getAllByRole('button', { name: 'Filter zurücksetzen' })[0]);
		expect(visibleIds()).toHaveLength(4);
	});

	it('follows a filter change from the URL, e.g. the browser’s back button', async () => {
		const { props } = setup({ status: 'erfuellt' });
		expect(visibleIds()).toEqual(['1.1']);
		props.filter = { ...emptyCriteriaFilter, bereich: 'L1' };
		await Promise.resolve();
		await new Promise((r) => setTimeout(r, 0));
		expect(visibleIds()).toEqual(['1.1', '1.2']);
		expect(screen.getByLabelText('Bereich')).toHaveValue('L1');
	});

	it('opens an unchosen Profilbereich when it is the filtered area', () => {
		setup({ bereich: 'P1' });
		expect(screen.getByText(/Prävention \(1 Kriterium\)/).closest('details')!.open).toBe(true);
	});
});

describe('criteria filter in the URL', () => {
	it('survives a round trip through the query string', () => {
		const filter: CriteriaFilter = {
			bereich: 'L1',
			status: 'offen',
			level: 'basis',
			ohneNachweis: true,
			rueckmeldung: 'offen',
			q: 'Sprechstunde Beratung'
		};
		expect(parseCriteriaFilter(new URLSearchParams(criteriaFilterQuery(filter)))).toEqual(filter);
	});

	it('ignores unknown values instead of hiding every criterion', () => {
		expect(parseCriteriaFilter(new URLSearchParams('status=kaputt&stufe=x'))).toEqual(emptyCriteriaFilter);
		expect(criteriaFilterQuery(emptyCriteriaFilter)).toBe('');
	});
});
