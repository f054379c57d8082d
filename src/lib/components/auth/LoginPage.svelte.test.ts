import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionResponse } from '$lib/domain/accounts';
import { goto } from '$app/navigation';
import { landingPathFor, session } from '$lib/client/state/session.svelte';
import { aSession, answer, refuse, stubServer } from '../admin/testApi';
import LoginPage from './LoginPage.svelte';

vi.mock('$app/navigation', () => ({ goto: vi.fn() }));
// Opening the user's workspace and syncing is the session's job, tested there; here: where the page goes.
vi.mock('$lib/client/state/session.svelte', async (importOriginal) => {
	const original = await importOriginal<typeof import('$lib/client/state/session.svelte')>();
	return {
		landingPathFor: original.landingPathFor,
		session: { signedIn: vi.fn(async (response: SessionResponse) => original.landingPathFor(response.user)) }
	};
});

afterEach(() => {
	vi.unstubAllGlobals();
	vi.mocked(goto).mockClear();
	vi.mocked(session.signedIn).mockClear();
});

async function logIn(email: string, password: string, props: { next?: string | null; email?: string } = {}) {
	const user = userEvent.setup();
	render(LoginPage, props);
	if (email) await user.type(screen.getByLabelText('E-Mail-Adresse'), email);
	if (password) await user.type(screen.getByLabelText('Passwort'), password);
	await user.click(screen.getByRole('button', { name: 'Anmelden' }));
	return user;
}

const leitung = aSession({ id: 'u-leitung', email: 'leitung@demo.example', role: 'leitung' });

describe('LoginPage', () => {
	it('shows the server’s message after a wrong password and keeps the typed email', async () => {
		stubServer({
			'POST /api/auth/login': refuse(401, 'invalid_credentials', 'E-Mail-Adresse oder Passwort ist falsch.')
		});
		await logIn('leitung@demo.example', 'falsch-geraten');

		expect(await screen.findByRole('alert')).toHaveTextContent('E-Mail-Adresse oder Passwort ist falsch.');
		expect(screen.getByLabelText('E-Mail-Adresse')).toHaveValue('leitung@demo.example');
		// The wrong password is gone and the cursor waits in its field for the next try.
		expect(screen.getByLabelText('Passwort')).toHaveValue('');
		expect(screen.getByLabelText('Passwort')).toHaveFocus();
		expect(session.signedIn).not.toHaveBeenCalled();
		expect(goto).not.toHaveBeenCalled();
	});

	it('tells how long to wait after too many failed attempts', async () => {
		stubServer({
			'POST /api/auth/login': refuse(
				429,
				'rate_limited',
				'Zu viele fehlgeschlagene Anmeldeversuche. Bitte in 15 Minuten erneut versuchen.',
				undefined,
				{ 'retry-after': '900' }
			)
		});
		await logIn('leitung@demo.example', 'noch-ein-versuch');

		expect(await screen.findByRole('alert')).toHaveTextContent(
			'Zu viele fehlgeschlagene Anmeldeversuche. Bitte in 15 Minuten erneut versuchen.'
		);
		expect(screen.getByLabelText('E-Mail-Adresse')).toHaveValue('leitung@demo.example');
		expect(goto).not.toHaveBeenCalled();
	});

	it('goes on to the page the user came from (?next=) after logging in', async () => {
		const server = stubServer({ 'POST /api/auth/login': answer(leitung) });
		await logIn(' Leitung@Demo.example ', 'Demo-Leitung-2026', { next: '/kriterien/1.1' });

		await vi.waitFor(() => expect(goto).toHaveBeenCalledWith('/kriterien/1.1', { invalidateAll: true }));
		expect(session.signedIn).toHaveBeenCalledWith(leitung);
		expect(server.to('POST', '/api/auth/login')).toEqual([
			{ email: 'leitung@demo.example', password: 'Demo-Leitung-2026' }
		]);
		expect(screen.queryByRole('alert')).not.toBeInTheDocument();
	});

	it('keeps the button disabled while the workspace is set up, so nobody logs in twice', async () => {
		stubServer({ 'POST /api/auth/login': answer(leitung) });
		let finishSetup = () => {};
		vi.mocked(session.signedIn).mockImplementationOnce(
			() => new Promise((resolve) => (finishSetup = () => resolve(landingPathFor(leitung.user))))
		);
		await logIn('leitung@demo.example', 'Demo-Leitung-2026');

		expect(await screen.findByText('Die Mappe wird auf diesem Gerät eingerichtet …')).toBeInTheDocument();
		expect(screen.getByRole('button', { name: 'Anmelden …' })).toBeDisabled();
		finishSetup();
		await vi.waitFor(() => expect(goto).toHaveBeenCalledWith('/', { invalidateAll: true }));
	});

	it('without ?next= goes where the role starts, and never to another site', async () => {
		const advisor = aSession({ id: 'u-beratung', role: 'fachberatung' });
		expect(landingPathFor(advisor.user)).toBe('/beratung');
		stubServer({ 'POST /api/auth/login': answer(advisor) });
		await logIn('beratung@demo.example', 'Demo-Beratung-2026', { next: '//evil.example/phish' });
		await vi.waitFor(() => expect(goto).toHaveBeenCalledWith('/beratung', { invalidateAll: true }));
	});

	it('goes to the start page for a Leitung without ?next=', async () => {
		stubServer({ 'POST /api/auth/login': answer(leitung) });
		await logIn('leitung@demo.example', 'Demo-Leitung-2026');
		await vi.waitFor(() => expect(goto).toHaveBeenCalledWith('/', { invalidateAll: true }));
	});

	it('marks empty fields with German messages without asking the server', async () => {
		const server = stubServer({});
		await logIn('', '');

		const email = screen.getByLabelText('E-Mail-Adresse');
		expect(email).toHaveAttribute('aria-invalid', 'true');
		expect(email).toHaveAccessibleDescription('Bitte eine gültige E-Mail-Adresse angeben');
		expect(email).toHaveFocus();
		expect(screen.getByLabelText('Passwort')).toHaveAccessibleDescription('Bitte das Passwort eingeben');
		expect(server.sent).toEqual([]);
	});

	it('starts with the email from the link and says when the server cannot be reached', async () => {
		vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
		const user = userEvent.setup();
		render(LoginPage, { email: 'team@demo.example' });
		expect(screen.getByLabelText('E-Mail-Adresse')).toHaveValue('team@demo.example');

		await user.type(screen.getByLabelText('Passwort'), 'Demo-Team-2026');
		await user.click(screen.getByRole('button', { name: 'Anmelden' }));

		expect(await screen.findByRole('alert')).toHaveTextContent('Keine Verbindung zum Server.');
		// Nothing typed is lost when only the network failed.
		expect(screen.getByLabelText('Passwort')).toHaveValue('Demo-Team-2026');
	});
});
