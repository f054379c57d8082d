import { render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshWorkspace } from '../../../../tests/fixtures/db/testWorkspace';
import { applyServerChanges } from '$lib/client/sync/applyServerChanges';
import type { SyncConflict } from '$lib/domain/sync/conflict';
import ConflictMarkers from './ConflictMarkers.svelte';

const T0 = '2026-11-23T08:00:00.000Z';
const base = { facilityId: 'kita-a', createdAt: T0, updatedAt: T0, updatedBy: 'Server', deleted: false };

function conflictOn(field: string, id: string, extra: Partial<SyncConflict> = {}): SyncConflict {
	return {
		...base,
		id,
		table: 'criterionStatuses',
		recordId: 'kita-a:1.1',
		field,
		keptValue: 'Flyer hängt aus',
		otherValue: 'Flyer fehlt noch',
		otherBy: 'Tom Team',
		otherAt: T0,
		keptBy: 'Anna Leitung',
		keptAt: T0,
		changedFields: [],
		resolved: false,
		resolution: null,
		...extra
	};
}

async function store(conflicts: SyncConflict[]) {
	const db = await freshWorkspace();
	await applyServerChanges(db, {
		records: conflicts.map((record, i) => ({
			table: 'syncConflicts',
			recordId: record.id,
			facilityId: 'kita-a',
			revision: i + 1,
			deleted: false,
			record
		})),
		facilityIds: ['kita-a'],
		cursor: conflicts.length,
		hasMore: false
	});
}

describe('ConflictMarkers', () => {
	beforeEach(async () => {
		await store([
			conflictOn('note', 'c-note'),
			conflictOn('status', 'c-status', { keptValue: 'erfuellt', otherValue: 'in_arbeit' }),
			conflictOn('note', 'c-done', { recordId: 'kita-a:1.2', resolved: true, resolution: 'kept' })
		]);
	});

	it('marks a field changed on two devices, names both authors and links to the choice', async () => {
		render(ConflictMarkers, { table: 'criterionStatuses', recordId: 'kita-a:1.1', fields: ['note'] });
		const marker = await screen.findByRole('note');
		expect(marker).toHaveTextContent('„Notiz“ wurde auf zwei Geräten geändert');
		expect(marker).toHaveTextContent('(von Anna Leitung)');
		expect(marker).toHaveTextContent('Tom Team hat „Flyer fehlt noch“ eingegeben');
		expect(screen.getByRole('link', { name: 'Zur Auswahl' })).toHaveAttribute(
			'href',
			'/konflikte#konflikt-c-note'
		);
	});

	it('shows the other fields where `except` leaves them, and nothing for resolved conflicts', async () => {
		render(ConflictMarkers, { recordId: 'kita-a:1.1', except: ['note'] });
		expect(await screen.findByRole('note')).toHaveTextContent('„Status“ wurde auf zwei Geräten geändert');
		render(ConflictMarkers, { recordId: 'kita-a:1.2' });
		expect(screen.getAllByRole('note')).toHaveLength(1);
	});
});
