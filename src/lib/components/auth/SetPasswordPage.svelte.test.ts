import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deviceSetup } from '$lib/client/state/deviceSetup.svelte';
import { session } from '$lib/client/state/session.svelte';
import type { SessionResponse } from '$lib/domain/accounts';
import { passwordLinkProblems } from '$lib/domain/passwordLinkState';
import { aSession, answer, refuse, stubServer } from '../admin/testApi';
import SetPasswordPage from './SetPasswordPage.svelte';

// Opening the workspace and the first sync are the session's job, tested there.
vi.mock('$lib/client/state/session.svelte', async (importOriginal) => {
	const original = await importOriginal<typeof import('$lib/client/state/session.svelte')>();
	return {
		landingPathFor: original.landingPathFor,
		session: { signedIn: vi.fn(async (response: SessionResponse) => original.landingPathFor(response.user)) }
	};
});

afterEach(() => {
	vi.unstubAllGlobals();
	vi.mocked(session.signedIn).mockClear();
	deviceSetup.forToken(null);
});

const token = 'Zb1v2QdF7uT4kR9mX3pL8sWcY6hN0aGe';

async function choose(password: string, repeat: string) {
	const user = userEvent.setup();
	render(SetPasswordPage, { token });
	await user.type(screen.getByLabelText('Neues Passwort'), password);
	await user.type(screen.getByLabelText('Passwort wiederholen'), repeat);
	await user.click(screen.getByRole('button', { name: 'Passwort speichern' }));
}

