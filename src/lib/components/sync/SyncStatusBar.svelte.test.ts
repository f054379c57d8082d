import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { SyncStatusView } from '$lib/client/sync/syncState';
import SyncStatusBar from './SyncStatusBar.svelte';

function renderBar(
	view: Partial<SyncStatusView>,
	extra: { openConflicts?: number; rejectedCount?: number } = {}
) {
	const onsync = vi.fn();
	render(SyncStatusBar, {
		view: { state: 'idle', pendingCount: 0, lastSyncedAt: null, error: null, ...view },
		returnTo: '/',
		onsync,
		...extra
	});
	return { onsync };
}

describe('SyncStatusBar', () => {
	it('says how many changes wait while offline and offers no sync', () => {
		renderBar({ state: 'offline', pendingCount: 3 });
		expect(screen.getByRole('status')).toHaveTextContent('Offline – 3 Änderungen warten');
		expect(screen.getByRole('button', { name: 'Jetzt synchronisieren' })).toBeDisabled();
	});

	it('syncs when the button is pressed', async () => {
		const { onsync } = renderBar({ state: 'pending', pendingCount: 1 });
		expect(screen.getByRole('status')).toHaveTextContent('1 Änderung wartet');
		await userEvent.click(screen.getByRole('button', { name: 'Jetzt synchronisieren' }));
		expect(onsync).toHaveBeenCalledOnce();
	});

	it('asks to log in again when the session is gone', () => {
		renderBar({ state: 'needs-login' });
		expect(screen.getByRole('status')).toHaveTextContent('Bitte erneut anmelden');
		expect(screen.getByRole('link', { name: 'Anmelden' })).toHaveAttribute('href', '/anmelden?next=%2F');
	});

	it('shows an error with its reason and links to what needs clarifying', () => {
		renderBar({ state: 'error', error: 'Server nicht erreichbar' }, { openConflicts: 1, rejectedCount: 1 });
		expect(screen.getByRole('status')).toHaveTextContent('Fehler: Server nicht erreichbar');
		expect(screen.getByRole('link', { name: '2 Punkte zu klären' })).toHaveAttribute('href', '/konflikte');
	});

	it('shows that it is syncing and keeps the button from starting a second run', () => {
		renderBar({ state: 'syncing' });
		expect(screen.getByRole('status')).toHaveTextContent('Synchronisiere …');
		expect(screen.getByRole('button', { name: 'Jetzt synchronisieren' })).toBeDisabled();
	});
});
