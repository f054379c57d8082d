import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { emptyProgress, withFile, withFilesWaiting, type SyncProgress } from '$lib/domain/sync/progress';
import SyncProgressPanel from './SyncProgressPanel.svelte';

const sha = (n: number) => String(n).repeat(64);

function twoFiles(): SyncProgress {
	return withFilesWaiting(emptyProgress(2), 'upload', [
		{ sha256: sha(1), name: 'Vereinbarung.pdf', size: 5_000_000 },
		{ sha256: sha(2), name: 'Aushang.jpg', size: 800_000 }
	]);
}

function renderPanel(progress: SyncProgress | null, syncing: boolean) {
	const onretry = vi.fn();
	const ondismiss = vi.fn();
	render(SyncProgressPanel, { progress, syncing, onretry, ondismiss });
	return { onretry, ondismiss };
}

describe('SyncProgressPanel', () => {
	it('shows changes and files with numbers and each file’s state while syncing', () => {
		const progress = withFile(twoFiles(), 'upload', sha(1), {
			state: 'transferring',
			transferred: 3_100_000
		});
		renderPanel({ ...progress, changes: { done: 1, total: 2 } }, true);
		const panel = screen.getByRole('region', { name: 'Fortschritt der Synchronisierung' });
		expect(panel).toHaveTextContent('Änderungen: 1 von 2 gesendet');
		expect(panel).toHaveTextContent('Hochladen: Datei 1 von 2 – 3,1 MB von 5,8 MB');
		expect(screen.getByRole('progressbar', { name: 'Vereinbarung.pdf: wird übertragen 62 %' })).toHaveValue(
			3_100_000
		);
		expect(screen.getByText('wartet', { exact: true })).toBeVisible();
		expect(screen.queryByRole('button', { name: /Erneut versuchen/ })).toBeNull();
	});

	it('after the sync lists only failed files, each with its reason and a retry', async () => {
		let progress = withFile(twoFiles(), 'upload', sha(2), { state: 'done' });
		progress = withFile(progress, 'upload', sha(1), {
			state: 'failed',
			reason: 'Der Server antwortet nicht.',
			retryable: true
		});
		const { onretry, ondismiss } = renderPanel(progress, false);
		expect(screen.getByText('Fehler: Der Server antwortet nicht.', { exact: true })).toBeVisible();
		expect(screen.queryByText('Aushang.jpg', { exact: false })).toBeNull();
		await userEvent.click(screen.getByRole('button', { name: 'Erneut versuchen: Vereinbarung.pdf' }));
		expect(onretry).toHaveBeenCalledOnce();
		await userEvent.click(screen.getByRole('button', { name: 'Ausblenden' }));
		expect(ondismiss).toHaveBeenCalledOnce();
	});

	it('offers no retry for a file the server refused for good', () => {
		const progress = withFile(twoFiles(), 'upload', sha(1), {
			state: 'failed',
			reason: 'Nur PDF-Dateien und Bilder.',
			retryable: false
		});
		renderPanel(progress, false);
		expect(screen.getByText('Fehler: Nur PDF-Dateien und Bilder.', { exact: true })).toBeVisible();
		expect(screen.queryByRole('button', { name: /Erneut versuchen/ })).toBeNull();
	});

	it('shows nothing when a sync has nothing to count or ended without failures', () => {
		renderPanel(emptyProgress(), true);
		expect(screen.queryByRole('region')).toBeNull();
	});
});
