import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answer, refuse, stubServer } from '../admin/testApi';
import ForgotPasswordPage from './ForgotPasswordPage.svelte';

afterEach(() => vi.unstubAllGlobals());

const SAME_ANSWER =
	'Wenn ein Konto zu der Adresse leitung@demo.example besteht, ist ein Link zum Festlegen eines neuen Passworts unterwegs.';

async function requestLink(email: string) {
	const user = userEvent.setup();
	render(ForgotPasswordPage, {});
	await user.type(await screen.findByLabelText('E-Mail-Adresse'), email);
	await user.click(screen.getByRole('button', { name: 'Link anfordern' }));
	return user;
}

describe('ForgotPasswordPage', () => {
	it('sends the address and gives the same answer whatever the server knows', async () => {
		const server = stubServer({
			'GET /api/auth/forgot-password': answer({ byMail: true }),
			'POST /api/auth/forgot-password': answer({ ok: true }, 202)
		});
		await requestLink(' Leitung@Demo.example ');

		expect(await screen.findByRole('status')).toHaveTextContent(SAME_ANSWER);
		expect(server.to('POST', '/api/auth/forgot-password')).toEqual([{ email: 'leitung@demo.example' }]);
		expect(screen.getByLabelText('E-Mail-Adresse')).toHaveValue('Leitung@Demo.example');
	});

	it('checks the address before sending, in German', async () => {
		const server = stubServer({ 'GET /api/auth/forgot-password': answer({ byMail: true }) });
		await requestLink('keine-adresse');

		expect(await screen.findByText('Bitte eine gültige E-Mail-Adresse angeben')).toBeInTheDocument();
		expect(screen.getByLabelText('E-Mail-Adresse')).toHaveAttribute('aria-invalid', 'true');
		expect(screen.getByLabelText('E-Mail-Adresse')).toHaveFocus();
		expect(server.changes()).toEqual([]);
	});

	it('shows the wait after too many requests and keeps the address', async () => {
		stubServer({
			'GET /api/auth/forgot-password': answer({ byMail: true }),
			'POST /api/auth/forgot-password': refuse(
				429,
				'rate_limited',
				'Zu viele Anfragen von diesem Anschluss. Bitte in 60 Minuten erneut versuchen.'
			)
		});
		await requestLink('leitung@demo.example');

		expect(await screen.findByRole('alert')).toHaveTextContent(
			'Zu viele Anfragen von diesem Anschluss. Bitte in 60 Minuten erneut versuchen.'
		);
		expect(screen.queryByText(SAME_ANSWER, { exact: false })).not.toBeInTheDocument();
		expect(screen.getByLabelText('E-Mail-Adresse')).toHaveValue('leitung@demo.example');
	});

	it('says offline that there is no connection, and keeps the address', async () => {
		vi.stubGlobal(
			'fetch',
			vi.fn(async () => {
				throw new TypeError('Failed to fetch');
			})
		);
		await requestLink('leitung@demo.example');

		expect(await screen.findByRole('alert')).toHaveTextContent(
			'Keine Verbindung zum Server. Bitte prüfen Sie die Internetverbindung.'
		);
		expect(screen.getByLabelText('E-Mail-Adresse')).toHaveValue('leitung@demo.example');
	});

	it('sends people to the Leitung or the admin when the server sends no mail', async () => {
		stubServer({ 'GET /api/auth/forgot-password': answer({ byMail: false }) });
		render(ForgotPasswordPage, {});

		expect(
			await screen.findByText(
				/Dieser Server verschickt keine E-Mails\. Bitte wenden Sie sich an Ihre Leitung/
			)
		).toBeInTheDocument();
		expect(screen.queryByLabelText('E-Mail-Adresse')).not.toBeInTheDocument();
		expect(screen.getByRole('link', { name: 'Zurück zur Anmeldung' })).toHaveAttribute('href', '/anmelden');
	});
});
