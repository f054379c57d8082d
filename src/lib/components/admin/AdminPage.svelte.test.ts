import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aSession, aUser, answer, refuse, regenbogen, sonnenblume, stubServer } from './testApi';
import AdminPage from './AdminPage.svelte';

afterEach(() => {
	vi.unstubAllGlobals();
});

const adminData = {
	'GET /api/admin/facilities': answer({ facilities: [sonnenblume, regenbogen] }),
	'GET /api/admin/users': answer({
		users: [
			aUser(),
			aUser({
				id: 'u-beratung',
				displayName: 'Beate Berater',
				role: 'fachberatung',
				facilityIds: [sonnenblume.id]
			})
		]
	}),
	'GET /api/admin/assignments': answer({
		assignments: [{ advisorId: 'u-beratung', facilityId: sonnenblume.id }]
	}),
	'GET /api/admin/catalogues': answer({ catalogues: [] }),
	'GET /api/admin/audit': answer({ entries: [] })
};

describe('AdminPage', () => {
	it('offers a signed-out visitor the login, coming back here afterwards', async () => {
		stubServer({
			'GET /api/auth/session': refuse(
				401,
				'unauthenticated',
				'Bitte melden Sie sich an. Ihre Sitzung ist abgelaufen oder fehlt.'
			)
		});
		render(AdminPage);
		expect(await screen.findByRole('link', { name: 'Anmelden' })).toHaveAttribute(
			'href',
			'/anmelden?next=/admin'
		);
		expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Verwaltung');
	});

	it('says that the administration needs a connection when the server cannot be reached', async () => {
		vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
		render(AdminPage);
		expect(await screen.findByRole('alert')).toHaveTextContent('Keine Verbindung zum Server.');
	});

	it('tells a team member that the administration is not for her role', async () => {
		stubServer({ 'GET /api/auth/session': answer(aSession({ role: 'team', displayName: 'Tina Team' })) });
		render(AdminPage);
		expect(await screen.findByRole('alert')).toHaveTextContent(
			'Die Verwaltung ist der Administration und der Leitung vorbehalten. Sie sind als Team angemeldet.'
		);
	});

	it('shows an admin every part of the administration, headings in order', async () => {
		stubServer({ 'GET /api/auth/session': answer(aSession()), ...adminData });
		render(AdminPage);
		await screen.findByRole('heading', { name: 'Konten' });

		const headings = screen.getAllByRole('heading').map((h) => `${h.tagName} ${h.textContent}`);
		expect(headings).toEqual([
			'H1 Verwaltung',
			'H2 Konten',
			'H3 Neues Konto anlegen',
			'H2 Einrichtungen',
			'H3 Einrichtung anlegen',
			'H2 Fachberatung: betreute Einrichtungen',
			'H2 Kriterienkatalog',
			'H3 Neue Version hochladen',
			'H2 Protokoll'
		]);
		expect(screen.getByText('Angemeldet als Anna Admin (Administration).')).toBeInTheDocument();
		const advisor = within(screen.getByRole('group', { name: 'Beate Berater' }));
		expect(advisor.getByRole('checkbox', { name: 'Kita Sonnenblume' })).toBeChecked();
	});

	it('reloads the lists after a change, so the new account shows in the table', async () => {
		let users = [aUser()];
		stubServer({
			'GET /api/auth/session': answer(aSession()),
			...adminData,
			'GET /api/admin/users': () => new Response(JSON.stringify({ users }), { status: 200 }),
			'POST /api/admin/users': () => {
				const created = aUser({
					id: 'u-new',
					displayName: 'Nora Neu',
					email: 'nora@kita.example',
					hasPassword: false
				});
				users = [...users, created];
				return new Response(
					JSON.stringify({
						user: created,
						link: {
							url: 'https://x.example/passwort-setzen?token=abc',
							expiresAt: '2026-12-01T09:00:00.000Z'
						}
					}),
					{ status: 201 }
				);
			}
		});
		const user = userEvent.setup();
		render(AdminPage);
		const form = within(await screen.findByRole('form', { name: 'Neues Konto anlegen' }));
		await user.type(form.getByLabelText('E-Mail-Adresse'), 'nora@kita.example');
		await user.type(form.getByLabelText('Name'), 'Nora Neu');
		await user.click(form.getByRole('button', { name: 'Konto anlegen' }));

		expect(await screen.findByRole('row', { name: /Nora Neu/ })).toHaveTextContent(
			'Passwort noch nicht gesetzt'
		);
		expect(screen.getByText('Einmal-Link für Nora Neu')).toBeInTheDocument();
	});

	it('shows a Leitung her team only and creates team accounts in her centre', async () => {
		const server = stubServer({
			'GET /api/auth/session': answer(
				aSession({ id: 'u-leitung', role: 'leitung', displayName: 'Lea Leitung', facilities: [sonnenblume] })
			),
			'GET /api/team': answer({
				users: [
					aUser({ id: 'u-leitung', displayName: 'Lea Leitung', role: 'leitung' }),
					aUser({ id: 'u-leitung-2', displayName: 'Lars Leitung', role: 'leitung' }),
					aUser()
				],
				facilities: [sonnenblume]
			}),
			'POST /api/team': refuse(409, 'email_taken', 'Für diese E-Mail-Adresse gibt es schon ein Konto.', [
				{ path: ['email'], message: 'Diese E-Mail-Adresse ist schon vergeben' }
			])
		});
		const user = userEvent.setup();
		render(AdminPage);

		expect(await screen.findByRole('heading', { name: 'Mein Team' })).toBeInTheDocument();
		expect(screen.getByRole('row', { name: /Tina Team/ })).toBeInTheDocument();
		expect(screen.queryByRole('row', { name: /Leitung/ })).not.toBeInTheDocument();
		// Only team accounts, only her centre: no role to choose, the centre is preselected.
		const form = within(screen.getByRole('form', { name: 'Neues Konto anlegen' }));
		expect(form.queryByLabelText('Rolle')).not.toBeInTheDocument();
		expect(form.getByRole('checkbox', { name: 'Kita Sonnenblume' })).toBeChecked();
		expect(screen.queryByRole('button', { name: /Bearbeiten/ })).not.toBeInTheDocument();

		await user.type(form.getByLabelText('E-Mail-Adresse'), 'team@demo.example');
		await user.type(form.getByLabelText('Name'), 'Tom Team');
		await user.click(form.getByRole('button', { name: 'Konto anlegen' }));
		await vi.waitFor(() =>
			expect(form.getByLabelText('E-Mail-Adresse')).toHaveAccessibleDescription(
				'Diese E-Mail-Adresse ist schon vergeben'
			)
		);
		expect(server.to('POST', '/api/team')).toEqual([
			{ email: 'team@demo.example', displayName: 'Tom Team', role: 'team', facilityIds: [sonnenblume.id] }
		]);
	});
});
