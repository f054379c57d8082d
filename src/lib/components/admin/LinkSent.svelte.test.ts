import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aUser, answer, sonnenblume, stubServer } from './testApi';
import UsersPanel from './UsersPanel.svelte';

afterEach(() => vi.unstubAllGlobals());

const link = {
	url: 'https://mappe.traeger.example/passwort-setzen?token=Zb1v2QdF7uT4kR9mX3pL8sWcY6hN0aGe',
	expiresAt: '2026-12-01T09:00:00.000Z'
};

async function newLinkFor(answered: object) {
	stubServer({ 'POST /api/team/u-team/reset-link': answer({ link: answered }) });
	render(UsersPanel, {
		heading: 'Team',
		users: [aUser()],
		facilities: [sonnenblume],
		baseUrl: '/api/team',
		roles: ['team'],
		canEdit: () => false,
		onChanged: vi.fn(async () => {})
	});
	await userEvent.setup().click(screen.getByRole('button', { name: 'Neuer Link: Tina Team' }));
}

describe('a set-password link the server mailed', () => {
	it('says where it went and does not show the link', async () => {
		await newLinkFor({ ...link, mail: { to: 'tina@sonnenblume.example', sent: true } });

		expect(await screen.findByRole('status')).toHaveTextContent(
			/^Link wurde an tina@sonnenblume\.example gesendet\. Er funktioniert einmal und gilt bis /
		);
		expect(screen.queryByLabelText('Link zum Passwort-Festlegen')).not.toBeInTheDocument();
	});

	it('shows the link to pass on when the mail could not be sent', async () => {
		await newLinkFor({ ...link, mail: { to: 'tina@sonnenblume.example', sent: false } });

		expect(await screen.findByLabelText('Link zum Passwort-Festlegen')).toHaveValue(link.url);
		expect(
			screen.getByText(
				'Die E-Mail an tina@sonnenblume.example konnte nicht gesendet werden. Bitte geben Sie den Link selbst weiter.'
			)
		).toBeInTheDocument();
	});
});
