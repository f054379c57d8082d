import { render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { freshWorkspace } from '../../../../tests/fixtures/db/testWorkspace';
import { updateRecord } from '$lib/client/db/changes';
import { writeServerCatalogueKey } from '$lib/client/services/catalogueServerVersion';
import { workspace } from '$lib/client/state/workspace.svelte';
import CatalogueVersionNotice from './CatalogueVersionNotice.svelte';

afterEach(() => workspace.dispose());

describe('CatalogueVersionNotice', () => {
	it('shows while the server’s version is not taken over, and goes once it is', async () => {
		await freshWorkspace();
		await workspace.init();
		render(CatalogueVersionNotice);
		await expect.poll(() => workspace.facility).toBeDefined();
		expect(screen.queryByRole('link')).toBeNull();

		await writeServerCatalogueKey({ catalogueId: 'familienzentrum-nrw', version: '2099.1' });
		const link = await screen.findByRole('link', {
			name: /Neue Katalogversion verfügbar – Änderungen ansehen/
		});
		expect(link.getAttribute('href')).toBe('/einstellungen/katalog#katalogversion-wechseln');

		await updateRecord('facilities', workspace.facility!.id, {
			catalogueId: 'familienzentrum-nrw',
			catalogueVersion: '2099.1'
		});
		await expect.poll(() => screen.queryByRole('link')).toBeNull();
	});
});
