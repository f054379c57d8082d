import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { switchFrom, switchTo } from '$fixtures/catalogueSwitch';
import { freshWorkspace } from '../../../../tests/fixtures/db/testWorkspace';
import { putRecord } from '$lib/client/db/changes';
import { readStatuses } from '$lib/client/db/queries';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import { saveImportedCatalogue } from '$lib/client/services/catalogue';
import { writeServerCatalogueKey } from '$lib/client/services/catalogueServerVersion';
import { ensureFacility } from '$lib/client/services/facility';
import CatalogueSwitch from './CatalogueSwitch.svelte';

let db: WorkspaceDb;
let facilityId: string;

beforeEach(async () => {
	db = await freshWorkspace();
	facilityId = (await ensureFacility(switchFrom.id, switchFrom.version)).id;
	await saveImportedCatalogue(db, switchFrom);
	await saveImportedCatalogue(db, switchTo);
	await putRecord('criterionStatuses', {
		id: `${facilityId}:1.2`,
		facilityId,
		criterionId: '1.2',
		status: 'erfuellt'
	});
});

function renderSwitch(canSwitch: boolean) {
	const facility = { id: facilityId, catalogueId: switchFrom.id, catalogueVersion: switchFrom.version };
	render(CatalogueSwitch, { facility, currentTitle: switchFrom.title, canSwitch });
}

describe('CatalogueSwitch', () => {
	it('previews a version and takes it over after a confirmation', async () => {
		const user = userEvent.setup();
		renderSwitch(true);

		await user.click(
			await screen.findByRole('radio', { name: /^Testkatalog Familienzentrum, Version 2027\.1\s/ })
		);
		expect(await screen.findByText('1 Kriterium umbenannt')).toBeTruthy();
		expect(screen.getByText('1 Status wird auf die neue Nummer übertragen')).toBeTruthy();

		await user.click(screen.getByRole('button', { name: 'Version übernehmen' }));
		expect(screen.getByRole('alert').textContent).toContain('Wirklich zu Version 2027.1 wechseln?');
		await user.click(screen.getByRole('button', { name: 'Ja, Version übernehmen' }));

		expect((await screen.findByRole('status')).textContent).toContain('Die Version 2027.1');
		expect((await db.facilities.get(facilityId))?.catalogueVersion).toBe('2027.1');
		expect((await readStatuses(facilityId)).get('1.5')?.status).toBe('erfuellt');
	});

	it('lets a team member see the preview but not take the version over', async () => {
		const user = userEvent.setup();
		renderSwitch(false);

		await user.click(
			await screen.findByRole('radio', { name: /^Testkatalog Familienzentrum, Version 2027\.1\s/ })
		);
		await screen.findByText('1 Kriterium umbenannt');
		expect(screen.getByText('Nur die Leitung kann die Katalogversion wechseln.')).toBeTruthy();
		expect(screen.queryByRole('button', { name: 'Version übernehmen' })).toBeNull();
	});

	it('cancels without changing anything', async () => {
		const user = userEvent.setup();
		renderSwitch(true);
		await user.click(
			await screen.findByRole('radio', { name: /^Testkatalog Familienzentrum, Version 2027\.1\s/ })
		);
		await screen.findByText('1 Kriterium umbenannt');
		await user.click(screen.getByRole('button', { name: 'Version übernehmen' }));
		await user.click(screen.getByRole('button', { name: 'Abbrechen' }));
		await waitFor(() => expect(screen.getByRole('button', { name: 'Version übernehmen' })).toBeTruthy());
		expect((await db.facilities.get(facilityId))?.catalogueVersion).toBe('2026.1');
	});

	it('opens with the preview of the version the server has put in force', async () => {
		await writeServerCatalogueKey({ catalogueId: switchTo.id, version: '2027.1' });
		renderSwitch(true);
		expect(await screen.findByText('1 Kriterium umbenannt')).toBeTruthy();
		const radio = screen.getByRole('radio', { name: /^Testkatalog Familienzentrum, Version 2027\.1\s/ });
		expect((radio as HTMLInputElement).checked).toBe(true);
		expect(radio.closest('label')?.textContent).toContain('vom Träger in Kraft gesetzt');
	});
});
