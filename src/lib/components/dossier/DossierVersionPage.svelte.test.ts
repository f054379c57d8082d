import { render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { freshWorkspace } from '../../../../tests/fixtures/db/testWorkspace';
import { fetchDossier } from '$lib/client/api/dossiers';
import { builtInCatalogue } from '$lib/client/services/catalogue';
import { findLocalVersion, keepServerVersion } from '$lib/client/services/dossier/localVersions';
import DossierVersionPage from './DossierVersionPage.svelte';
import { snapshot, summary } from './testing/dossierFixture';

vi.mock('$lib/client/api/dossiers', () => ({ fetchDossier: vi.fn() }));

const dossier = { ...summary, snapshot };
const back = { href: '/mappe', label: 'Mappe abgeben' };
const offline = { ok: false as const, error: { status: 0, code: 'offline', message: 'Keine Verbindung.' } };

beforeEach(async () => {
	await freshWorkspace();
	vi.mocked(fetchDossier).mockReset();
});

describe('the dossier page', () => {
	it('shows the server’s copy online and keeps it on the device', async () => {
		vi.mocked(fetchDossier).mockResolvedValue({ ok: true, data: { dossier, catalogue: builtInCatalogue } });
		render(DossierVersionPage, { dossierId: 'd-1', back });

		await screen.findByRole('heading', { level: 1, name: 'Mappe Kalenderjahr 2026 – Version 2' });
		expect(screen.queryByText('Ohne Verbindung')).toBeNull();
		await vi.waitFor(async () => expect((await findLocalVersion('d-1', []))?.origin.kind).toBe('kept'));
	});

	it('shows the kept copy offline, with a note', async () => {
		await keepServerVersion(dossier, builtInCatalogue);
		vi.mocked(fetchDossier).mockResolvedValue(offline);
		render(DossierVersionPage, { dossierId: 'd-1', back });

		await screen.findByRole('heading', { level: 1, name: 'Mappe Kalenderjahr 2026 – Version 2' });
		expect(screen.getByText('Ohne Verbindung')).toBeInTheDocument();
		expect(screen.getByText(/auf diesem Gerät gespeicherte Fassung/)).toBeInTheDocument();
	});

	it('says so when neither the server nor the device has the version', async () => {
		vi.mocked(fetchDossier).mockResolvedValue(offline);
		render(DossierVersionPage, { dossierId: 'd-9', back });

		expect(await screen.findByRole('alert')).toHaveTextContent(
			'Ohne Verbindung lässt sich die Mappe nicht laden, und auf diesem Gerät ist keine Fassung gespeichert.'
		);
	});

	it('drops the kept copy when the server no longer lets this user read the version', async () => {
		await keepServerVersion(dossier, builtInCatalogue);
		vi.mocked(fetchDossier).mockResolvedValue({
			ok: false,
			error: { status: 404, code: 'not_found', message: 'Diese Mappe gibt es nicht.' }
		});
		render(DossierVersionPage, { dossierId: 'd-1', back });

		expect(await screen.findByRole('alert')).toHaveTextContent('Diese Mappe gibt es nicht.');
		expect(await findLocalVersion('d-1', [])).toBeNull();
	});
});
