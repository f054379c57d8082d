import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Role, UserSummary } from '$lib/domain/accounts';
import { aUser, answer, refuse, regenbogen, sonnenblume, stubServer } from './testApi';
import UsersPanel from './UsersPanel.svelte';

afterEach(() => {
	vi.unstubAllGlobals();
});

const allRoles: Role[] = ['team', 'leitung', 'fachberatung', 'admin'];
const link = {
	url: 'https://mappe.traeger.example/passwort-setzen?token=Zb1v2QdF7uT4kR9mX3pL8sWcY6hN0aGe',
	expiresAt: '2026-12-01T09:00:00.000Z'
};

function setup(users: UserSummary[] = [aUser()]) {
	const onChanged = vi.fn(async () => {});
	render(UsersPanel, {
		heading: 'Konten',
		users,
		facilities: [sonnenblume, regenbogen],
		baseUrl: '/api/admin/users',
		roles: allRoles,
		canEdit: () => true,
		onChanged
	});
	return { user: userEvent.setup(), onChanged };
}

async function fillNewAccount(user: ReturnType<typeof userEvent.setup>) {
	await user.type(screen.getByLabelText('E-Mail-Adresse'), 'beate.berater@jugendamt.example');
	await user.type(screen.getByLabelText('Name'), 'Beate Berater');
	await user.selectOptions(screen.getByLabelText('Rolle'), 'Fachberatung');
	await user.click(screen.getByRole('checkbox', { name: 'Familienzentrum Regenbogen' }));
	await user.click(screen.getByRole('button', { name: 'Konto anlegen' }));
}

