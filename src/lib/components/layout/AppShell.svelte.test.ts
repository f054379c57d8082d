import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { createRawSnippet } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import { dbHealthMessages } from '$lib/client/state/dbHealth.svelte';
import type { DbHealth } from '$lib/client/db';
import type { Role } from '$lib/domain/accounts';
import AppShell from './AppShell.svelte';
import { infoLinks } from './navItems';

const page = createRawSnippet(() => ({ render: () => '<p>Seiteninhalt</p>' }));

function setup(
	health: DbHealth,
	overrides: {
		ready?: boolean;
		pathname?: string;
		loadError?: string;
		role?: Role;
		facilities?: { id: string; name: string }[];
	} = {}
) {
	const onreload = vi.fn();
	render(AppShell, {
		pathname: overrides.pathname ?? '/',
		role: overrides.role,
		facilityName: 'Familienzentrum Regenbogen',
		facilities: overrides.facilities,
		health,
		healthMessage: dbHealthMessages[health],
		ready: overrides.ready ?? true,
		loadError: overrides.loadError,
		onreload,
		children: page
	});
	return { onreload };
}

describe('AppShell', () => {
	it('shows the app name, the facility, a skip link and the page', () => {
		setup('ok');
		expect(screen.getByText('Gütesiegel-Mappe')).toBeInTheDocument();
		expect(screen.getByText('Familienzentrum Regenbogen')).toBeInTheDocument();
		expect(screen.getByRole('link', { name: 'Zum Inhalt springen' })).toHaveAttribute('href', '#main');
		expect(screen.getByRole('main')).toHaveTextContent('Seiteninhalt');
	});

	it('marks the current section in the navigation, also for its sub-pages', () => {
		setup('ok', { pathname: '/bereiche' });
		const nav = screen.getByRole('navigation', { name: 'Hauptnavigation' });
		const links = [...nav.querySelectorAll('a')].map((a) => [
			a.textContent?.replace(/\u00AD/g, '').trim(),
			a.getAttribute('aria-current')
		]);
		expect(links).toEqual([
			['Übersicht', null],
			['Termine', null],
			['Kriterien', 'page'],
			['Register', null],
			['Einrichtung', null],
			['Einstellungen', null]
		]);
	});

	it('counts the certification rounds as part of the Einrichtung', () => {
		setup('ok', { pathname: '/runden' });
		expect(screen.getByRole('link', { name: /^Ein\u00AD?richtung$/ })).toHaveAttribute(
			'aria-current',
			'page'
		);
	});

	it("offers an advisor her centres instead of the Kita's own tabs", () => {
		setup('ok', { pathname: '/beratung', role: 'fachberatung' });
		const nav = screen.getByRole('navigation', { name: 'Hauptnavigation' });
		const labels = [...nav.querySelectorAll('a')].map((a) => a.textContent?.replace(/\u00AD/g, '').trim());
		expect(labels).toEqual(['Meine Zentren', 'Einstellungen']);
		expect(screen.getByRole('link', { name: 'Meine Zentren' })).toHaveAttribute('aria-current', 'page');
	});

	it('offers an admin the administration instead of the Kita tabs', () => {
		setup('ok', { pathname: '/admin', role: 'admin' });
		const nav = screen.getByRole('navigation', { name: 'Hauptnavigation' });
		const labels = [...nav.querySelectorAll('a')].map((a) => a.textContent?.replace(/\u00AD/g, '').trim());
		expect(labels).toEqual(['Administration', 'Einstellungen']);
	});

	it.each([undefined, 'leitung', 'fachberatung', 'admin'] as const)(
		'links help and the legal pages from the menu (role %s)',
		async (role) => {
			setup('ok', { pathname: '/', role });
			const toggle = screen.getByRole('button', { name: 'Menü' });
			expect(toggle).toHaveAttribute('aria-expanded', 'false');
			await userEvent.setup().click(toggle);
			expect(toggle).toHaveAttribute('aria-expanded', 'true');
			const menu = screen.getByRole('navigation', { name: 'Menü' });
			for (const link of infoLinks)
				expect(within(menu).getByRole('link', { name: link.label })).toHaveAttribute('href', link.href);
		}
	);

	it('closes the menu with Escape and gives focus back to its button', async () => {
		setup('ok');
		const user = userEvent.setup();
		const toggle = screen.getByRole('button', { name: 'Menü' });
		await user.click(toggle);
		await user.keyboard('{Escape}');
		expect(toggle).toHaveAttribute('aria-expanded', 'false');
		expect(toggle).toHaveFocus();
	});

	it('asks to reload instead of showing a blank page when another tab upgraded the app', async () => {
		const { onreload } = setup('versionchange');
		expect(screen.getByRole('alert')).toHaveTextContent('Die App wurde in einem anderen Tab aktualisiert.');
		expect(screen.queryByText('Seiteninhalt')).not.toBeInTheDocument();
		await userEvent.setup().click(screen.getByRole('button', { name: 'Seite neu laden' }));
		expect(onreload).toHaveBeenCalled();
	});

	it('explains that the browser does not allow local storage (e.g. private mode)', () => {
		setup('unavailable');
		expect(screen.getByRole('alert')).toHaveTextContent(dbHealthMessages.unavailable.title);
		expect(screen.getByRole('alert')).toHaveTextContent(/privaten Fenster/);
	});

	it('says what to do and offers a retry when opening the database never answers', async () => {
		const { onreload } = setup('stuck');
		expect(screen.getByRole('alert')).toHaveTextContent('Die Mappe lässt sich gerade nicht öffnen.');
		expect(screen.getByRole('alert')).toHaveTextContent(/Browser ganz/);
		expect(screen.queryByText('Seiteninhalt')).not.toBeInTheDocument();
		await userEvent.setup().click(screen.getByRole('button', { name: 'Erneut versuchen' }));
		expect(onreload).toHaveBeenCalled();
	});

	it('shows that the workspace is opening until it has been read', () => {
		setup('opening', { ready: false });
		expect(screen.getByRole('status')).toHaveTextContent('Die Mappe wird geöffnet');
		expect(screen.queryByText('Seiteninhalt')).not.toBeInTheDocument();
	});

	describe('for an advisor with two centres', () => {
		const facilities = [
			{ id: 'kita-a', name: 'Familienzentrum Sonnenblume' },
			{ id: 'kita-b', name: 'Familienzentrum Regenbogen' }
		];

		it('names no single centre on her portfolio', () => {
			setup('ok', { pathname: '/beratung', role: 'fachberatung', facilities });
			const header = screen.getByRole('banner');
			expect(header).not.toHaveTextContent('Familienzentrum');
			expect(screen.queryByRole('link', { name: /Alle Zentren/ })).not.toBeInTheDocument();
		});

		it('names the centre she is in and leads back to all of them', () => {
			setup('ok', { pathname: '/beratung/kita-a/mappe/d-1', role: 'fachberatung', facilities });
			const header = screen.getByRole('banner');
			expect(header).toHaveTextContent('Familienzentrum Sonnenblume');
			expect(header).not.toHaveTextContent('Familienzentrum Regenbogen');
			const back = screen.getByRole('link', { name: 'Alle Zentren' });
			expect(back).toHaveAttribute('href', '/beratung');
			expect(back).toHaveTextContent('← Alle Zentren');
		});
	});

	it('names no centre in an admin’s header', () => {
		setup('ok', { pathname: '/admin', role: 'admin' });
		expect(screen.getByRole('banner')).not.toHaveTextContent('Familienzentrum');
		expect(screen.queryByRole('link', { name: /Alle Zentren/ })).not.toBeInTheDocument();
	});
});