describe('SetPasswordPage', () => {
	it('shows the German message next to a too short password and keeps what was typed', async () => {
		const server = stubServer({});
		await choose('kurz', 'kurz');

		const field = screen.getByLabelText('Neues Passwort');
		expect(field).toHaveAttribute('aria-invalid', 'true');
		expect(field).toHaveAccessibleDescription(
			expect.stringContaining('Das Passwort muss mindestens 10 Zeichen lang sein')
		);
		expect(field).toHaveFocus();
		expect(field).toHaveValue('kurz');
		expect(server.changes()).toEqual([]);
	});

	it('refuses a repetition that does not match', async () => {
		const server = stubServer({});
		await choose('Sonnenblume blüht im Juni', 'Sonnenblume blüht im Juli');

		const repeat = screen.getByLabelText('Passwort wiederholen');
		expect(repeat).toHaveAttribute('aria-invalid', 'true');
		expect(repeat).toHaveAccessibleDescription('Die beiden Eingaben stimmen nicht überein');
		expect(screen.getByLabelText('Neues Passwort')).not.toHaveAttribute('aria-invalid');
		expect(server.changes()).toEqual([]);
	});

	it('shows why the server finds the password easy to guess next to it and keeps what was typed', async () => {
		const reason =
			'Dieses Passwort ist zu leicht zu erraten. Dies ist ein häufig verwendetes Passwort. Tipp: drei oder vier Wörter, die nicht zusammengehören, mit Zeichen oder Ziffern dazwischen.';
		stubServer({
			'POST /api/auth/set-password': refuse(400, 'weak_password', 'Bitte ein sichereres Passwort wählen.', [
				{ path: ['password'], message: reason }
			])
		});
		await choose('1234567890', '1234567890');

		const field = screen.getByLabelText('Neues Passwort');
		await vi.waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
		expect(field).toHaveAccessibleDescription(expect.stringContaining(reason));
		expect(field).toHaveValue('1234567890');
		expect(screen.queryByRole('link', { name: 'Jetzt anmelden' })).not.toBeInTheDocument();
	});

	it('says so when the link has expired or was already used', async () => {
		stubServer({
			'POST /api/auth/set-password': refuse(
				400,
				'invalid_token',
				'Dieser Link ist ungültig, abgelaufen oder wurde schon benutzt. Bitte fragen Sie nach einem neuen Link.'
			)
		});
		await choose('Sonnenblume blüht im Juni', 'Sonnenblume blüht im Juni');

		expect(await screen.findByRole('alert')).toHaveTextContent(
			'Dieser Link ist ungültig, abgelaufen oder wurde schon benutzt. Bitte fragen Sie nach einem neuen Link.'
		);
		expect(screen.queryByRole('link', { name: 'Jetzt anmelden' })).not.toBeInTheDocument();
	});

	it('sends the link’s token with the password and then offers to log in with that email', async () => {
		const server = stubServer({
			'POST /api/auth/set-password': answer({ ok: true, email: 'leitung@demo.example' })
		});
		await choose('Sonnenblume blüht im Juni', 'Sonnenblume blüht im Juni');

		expect(await screen.findByRole('status')).toHaveTextContent('Ihr Passwort ist gespeichert.');
		expect(screen.getByRole('link', { name: 'Jetzt anmelden' })).toHaveAttribute(
			'href',
			'/anmelden?email=leitung%40demo.example'
		);
		expect(server.to('POST', '/api/auth/set-password')).toEqual([
			{ token, password: 'Sonnenblume blüht im Juni' }
		]);
		expect(screen.queryByLabelText('Neues Passwort')).not.toBeInTheDocument();
	});

	it('explains an incomplete link instead of showing a form that cannot work', () => {
		render(SetPasswordPage, { token: null });
		expect(screen.getByRole('alert')).toHaveTextContent('Der Link ist unvollständig.');
		expect(screen.queryByLabelText('Neues Passwort')).not.toBeInTheDocument();
	});

	it('says at once that an expired link is expired and what to do, without a form', async () => {
		stubServer({
			'GET /api/auth/set-password': answer({ state: 'expired', expiresAt: '2026-11-20T08:00:00.000Z' })
		});
		render(SetPasswordPage, { token });
		expect(await screen.findByRole('alert')).toHaveTextContent(passwordLinkProblems.expired);
		expect(screen.queryByLabelText('Neues Passwort')).not.toBeInTheDocument();
	});

	it('sends the holder of a used link to the login', async () => {
		stubServer({ 'GET /api/auth/set-password': answer({ state: 'used', expiresAt: null }) });
		render(SetPasswordPage, { token });
		expect(await screen.findByRole('alert')).toHaveTextContent('schon benutzt');
		expect(screen.getByRole('link', { name: 'Zur Anmeldung' })).toHaveAttribute('href', '/anmelden');
	});

	it('signs the tablet in with the new password and guides it through install and first sync', async () => {
		const tina = aSession({
			id: 'u-tina',
			email: 'tina@demo.example',
			displayName: 'Tina Tablet',
			role: 'team',
			facilities: [{ id: 'demo-sonnenblume', name: 'Familienzentrum Sonnenblume', familienzentrum: 'x' }]
		});
		const server = stubServer({
			'GET /api/auth/set-password': answer({ state: 'usable', expiresAt: '2026-12-01T08:00:00.000Z' }),
			'POST /api/auth/set-password': answer({ ok: true, email: 'tina@demo.example' }),
			'POST /api/auth/login': answer(tina)
		});
		await choose('Sonnenblume blüht im Juni', 'Sonnenblume blüht im Juni');

		expect(
			await screen.findByRole('heading', { name: 'Dieses Tablet ist eingerichtet' })
		).toBeInTheDocument();
		expect(server.to('POST', '/api/auth/login')).toEqual([
			{ email: 'tina@demo.example', password: 'Sonnenblume blüht im Juni' }
		]);
		expect(session.signedIn).toHaveBeenCalledWith(tina);
		expect(screen.getByText('Tina Tablet')).toBeInTheDocument();
		expect(screen.getByRole('heading', { name: 'App auf den Home-Bildschirm legen' })).toBeInTheDocument();
		expect(screen.getByRole('heading', { name: 'Erste Synchronisierung' })).toBeInTheDocument();
		expect(screen.getByRole('link', { name: 'Los geht’s' })).toHaveAttribute('href', '/');
	});
});
