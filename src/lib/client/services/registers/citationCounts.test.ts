import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshWorkspace } from '../../../../../tests/fixtures/db/testWorkspace';
import { builtInCatalogue } from '$lib/client/services/catalogue';
import { addEvidence } from '$lib/client/services/evidence';
import { readiness } from '$lib/client/state/readiness.svelte';
import { workspace } from '$lib/client/state/workspace.svelte';
import { emptyCriteriaFilter, filterCriteria } from '$lib/components/criteria/criteriaFilter';
import { citeRegisterEntry, removeRegisterCitation } from './citations';

beforeEach(async () => {
	await freshWorkspace();
});
afterEach(() => {
	workspace.dispose();
});

describe('cited register entries as evidence of a criterion', () => {
	it('count for the „ohne Nachweis“ filter like evidence items, and stop counting once removed', async () => {
		expect(await workspace.init()).toBe('ok');
		await vi.waitFor(() => expect(workspace.loaded).toBe(true));
		const facilityId = workspace.facility!.id;
		await addEvidence({
			facilityId,
			criterionIds: ['2.1'],
			kind: 'note',
			title: 'Jahresprogramm',
			date: '2026-01-10'
		});
		const citation = await citeRegisterEntry(facilityId, '2.1', 'familyEducationOffers', 'offer-1');
		await citeRegisterEntry(facilityId, '2.3', 'familyEducationOffers', 'offer-2');

		await vi.waitFor(() => expect(readiness.evidenceCounts.get('2.1')).toBe(2));
		expect(readiness.evidenceCounts.get('2.3')).toBe(1);
		const withoutEvidence = filterCriteria(
			builtInCatalogue.criteria,
			{ ...emptyCriteriaFilter, ohneNachweis: true },
			() => 'offen',
			(id) => readiness.evidenceCounts.get(id) ?? 0
		).map((c) => c.id);
		expect(withoutEvidence).not.toContain('2.3');
		expect(withoutEvidence).toContain('2.4');

		await removeRegisterCitation(citation.id);
		await vi.waitFor(() => expect(readiness.evidenceCounts.get('2.1')).toBe(1));
	});
});
