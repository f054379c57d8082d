import { render, screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { freshWorkspace } from '../../../../tests/fixtures/db/testWorkspace';
import { ensureFacility } from '$lib/client/services/facility';
import { addRound } from '$lib/client/services/rounds';
import {
	fakeActions,
	makeEvidence,
	stubObjectUrls,
	testCatalogue
} from '$lib/components/criterion/testFixtures';
import type { Catalogue } from '$lib/domain/catalogue/schema';
import type { Evidence } from '$lib/domain/records';
import { roundDefaults } from '$lib/domain/rounds/defaults';
import EvidenceList from './EvidenceList.svelte';

const TODAY = '2026-11-21';
let roundId: string;

beforeEach(async () => {
	stubObjectUrls();
	await freshWorkspace();
	const facility = await ensureFacility('familienzentrum-nrw', '2026.1');
	roundId = (await addRound(facility.id, roundDefaults(2026))).id;
});

/** The test catalogue, with criterion 1.1 wanting its evidence anew in every round. */
const newEachRoundCatalogue: Catalogue = {
	...testCatalogue,
	criteria: testCatalogue.criteria.map((c) =>
		c.id === '1.1'
			? {
					...c,
					evidenceRequirements: [{ id: 'q', kind: 'qualifikation', label: 'Fortbildung', newEachRound: true }]
				}
			: c
	)
};

function renderList(items: Evidence[], catalogue: Catalogue = testCatalogue) {
	const actions = fakeActions();
	render(EvidenceList, {
		items,
		catalogue,
		criterionId: '1.1',
		today: TODAY,
		getAttachment: actions.getAttachment,
		prepareFile: actions.prepareFile,
		onupdate: vi.fn(async () => {}),
		ondelete: vi.fn(async () => {}),
		onattach: vi.fn(async () => null)
	});
}

describe('EvidenceList in a certification round', () => {
	it('says why evidence dated outside the Prüfzeitraum does not count', async () => {
		renderList([
			makeEvidence({ title: 'Alter Aushang', date: '2025-05-03' }),
			makeEvidence({ title: 'Aushang', date: '2026-01-01' })
		]);
		const old = screen.getByRole('article', { name: 'Alter Aushang' });
		expect(
			await within(old).findByText(
				/Datum 03\.05\.2025 liegt vor dem Prüfzeitraum 2026 \(1\. Jan – 31\. Dez\)/
			)
		).toBeInTheDocument();
		expect(within(old).getByText('Zählt nicht für die aktuelle Runde:')).toBeInTheDocument();
		const fine = screen.getByRole('article', { name: 'Aushang' });
		expect(within(fine).queryByText(/Zählt nicht/)).not.toBeInTheDocument();
	});

	it('counts evidence carried into the round, and flags it where the criterion wants it new', async () => {
		const carried = makeEvidence({
			title: 'Fortbildung 2024',
			date: '2024-03-01',
			carriedIntoRounds: [roundId]
		});
		renderList([carried], newEachRoundCatalogue);
		const item = screen.getByRole('article', { name: 'Fortbildung 2024' });
		expect(
			await within(item).findByText('aus früherer Runde – muss neu eingereicht werden')
		).toBeInTheDocument();
		expect(within(item).queryByText(/Zählt nicht/)).not.toBeInTheDocument();
	});

	it('flags nothing new-each-round for a criterion without evidence requirements', async () => {
		renderList([
			makeEvidence({ title: 'Vertrag', date: '2024-03-01', carriedIntoRounds: [roundId] }),
			makeEvidence({ title: 'Alter Aushang', date: '2025-05-03' })
		]);
		// The other item's marker shows once the round has been read.
		const old = screen.getByRole('article', { name: 'Alter Aushang' });
		expect(await within(old).findByText('Zählt nicht für die aktuelle Runde:')).toBeInTheDocument();
		const item = screen.getByRole('article', { name: 'Vertrag' });
		expect(within(item).queryByText(/früherer Runde|Zählt nicht/)).not.toBeInTheDocument();
	});
});
