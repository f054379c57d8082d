import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '$lib/client/db';
import { setActor } from '$lib/client/db/meta';
import { criterionStatusId } from '$lib/domain/records';
import { evaluateCriterionRequirement } from '$lib/domain/requirements';
import { makeCriterion } from '$lib/domain/requirements/testFactories';
import CriterionDetail from './CriterionDetail.svelte';
import { testCatalogue } from './testFixtures';

const FACILITY = 'fz-items';

beforeAll(async () => {
	await setActor({ displayName: 'Leitung Anna' });
});

describe('sub-items with the real services and IndexedDB', () => {
	it('stores a sub-item status like a criterion status, with an outbox entry so it syncs', async () => {
		const criterion = makeCriterion({
			id: '1.3',
			areaId: 'L1',
			items: [
				{ id: '1.3.1', title: 'Übersicht ausgehängt' },
				{ id: '1.3.2', title: 'Wegweiser als Faltblatt' }
			],
			requires: { oder: ['1.3.1', '1.3.2'] }
		});
		render(CriterionDetail, {
			criterion,
			catalogue: testCatalogue,
			status: undefined,
			evidence: [],
			facilityId: FACILITY,
			today: '2027-03-01',
			requirement: evaluateCriterionRequirement(criterion, { statuses: new Map() })
		});
		expect(screen.getByText('Erfüllt, wenn:').parentElement).toHaveTextContent(
			'1.3.1 ○ (offen) ODER 1.3.2 ○ (offen)'
		);

		const item = screen.getByRole('checkbox', { name: /^1\.3\.2 / });
		await userEvent.click(item);
		expect(await screen.findByText('Als erfüllt gespeichert')).toBeInTheDocument();
		expect(item).toBeChecked();

		await vi.waitFor(async () => {
			const record = await db.criterionStatuses.get(criterionStatusId(FACILITY, '1.3.2'));
			expect(record).toMatchObject({ criterionId: '1.3.2', status: 'erfuellt', updatedBy: 'Leitung Anna' });
		});
		const outbox = await db.outbox.toArray();
		expect(
			outbox.some(
				(o) => o.table === 'criterionStatuses' && o.recordId === criterionStatusId(FACILITY, '1.3.2')
			)
		).toBe(true);
		// The criterion's own status is untouched: the item is a record of its own.
		expect(await db.criterionStatuses.get(criterionStatusId(FACILITY, '1.3'))).toBeUndefined();
	});
});