describe('UsersPanel', () => {
	it('creates an account and shows the one-time link to pass on', async () => {
		const server = stubServer({
			'POST /api/admin/users': answer(
				{
					user: aUser({
						id: 'u-new',
						email: 'beate.berater@jugendamt.example',
						displayName: 'Beate Berater',
						role: 'fachberatung',
						hasPassword: false,
						facilityIds: [regenbogen.id]
					}),
					link
				},
				201
			)
		});
		const { user, onChanged } = setup();
		await fillNewAccount(user);

		const notice = await screen.findByRole('status');
		expect(notice).toHaveTextContent('Einmal-Link für Beate Berater');
		expect(notice).toHaveTextContent('Nur jetzt sichtbar');
		expect(within(notice).getByLabelText('Link zum Passwort-Festlegen')).toHaveValue(link.url);
		expect(server.to('POST', '/api/admin/users')).toEqual([
			{
				email: 'beate.berater@jugendamt.example',
				displayName: 'Beate Berater',
				role: 'fachberatung',
				facilityIds: [regenbogen.id]
			}
		]);
		expect(onChanged).toHaveBeenCalled();
		// The form is empty again for the next account.
		expect(screen.getByLabelText('E-Mail-Adresse')).toHaveValue('');
	});

	it('shows the server’s refusal next to the field and keeps everything typed', async () => {
		stubServer({
			'POST /api/admin/users': refuse(
				409,
				'email_taken',
				'Für diese E-Mail-Adresse gibt es schon ein Konto.',
				[{ path: ['email'], message: 'Diese E-Mail-Adresse ist schon vergeben' }]
			)
		});
		const { user, onChanged } = setup();
		await fillNewAccount(user);

		const email = await screen.findByLabelText('E-Mail-Adresse');
		await vi.waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
		expect(email).toHaveAccessibleDescription('Diese E-Mail-Adresse ist schon vergeben');
		expect(email).toHaveFocus();
		expect(screen.getByRole('alert')).toHaveTextContent('Für diese E-Mail-Adresse gibt es schon ein Konto.');
		expect(email).toHaveValue('beate.berater@jugendamt.example');
		expect(screen.getByLabelText('Name')).toHaveValue('Beate Berater');
		expect(screen.getByLabelText('Rolle')).toHaveDisplayValue('Fachberatung');
		expect(screen.getByRole('checkbox', { name: 'Familienzentrum Regenbogen' })).toBeChecked();
		expect(screen.queryByText(/Einmal-Link für/)).not.toBeInTheDocument();
		expect(onChanged).not.toHaveBeenCalled();
	});

	it('shows a missing name from the server’s validation next to the name field', async () => {
		stubServer({
			'POST /api/admin/users': refuse(
				400,
				'invalid_request',
				'Die Eingaben sind unvollständig oder ungültig.',
				[{ path: ['displayName'], message: 'Bitte einen Namen angeben' }]
			)
		});
		const { user } = setup();
		await user.type(screen.getByLabelText('E-Mail-Adresse'), 'neu@kita.example');
		await user.click(screen.getByRole('button', { name: 'Konto anlegen' }));

		const name = screen.getByLabelText('Name');
		await vi.waitFor(() => expect(name).toHaveAccessibleDescription('Bitte einen Namen angeben'));
		expect(name).toHaveAttribute('aria-invalid', 'true');
		expect(screen.getByLabelText('E-Mail-Adresse')).toHaveValue('neu@kita.example');
	});

	it('asks before locking an account and locks it only when confirmed', async () => {
		const server = stubServer({
			'PATCH /api/admin/users/u-team': answer({ user: aUser({ disabled: true }) })
		});
		const { user, onChanged } = setup();
		const lock = screen.getByRole('button', { name: 'Sperren: Tina Team' });

		await user.click(lock);
		expect(screen.getByRole('group', { name: 'Konto von Tina Team sperren?' })).toHaveAccessibleDescription(
			/sofort auf allen Geräten abgemeldet/
		);
		await user.click(screen.getByRole('button', { name: 'Abbrechen' }));
		expect(screen.queryByRole('group', { name: /sperren\?/ })).not.toBeInTheDocument();
		expect(lock).toHaveFocus();
		expect(server.changes()).toEqual([]);

		await user.click(lock);
		await user.click(screen.getByRole('button', { name: 'Ja, sperren' }));
		await vi.waitFor(() =>
			expect(server.to('PATCH', '/api/admin/users/u-team')).toEqual([{ disabled: true }])
		);
		expect(onChanged).toHaveBeenCalled();
		expect(screen.queryByRole('group', { name: /sperren\?/ })).not.toBeInTheDocument();
	});

	it('unlocks a locked account right away', async () => {
		const server = stubServer({ 'PATCH /api/admin/users/u-team': answer({ user: aUser() }) });
		setup([aUser({ disabled: true })]);
		expect(screen.getByRole('row', { name: /Tina Team/ })).toHaveTextContent('Gesperrt');

		await userEvent.setup().click(screen.getByRole('button', { name: 'Entsperren: Tina Team' }));
		await vi.waitFor(() =>
			expect(server.to('PATCH', '/api/admin/users/u-team')).toEqual([{ disabled: false }])
		);
	});

	it('shows why the server refused to lock an account', async () => {
		stubServer({
			'PATCH /api/admin/users/u-admin': refuse(
				409,
				'own_account',
				'Das eigene Konto kann nicht gesperrt oder herabgestuft werden.'
			)
		});
		const { user } = setup([
			aUser({ id: 'u-admin', displayName: 'Anna Admin', role: 'admin', facilityIds: [] })
		]);
		await user.click(screen.getByRole('button', { name: 'Sperren: Anna Admin' }));
		await user.click(screen.getByRole('button', { name: 'Ja, sperren' }));

		expect(await screen.findByRole('alert')).toHaveTextContent(
			'Das eigene Konto kann nicht gesperrt oder herabgestuft werden.'
		);
	});

	it('issues a new one-time link for an account', async () => {
		const server = stubServer({ 'POST /api/admin/users/u-team/reset-link': answer({ link }) });
		const { user } = setup([aUser({ hasPassword: false })]);
		expect(screen.getByRole('row', { name: /Tina Team/ })).toHaveTextContent('Passwort noch nicht gesetzt');

		await user.click(screen.getByRole('button', { name: 'Neuer Link: Tina Team' }));
		expect(await screen.findByLabelText('Link zum Passwort-Festlegen')).toHaveValue(link.url);
		expect(server.changes()).toHaveLength(1);
	});

	it('changes name, role and facilities of an account', async () => {
		const server = stubServer({ 'PATCH /api/admin/users/u-team': answer({ user: aUser() }) });
		const { user } = setup();
		await user.click(screen.getByRole('button', { name: 'Bearbeiten: Tina Team' }));
		const form = within(screen.getByRole('form', { name: 'Konto von Tina Team bearbeiten' }));
		// No email field: the email is the login and stays.
		expect(form.queryByLabelText('E-Mail-Adresse')).not.toBeInTheDocument();
		await user.clear(form.getByLabelText('Name'));
		await user.type(form.getByLabelText('Name'), 'Tina Leitung');
		await user.selectOptions(form.getByLabelText('Rolle'), 'Leitung');
		await user.click(form.getByRole('button', { name: 'Änderungen speichern' }));

		await vi.waitFor(() =>
			expect(server.to('PATCH', '/api/admin/users/u-team')).toEqual([
				{ displayName: 'Tina Leitung', role: 'leitung', facilityIds: [sonnenblume.id] }
			])
		);
		await vi.waitFor(() =>
			expect(screen.queryByRole('form', { name: 'Konto von Tina Team bearbeiten' })).not.toBeInTheDocument()
		);
	});
});
