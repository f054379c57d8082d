import { render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyOperator } from '$lib/domain/deployment/operator';

const operator = {
	...emptyOperator(),
	name: 'Stadt Musterstadt – Jugendamt',
	address: 'Markt 1 | 12345 Musterstadt',
	email: 'jugendamt@musterstadt.example'
};

function answer(body: unknown) {
	return vi.fn(
		async () => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })
	);
}

beforeEach(() => {
	localStorage.clear();
});
afterEach(() => vi.unstubAllGlobals());

describe('legal pages', () => {
	it('the Impressum shows the configured operator and „nicht angegeben“ for the rest', async () => {
		vi.stubGlobal('fetch', answer({ operator }));
		const { default: Imprint } = await import('./Imprint.svelte');
		render(Imprint);
		expect(await screen.findByText('Stadt Musterstadt – Jugendamt', { exact: false })).toBeInTheDocument();
		expect(screen.getByText('12345 Musterstadt', { exact: false })).toBeInTheDocument();
		expect(screen.getByRole('link', { name: 'jugendamt@musterstadt.example' })).toHaveAttribute(
			'href',
			'mailto:jugendamt@musterstadt.example'
		);
		// Vertreten durch, Telefon
		expect(screen.getAllByText('nicht angegeben')).toHaveLength(2);
	});

	it('the accessibility statement names the operator e-mail as contact when no other is set', async () => {
		vi.stubGlobal('fetch', answer({ operator }));
		const { default: Statement } = await import('./AccessibilityStatement.svelte');
		render(Statement);
		expect(await screen.findByText(/Stadt Musterstadt – Jugendamt ist bemüht/)).toBeInTheDocument();
		expect(screen.getByText(/teilweise/)).toBeInTheDocument();
		expect(screen.getByText(/ist nicht getaggt/)).toBeInTheDocument();
		expect(screen.getByRole('link', { name: 'jugendamt@musterstadt.example' })).toBeInTheDocument();
		expect(
			screen.getByText(/Ombudsstelle für barrierefreie Informationstechnik des Landes/, {
				selector: 'address'
			})
		).toBeInTheDocument();
	});

	it('offline without a stored copy, the privacy notice says the details are missing', async () => {
		vi.stubGlobal(
			'fetch',
			vi.fn(async () => {
				throw new TypeError('Failed to fetch');
			})
		);
		const { default: Privacy } = await import('./PrivacyNotice.svelte');
		render(Privacy);
		expect(await screen.findByText('Angaben des Betreibers nicht geladen')).toBeInTheDocument();
		expect(screen.getByText(/gsm_session/)).toBeInTheDocument();
		expect(screen.getAllByText(/nicht angegeben/).length).toBeGreaterThan(0);
	});

	it('offline with a stored copy, the privacy notice shows it', async () => {
		localStorage.setItem('guetesiegel.deployment', JSON.stringify({ operator }));
		vi.stubGlobal(
			'fetch',
			vi.fn(async () => {
				throw new TypeError('Failed to fetch');
			})
		);
		const { default: Privacy } = await import('./PrivacyNotice.svelte');
		render(Privacy);
		expect(await screen.findByText('Stadt Musterstadt – Jugendamt', { exact: false })).toBeInTheDocument();
		expect(screen.queryByText('Angaben des Betreibers nicht geladen')).toBeNull();
	});
});
