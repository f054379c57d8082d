import { render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import HeaderStatus from './HeaderStatus.svelte';

// The real parts start sync and read the session; here only whether they are shown matters.
vi.mock('$lib/components/sync/SyncStatus.svelte', () => import('./testing/SyncStatusStub.svelte'));
vi.mock('$lib/components/session/AccountArea.svelte', () => import('./testing/AccountAreaStub.svelte'));

describe('the header’s status for each role', () => {
	it('offers an admin no sync of a workspace, only her account', () => {
		render(HeaderStatus, { role: 'admin' });
		expect(screen.queryByText('Sync-Status')).not.toBeInTheDocument();
		expect(screen.getByText('Konto')).toBeInTheDocument();
	});

	it.each(['leitung', 'team', 'fachberatung'] as const)('shows the sync status to %s', (role) => {
		render(HeaderStatus, { role });
		expect(screen.getByText('Sync-Status')).toBeInTheDocument();
		expect(screen.getByText('Konto')).toBeInTheDocument();
	});

	it('shows no sync status when nobody is signed in', () => {
		render(HeaderStatus, { role: null });
		expect(screen.queryByText('Sync-Status')).not.toBeInTheDocument();
		expect(screen.getByText('Konto')).toBeInTheDocument();
	});
});
