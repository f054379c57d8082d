import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ImportResult } from '$lib/client/services/backup';
import BackupPanel from './BackupPanel.svelte';

function setup(result: ImportResult) {
	const onimport = vi.fn(async () => result);
	const onexport = vi.fn(async () => undefined);
	render(BackupPanel, { onimport, onexport });
	return { onimport, onexport, user: userEvent.setup() };
}

const zip = () => new File([new Uint8Array([80, 75, 3, 4])], 'sicherung.zip', { type: 'application/zip' });

describe('BackupPanel', () => {
	it('downloads a backup from „Sicherung herunterladen“', async () => {
		const { onexport, user } = setup({ ok: true, counts: {}, skipped: 0 });
		await user.click(screen.getByRole('button', { name: 'Sicherung herunterladen' }));
		expect(onexport).toHaveBeenCalledTimes(1);
	});

	it('asks before reading a backup in and does nothing when cancelled', async () => {
		const { onimport, user } = setup({ ok: true, counts: {}, skipped: 0 });
		await user.upload(screen.getByLabelText('Sicherungsdatei (ZIP) auswählen'), zip());
		expect(screen.getByText(/„sicherung.zip“ einlesen\?/)).toBeInTheDocument();
		await user.click(screen.getByRole('button', { name: 'Abbrechen' }));
		expect(onimport).not.toHaveBeenCalled();
		expect(screen.queryByText(/einlesen\?/)).not.toBeInTheDocument();
	});

	it('lists every validation error in German when the file is refused', async () => {
		const { onimport, user } = setup({
			ok: false,
			errors: ['manifest.json ist unvollständig oder beschädigt.', 'tables/evidence.json fehlt.']
		});
		await user.upload(screen.getByLabelText('Sicherungsdatei (ZIP) auswählen'), zip());
		await user.click(screen.getByRole('button', { name: 'Ja, Sicherung einlesen' }));
		expect(onimport).toHaveBeenCalledWith(
			expect.objectContaining({ name: 'sicherung.zip' }),
			expect.any(AbortSignal),
			expect.any(Function)
		);
		const alert = await screen.findByRole('alert');
		expect(alert).toHaveTextContent('Es wurde nichts geändert.');
		expect(alert).toHaveTextContent('manifest.json ist unvollständig oder beschädigt.');
		expect(alert).toHaveTextContent('tables/evidence.json fehlt.');
	});

	it('confirms a successful import with the number of entries taken over', async () => {
		const { user } = setup({ ok: true, counts: { evidence: 3, facilities: 1 }, skipped: 2 });
		await user.upload(screen.getByLabelText('Sicherungsdatei (ZIP) auswählen'), zip());
		await user.click(screen.getByRole('button', { name: 'Ja, Sicherung einlesen' }));
		expect(await screen.findByText('Die Sicherung wurde eingelesen.')).toBeInTheDocument();
		expect(
			screen.getByText(/4 Einträge übernommen, 2 waren auf diesem Gerät schon aktuell/)
		).toBeInTheDocument();
	});
});

describe('BackupPanel while exporting', () => {
	it('shows files and bytes n of m and cancels without a file', async () => {
		const onexport = vi.fn(
			(
				signal: AbortSignal,
				onProgress: (p: {
					filesDone: number;
					filesTotal: number;
					bytesDone: number;
					bytesTotal: number;
				}) => void
			) =>
				new Promise<void>((_resolve, reject) => {
					onProgress({ filesDone: 1, filesTotal: 4, bytesDone: 1_200_000, bytesTotal: 5_000_000 });
					signal.addEventListener('abort', () => reject(new DOMException('abgebrochen', 'AbortError')));
				})
		);
		render(BackupPanel, { onimport: vi.fn(), onexport });
		const user = userEvent.setup();
		await user.click(screen.getByRole('button', { name: 'Sicherung herunterladen' }));
		expect(await screen.findByText('Datei 2 von 4 – 1,2 MB von 5,0 MB', { exact: true })).toBeVisible();
		expect(
			screen.getByRole('progressbar', { name: 'Sicherung: Datei 2 von 4 – 1,2 MB von 5,0 MB' })
		).toHaveValue(24);
		await user.click(screen.getByRole('button', { name: 'Sicherung abbrechen' }));
		expect(await screen.findByRole('status')).toHaveTextContent(
			'Die Sicherung wurde abgebrochen. Es wurde keine Datei gespeichert.'
		);
		expect(screen.queryByRole('progressbar')).toBeNull();
		expect(screen.getByRole('button', { name: 'Sicherung herunterladen' })).toBeEnabled();
	});
});

describe('BackupPanel while importing', () => {
	it('shows the bytes read and cancels, saying nothing was changed', async () => {
		const onimport = vi.fn(
			(_file: File, signal: AbortSignal, onProgress: (done: number, total: number) => void) =>
				new Promise<ImportResult>((_resolve, reject) => {
					onProgress(1_200_000, 5_000_000);
					signal.addEventListener('abort', () => reject(new DOMException('abgebrochen', 'AbortError')));
				})
		);
		render(BackupPanel, { onimport, onexport: vi.fn() });
		const user = userEvent.setup();
		await user.upload(screen.getByLabelText('Sicherungsdatei (ZIP) auswählen'), zip());
		await user.click(screen.getByRole('button', { name: 'Ja, Sicherung einlesen' }));
		expect(await screen.findByText('Gelesen: 1,2 MB von 5,0 MB', { exact: true })).toBeVisible();
		await user.click(screen.getByRole('button', { name: 'Einlesen abbrechen' }));
		expect(await screen.findByRole('status')).toHaveTextContent(
			'Das Einlesen wurde abgebrochen. Es wurde nichts geändert.'
		);
		expect(screen.queryByRole('progressbar')).toBeNull();
	});
});
