import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
	makeDossier,
	makeEvidence,
	makeSnapshot,
	makeStatus,
	reviewCatalogue
} from '../../../../tests/fixtures/reviewDossier';
import { freshWorkspace } from '../../../../tests/fixtures/db/testWorkspace';
import { fetchDossier, fetchDossierOutline } from '$lib/client/api/dossiers';
import type { ApiResult } from '$lib/client/api/request';
import { fetchReviewContext } from '$lib/client/services/dossierReview/load';
import { dossierOutline } from '$lib/domain/dossier/outline';
import type { Dossier } from '$lib/domain/dossier/versions';
import type { Catalogue } from '$lib/domain/catalogue/schema';
import DossierReview from './DossierReview.svelte';

vi.mock('$lib/client/api/dossiers', () => ({ fetchDossier: vi.fn(), fetchDossierOutline: vi.fn() }));
vi.mock('$lib/client/services/dossierReview/load', async (original) => ({
	...(await original<object>()),
	fetchReviewContext: vi.fn()
}));

const version = makeDossier(
	1,
	makeSnapshot({
		statuses: [makeStatus('1.1', 'erfuellt', 'Aushang im Flur')],
		evidence: [
			makeEvidence('e1', ['1.1'], { title: 'Foto Sprechstundenplan' }),
			makeEvidence('e2', ['1.1'], { title: 'Kooperationsvertrag' })
		]
	})
);
const offline = { ok: false as const, error: { status: 0, code: 'offline', message: 'Keine Verbindung.' } };

/** A promise the test settles when it wants, to see the page between the steps of its load. */
function later<T>() {
	let settle: (value: T) => void = () => undefined;
	const promise = new Promise<T>((resolve) => (settle = resolve));
	return { promise, settle };
}

const list = () => screen.getByRole('navigation', { name: 'Kriterien der Mappe' });
const detail = () => screen.getByRole('article');

beforeEach(async () => {
	vi.clearAllMocks();
	await freshWorkspace();
	vi.mocked(fetchDossierOutline).mockResolvedValue({
		ok: true,
		data: { dossier: dossierOutline(version), catalogue: reviewCatalogue }
	});
	vi.mocked(fetchReviewContext).mockResolvedValue({
		ok: true,
		data: { dossiers: [version], feedback: [], messages: [] }
	});
});

describe('the review page of a large version', () => {
	it('shows the criteria from the outline first, then the evidence items when they arrive', async () => {
		const whole = later<ApiResult<{ dossier: Dossier; catalogue: Catalogue }>>();
		vi.mocked(fetchDossier).mockReturnValue(whole.promise);
		render(DossierReview, { facilityId: 'kita-a', dossierId: 'd-1' });

		await screen.findByRole('heading', { level: 1, name: /Mappe Kindergartenjahr 2026\/27 – Version 1/ });
		expect(within(list()).getByRole('button', { name: /1\.1/ })).toHaveTextContent('2 Nachweise');
		await vi.waitFor(() => expect(fetchDossier).toHaveBeenCalledWith('d-1'));
		expect(within(detail()).getByRole('heading', { name: 'Nachweise (2)' })).toBeInTheDocument();
		expect(detail()).toHaveTextContent('Die Nachweise werden geladen …');
		expect(detail()).not.toHaveTextContent('Foto Sprechstundenplan');

		whole.settle({ ok: true, data: { dossier: version, catalogue: reviewCatalogue } });
		expect(await within(detail()).findByText('Foto Sprechstundenplan')).toBeInTheDocument();
		expect(detail()).toHaveTextContent('Kooperationsvertrag');
		expect(detail()).not.toHaveTextContent('werden geladen');
	});

	it('keeps the list when the evidence items fail, says so and loads them again on request', async () => {
		vi.mocked(fetchDossier).mockResolvedValueOnce(offline);
		render(DossierReview, { facilityId: 'kita-a', dossierId: 'd-1' });

		const alert = await screen.findByRole('alert');
		expect(alert).toHaveTextContent('Die Nachweise konnten nicht geladen werden.');
		expect(alert).toHaveTextContent('Ohne Verbindung lassen sich die Nachweise nicht laden.');
		expect(within(list()).getByRole('button', { name: /1\.1/ })).toHaveTextContent('2 Nachweise');
		expect(detail()).toHaveTextContent('Die Nachweise konnten nicht geladen werden.');

		vi.mocked(fetchDossier).mockResolvedValue({
			ok: true,
			data: { dossier: version, catalogue: reviewCatalogue }
		});
		await userEvent.click(within(alert).getByRole('button', { name: 'Nachweise erneut laden' }));
		expect(await within(detail()).findByText('Foto Sprechstundenplan')).toBeInTheDocument();
		expect(screen.queryByRole('alert')).not.toBeInTheDocument();
	});

	it('says so when the version itself cannot be loaded', async () => {
		vi.mocked(fetchDossierOutline).mockResolvedValue(offline);
		render(DossierReview, { facilityId: 'kita-a', dossierId: 'd-1' });
		expect(await screen.findByRole('alert')).toHaveTextContent(
			'Ohne Verbindung lässt sich die Mappe nicht laden.'
		);
		expect(fetchDossier).not.toHaveBeenCalled();
	});
});
