import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { switchTo } from '$fixtures/catalogueSwitch';
import { freshWorkspace } from '../../../../tests/fixtures/db/testWorkspace';
import { putRecord } from '$lib/client/db/changes';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import { ensureFacility } from '$lib/client/services/facility';
import type { Evidence } from '$lib/domain/records';
import UnassignedEvidence from './UnassignedEvidence.svelte';

let db: WorkspaceDb;
let evidence: Evidence[];

beforeEach(async () => {
	db = await freshWorkspace();
	const facilityId = (await ensureFacility(switchTo.id, switchTo.version)).id;
	const note = (id: string, title: string, criterionIds: string[]) =>
		putRecord('evidence', { id, facilityId, kind: 'note', title, date: '2026-10-01', criterionIds });
	evidence = [await note('e1', 'Fragebogen Elternbefragung', ['2.2']), await note('e2', 'Aushang', ['1.1'])];
});

describe('UnassignedEvidence', () => {
	it('lists evidence whose criteria the version lacks and assigns it anew', async () => {
		const user = userEvent.setup();
		render(UnassignedEvidence, { catalogue: switchTo, evidence });

		expect(screen.getByText(/1 Nachweis gehört zu keinem Kriterium dieser Katalogversion/)).toBeTruthy();
		expect(screen.queryByText('Aushang')).toBeNull();
		await user.click(screen.getByRole('button', { name: '„Fragebogen Elternbefragung“ neu zuordnen' }));
		const save = screen.getByRole('button', { name: 'Zuordnung speichern' });
		expect((save as HTMLButtonElement).disabled).toBe(true);

		await user.type(screen.getByLabelText('Weitere Kriterien suchen'), 'Beteiligung');
		await user.click(screen.getByRole('checkbox', { name: /2\.3 Beteiligung der Eltern/ }));
		await user.click(save);

		await expect.poll(async () => (await db.evidence.get('e1'))?.criterionIds).toEqual(['2.3']);
	});

	it('shows nothing when every evidence item has a criterion of the version', () => {
		render(UnassignedEvidence, { catalogue: switchTo, evidence: evidence.slice(1) });
		expect(screen.queryByRole('heading')).toBeNull();
	});
});
