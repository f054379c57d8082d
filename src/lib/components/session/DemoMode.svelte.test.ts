import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import DemoMode from './DemoMode.svelte';

const location = vi.hoisted(() => ({ url: new URL('http://localhost/kriterien') }));
vi.mock('$app/state', () => ({ page: location }));

beforeEach(() => {
	localStorage.clear();
	location.url = new URL('http://localhost/kriterien');
});

function renderDemoMode(signedIn: boolean | undefined) {
	return render(DemoMode, { signedIn });
}

describe('DemoMode', () => {
	it('offers the choice on the first open, then marks every page as demo mode', async () => {
		await renderDemoMode(false);
		expect(screen.getByRole('heading', { name: 'Willkommen bei der Gütesiegel-Mappe' })).toBeInTheDocument();
		expect(screen.getByRole('link', { name: 'Anmelden' })).toHaveAttribute(
			'href',
			'/anmelden?next=%2Fkriterien'
		);

		await userEvent
			.setup()
			.click(screen.getByRole('button', { name: 'Ohne Konto ausprobieren (Demo-Modus)' }));
		const marker = screen.getByRole('note', { name: 'Demo-Modus' });
		expect(marker).toHaveTextContent('Demo-Modus – Ihre Eingaben bleiben nur auf diesem Gerät.');
		expect(screen.getByRole('link', { name: 'Anmelden' })).toBeInTheDocument();
		expect(
			screen.queryByRole('heading', { name: 'Willkommen bei der Gütesiegel-Mappe' })
		).not.toBeInTheDocument();
	});

	it('remembers the choice on this device', async () => {
		localStorage.setItem('guetesiegel-mappe.demo-mode', '1');
		await renderDemoMode(false);
		expect(screen.getByRole('note', { name: 'Demo-Modus' })).toBeInTheDocument();
	});

	it('shows nothing to someone signed in, nor on the login page', async () => {
		localStorage.setItem('guetesiegel-mappe.demo-mode', '1');
		const { unmount } = await renderDemoMode(true);
		expect(screen.queryByRole('note', { name: 'Demo-Modus' })).not.toBeInTheDocument();
		unmount();
		location.url = new URL('http://localhost/anmelden');
		await renderDemoMode(false);
		expect(screen.queryByRole('note', { name: 'Demo-Modus' })).not.toBeInTheDocument();
	});

	it('before the session has loaded, trusts the first paint’s hint', async () => {
		localStorage.setItem('guetesiegel-mappe.demo-mode', '1');
		localStorage.setItem('guetesiegel-mappe.session', '{}');
		await renderDemoMode(undefined);
		expect(screen.queryByRole('note', { name: 'Demo-Modus' })).not.toBeInTheDocument();
	});
});
