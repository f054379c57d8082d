import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '$lib/domain/accounts';
import AccountMenu from './AccountMenu.svelte';
import LogoutDialog from './LogoutDialog.svelte';

const lea: SessionUser = {
	id: 'lea',
	email: 'leitung@demo.example',
	displayName: 'Lea Leitung',
	role: 'leitung',
	facilities: [
		{ id: 'kita-a', name: 'Kita Sonnenblume', familienzentrum: 'FZ Nord' },
		{ id: 'kita-b', name: 'Kita Pusteblume', familienzentrum: 'FZ Nord' }
	]
};

function renderMenu(props: Partial<Parameters<typeof AccountMenu>[1]> = {}) {
	const onlogout = vi.fn();
	const onswitchfacility = vi.fn();
	render(AccountMenu, {
		user: lea,
		expired: false,
		activeFacilityId: 'kita-a',
		returnTo: '/kriterien',
		onlogout,
		onswitchfacility,
		...props
	});
	return { onlogout, onswitchfacility };
}

describe('the account menu', () => {
	it('shows who is signed in, with role, and logs out from the menu', async () => {
		const { onlogout } = renderMenu();
		const toggle = screen.getByRole('button', { name: /Lea Leitung/ });
		expect(toggle).toHaveAttribute('aria-expanded', 'false');
		await userEvent.click(toggle);
		expect(toggle).toHaveAttribute('aria-expanded', 'true');
		expect(screen.getByText('Leitung · leitung@demo.example')).toBeVisible();
		expect(screen.getByRole('link', { name: 'Mappe abgeben' })).toHaveAttribute('href', '/mappe');
		await userEvent.click(screen.getByRole('button', { name: 'Abmelden' }));
		expect(onlogout).toHaveBeenCalledOnce();
	});

	it('closes with Escape and returns focus to its button', async () => {
		renderMenu();
		const toggle = screen.getByRole('button', { name: /Lea Leitung/ });
		await userEvent.click(toggle);
		await userEvent.keyboard('{Escape}');
		expect(toggle).toHaveAttribute('aria-expanded', 'false');
		expect(toggle).toHaveFocus();
	});

	it('lets a Verbund member switch between her Kitas', async () => {
		const { onswitchfacility } = renderMenu();
		await userEvent.click(screen.getByRole('button', { name: /Lea Leitung/ }));
		await userEvent.selectOptions(screen.getByLabelText('Einrichtung'), 'kita-b');
		expect(onswitchfacility).toHaveBeenCalledWith('kita-b');
	});

	it('asks to log in again when the session has expired, back to the same page', async () => {
		renderMenu({ expired: true });
		const toggle = screen.getByRole('button', { name: /Anmeldung abgelaufen/ });
		await userEvent.click(toggle);
		expect(screen.getByText(/Bitte erneut anmelden/)).toBeVisible();
		expect(screen.getByRole('link', { name: 'Erneut anmelden' })).toHaveAttribute(
			'href',
			'/anmelden?next=%2Fkriterien'
		);
	});

	it('offers to log in when nobody is signed in', () => {
		renderMenu({ user: null });
		expect(screen.getByRole('link', { name: 'Anmelden' })).toHaveAttribute(
			'href',
			'/anmelden?next=%2Fkriterien'
		);
	});

	it('leads an advisor to her centres', async () => {
		renderMenu({ user: { ...lea, role: 'fachberatung' } });
		await userEvent.click(screen.getByRole('button', { name: /Lea Leitung/ }));
		expect(screen.getByRole('link', { name: 'Meine Familienzentren' })).toHaveAttribute('href', '/beratung');
		expect(screen.queryByLabelText('Einrichtung')).not.toBeInTheDocument();
	});
});

describe('logging out with unsynced changes', () => {
	it('warns with the number of changes and lets the user sync first, log out anyway or stay', async () => {
		const handlers = { onsyncfirst: vi.fn(), onconfirm: vi.fn(), oncancel: vi.fn() };
		render(LogoutDialog, { count: 3, busy: false, ...handlers });
		const dialog = screen.getByRole('alertdialog', { name: 'Abmelden?' });
		expect(dialog).toHaveAccessibleDescription(/Es gibt 3 Änderungen, die noch nicht übertragen wurden/);
		expect(screen.getByRole('button', { name: 'Erst übertragen' })).toHaveFocus();
		await userEvent.click(screen.getByRole('button', { name: 'Trotzdem abmelden' }));
		expect(handlers.onconfirm).toHaveBeenCalledOnce();
		await userEvent.keyboard('{Escape}');
		expect(handlers.oncancel).toHaveBeenCalledOnce();
	});

	it('speaks of one change in the singular', () => {
		render(LogoutDialog, {
			count: 1,
			busy: false,
			onsyncfirst: vi.fn(),
			onconfirm: vi.fn(),
			oncancel: vi.fn()
		});
		expect(screen.getByText(/Es gibt 1 Änderung, die noch nicht übertragen wurde\./)).toBeInTheDocument();
	});
});
