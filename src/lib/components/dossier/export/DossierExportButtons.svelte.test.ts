import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makeDeviceReport, saveFile } from '$lib/client/services/dossier/deviceExport';
import { startZipExport, type ZipExportOptions } from '$lib/client/services/dossierExport/zipExport';
import { exportSource } from '$lib/domain/dossierExport/testing/exportFixture';
import type { ExportFile } from '$lib/domain/dossierExport/exportPlan';
import DossierExportButtons from './DossierExportButtons.svelte';

vi.mock('$lib/client/services/dossier/deviceExport', async (importOriginal) => ({
	...(await importOriginal<typeof import('$lib/client/services/dossier/deviceExport')>()),
	makeDeviceReport: vi.fn(async () => new Blob(['%PDF-'], { type: 'application/pdf' })),
	saveFile: vi.fn(() => 'blob:saved')
}));
vi.mock('$lib/client/services/dossierExport/zipExport', () => ({ startZipExport: vi.fn() }));

const source = exportSource([
	{
		id: 'ev-1',
		title: 'Vertrag',
		fileName: 'vertrag.pdf',
		mimeType: 'application/pdf',
		bytes: new Uint8Array([1]),
		sha256: 'a'.repeat(64),
		criterionIds: ['B2']
	}
]);
const device = { mode: 'device' as const, source, submittedBy: 'Lea Leitung', receivedAt: null };

beforeEach(() => {
	vi.mocked(saveFile).mockClear();
	vi.mocked(makeDeviceReport).mockClear();
	vi.mocked(startZipExport).mockReset();
});

describe('the export buttons on the device', () => {
	it('save the report under the version’s name, with photos when asked', async () => {
		const user = userEvent.setup();
		render(DossierExportButtons, device);
		await user.click(screen.getByRole('checkbox', { name: 'Fotos als Vorschaubilder im Bericht' }));
		await user.click(screen.getByRole('button', { name: 'Als PDF herunterladen' }));

		await screen.findByText('Bericht gespeichert');
		expect(vi.mocked(makeDeviceReport).mock.calls[0][0]).toMatchObject({ withPhotos: true });
		expect(vi.mocked(saveFile).mock.calls[0][1]).toMatch(/ Bericht\.pdf$/);
	});

	it('show the ZIP’s progress, and say which files are missing and what to do', async () => {
		const user = userEvent.setup();
		let finish: (value: Awaited<ReturnType<typeof startZipExport>>) => void = () => undefined;
		vi.mocked(startZipExport).mockImplementation((options: ZipExportOptions) => {
			options.onProgress?.({
				phase: 'files',
				filesDone: 1,
				filesTotal: 3,
				bytesDone: 2_500_000,
				bytesTotal: 10_000_000
			});
			return new Promise((resolve) => (finish = resolve));
		});
		render(DossierExportButtons, device);
		await user.click(screen.getByRole('button', { name: 'Export für die Zertifizierungsstelle (ZIP)' }));

		expect(await screen.findByLabelText('Datei 2 von 3, 2,5 MB von 10,0 MB')).toHaveAttribute(
			'value',
			'2500000'
		);
		const missing = { path: 'a/b/1.1_01_Vertrag.pdf', criterionId: '1.1', title: 'Vertrag' } as ExportFile;
		finish({ blob: new Blob(['zip']), fileName: 'Mappe X V2.zip', missing: [missing] });

		await screen.findByText('Export gespeichert');
		expect(screen.getByText(/„Mappe X V2\.zip“ liegt im Download-Ordner/)).toBeInTheDocument();
		expect(screen.getByText('1 Datei fehlt')).toBeInTheDocument();
		expect(screen.getByText(/Kriterium 1\.1: „Vertrag“/)).toBeInTheDocument();
		expect(screen.getByText(/Was tun:/)).toBeInTheDocument();
	});

	it('cancel a ZIP: nothing is saved and a note says so', async () => {
		const user = userEvent.setup();
		vi.mocked(startZipExport).mockImplementation(
			(options: ZipExportOptions) =>
				new Promise((_, reject) =>
					options.signal?.addEventListener('abort', () =>
						reject(new DOMException('Abgebrochen', 'AbortError'))
					)
				)
		);
		render(DossierExportButtons, device);
		await user.click(screen.getByRole('button', { name: 'Export für die Zertifizierungsstelle (ZIP)' }));
		await user.click(await screen.findByRole('button', { name: 'Abbrechen' }));

		await screen.findByText('Export abgebrochen');
		expect(saveFile).not.toHaveBeenCalled();
		expect(screen.getByRole('button', { name: 'Als PDF herunterladen' })).toBeEnabled();
	});
});

describe('a failed export', () => {
	it('says in German what went wrong and what to try', async () => {
		const user = userEvent.setup();
		vi.mocked(makeDeviceReport).mockRejectedValueOnce(
			new Error('Der PDF-Bericht konnte nicht erstellt werden.')
		);
		render(DossierExportButtons, device);
		await user.click(screen.getByRole('button', { name: 'Als PDF herunterladen' }));

		const alert = await screen.findByRole('alert');
		expect(alert).toHaveTextContent('Die Datei konnte nicht erstellt werden');
		expect(alert).toHaveTextContent('Der PDF-Bericht konnte nicht erstellt werden.');
		expect(alert).toHaveTextContent('Bitte erneut versuchen.');
		expect(saveFile).not.toHaveBeenCalled();
	});
});

describe('the export links for the advisor', () => {
	it('link the server’s report and ZIP of the version', () => {
		render(DossierExportButtons, { mode: 'server', dossierId: 'd 1' });
		expect(screen.getByRole('link', { name: 'Als PDF herunterladen' })).toHaveAttribute(
			'href',
			'/api/dossiers/d%201/report.pdf'
		);
		expect(screen.getByRole('link', { name: 'Export für die Zertifizierungsstelle (ZIP)' })).toHaveAttribute(
			'href',
			'/api/dossiers/d%201/export.zip'
		);
	});
});
