import { render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { portfolioRow } from '$lib/domain/review/testing/portfolioRows';
import AdvisorHome from './AdvisorHome.svelte';

const mocks = vi.hoisted(() => ({
	fetchReviewFacilities: vi.fn(),
	session: { user: null as null | { role: string } }
}));
vi.mock('$lib/client/api/review', () => ({ fetchReviewFacilities: mocks.fetchReviewFacilities }));
vi.mock('$lib/client/state/session.svelte', () => ({ session: mocks.session }));

const rows = [portfolioRow({ id: 'a', name: 'Arche' }), portfolioRow({ id: 'b', name: 'Bärenhöhle' })];

describe('the advisor’s start page', () => {
	beforeEach(() => {
		mocks.fetchReviewFacilities.mockReset();
		mocks.session.user = { role: 'fachberatung' };
	});

	it('shows the list asked for while the page loaded, without asking again', async () => {
		render(AdvisorHome, { requested: Promise.resolve({ ok: true as const, data: rows }) });
		await screen.findByRole('table');
		expect(screen.getByRole('status')).toHaveTextContent('2 von 2 Zentren');
		expect(mocks.fetchReviewFacilities).not.toHaveBeenCalled();
	});

	it('asks for the list itself when nothing was asked for yet', async () => {
		mocks.fetchReviewFacilities.mockResolvedValue({ ok: true, data: rows });
		render(AdvisorHome, { requested: null });
		await screen.findByRole('link', { name: 'Bärenhöhle' });
		expect(mocks.fetchReviewFacilities).toHaveBeenCalledOnce();
	});

	it('says in German why the list is missing', async () => {
		const error = { status: 0, code: 'offline', message: '' };
		render(AdvisorHome, { requested: Promise.resolve({ ok: false as const, error }) });
		expect(await screen.findByRole('alert')).toHaveTextContent(
			'Ohne Verbindung lassen sich die Familienzentren nicht laden.'
		);
	});

	it('is for the Fachberatung only', () => {
		mocks.session.user = { role: 'leitung' };
		render(AdvisorHome, { requested: null });
		expect(screen.getByText('Diese Ansicht ist für die Fachberatung.')).toBeInTheDocument();
		expect(mocks.fetchReviewFacilities).not.toHaveBeenCalled();
	});
});
