import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { SyncConflict } from '$lib/domain/sync/conflict';
import ConflictList from './ConflictList.svelte';

const conflict: SyncConflict = {
	id: 'c1',
	facilityId: 'kita-a',
	createdAt: '2026-11-23T08:00:00.000Z',
	updatedAt: '2026-11-23T08:00:00.000Z',
	updatedBy: 'Tom Team',
	deleted: false,
	table: 'criterionStatuses',
	recordId: 'kita-a:1.2',
	field: 'status',
	keptValue: 'erfuellt',
	otherValue: 'in_arbeit',
	otherBy: 'Tom Team',
	otherAt: '2026-11-23T08:00:00.000Z',
	changedFields: [],
	keptBy: '',
	keptAt: null,
	resolved: false,
	resolution: null
};

describe('ConflictList', () => {
	it('shows both values in words and resolves with the Leitung’s choice', async () => {
		const onresolve = vi.fn(async () => {});
		render(ConflictList, {
			conflicts: [{ conflict, record: { criterionId: '1.2' } }],
			canResolve: true,
			onresolve
		});
		expect(screen.getByRole('heading', { name: 'Kriterium 1.2: Status' })).toBeInTheDocument();
		expect(screen.getByText('Erfüllt')).toBeInTheDocument();
		expect(screen.getByText('In Arbeit')).toBeInTheDocument();

		await userEvent.click(screen.getByRole('button', { name: '„In Arbeit“ übernehmen' }));
		expect(onresolve).toHaveBeenCalledWith(conflict, 'other');
	});

	it('shows conflicts without choices to someone who is not the Leitung', () => {
		render(ConflictList, {
			conflicts: [{ conflict, record: undefined }],
			canResolve: false,
			onresolve: vi.fn()
		});
		expect(screen.getByRole('heading', { name: 'Kriterium: Status' })).toBeInTheDocument();
		expect(screen.queryByRole('button')).toBeNull();
	});

	it('says why a resolution failed', async () => {
		const onresolve = vi.fn(async () => {
			throw new Error('Der Eintrag ist auf diesem Gerät nicht (mehr) vorhanden.');
		});
		render(ConflictList, { conflicts: [{ conflict, record: undefined }], canResolve: true, onresolve });
		await userEvent.click(screen.getByRole('button', { name: '„Erfüllt“ behalten' }));
		expect(await screen.findByRole('alert')).toHaveTextContent('nicht (mehr) vorhanden');
	});

	it('describes delete meets edit in words, with what was changed, and offers restore or delete', async () => {
		const onresolve = vi.fn(async () => {});
		const deletion: SyncConflict = {
			...conflict,
			table: 'evidence',
			recordId: 'ev-1',
			field: 'deleted',
			keptValue: false,
			otherValue: true,
			changedFields: ['title']
		};
		render(ConflictList, {
			conflicts: [{ conflict: deletion, record: { title: 'Flyer Elterncafé', deleted: false } }],
			canResolve: true,
			onresolve
		});
		expect(
			screen.getByRole('heading', { name: 'Nachweis „Flyer Elterncafé“: gelöscht und zugleich geändert' })
		).toBeInTheDocument();
		expect(screen.getByText(/Tom Team hat den Eintrag gelöscht/)).toBeInTheDocument();
		expect(screen.getByText('Titel: Flyer Elterncafé')).toBeInTheDocument();
		expect(screen.queryByText(/Ja|Nein|true/)).toBeNull();

		await userEvent.click(screen.getByRole('button', { name: 'Löschen' }));
		expect(onresolve).toHaveBeenLastCalledWith(deletion, 'other');
		await userEvent.click(screen.getByRole('button', { name: 'Wiederherstellen' }));
		expect(onresolve).toHaveBeenLastCalledWith(deletion, 'kept');
	});

	it('restores an edit that met a delete by taking the other side', async () => {
		const onresolve = vi.fn(async () => {});
		const edit: SyncConflict = {
			...conflict,
			table: 'evidence',
			recordId: 'ev-1',
			field: 'deleted',
			keptValue: true,
			otherValue: false,
			changedFields: ['note']
		};
		render(ConflictList, {
			conflicts: [{ conflict: edit, record: { title: 'Flyer', note: 'Aushang im Flur', deleted: true } }],
			canResolve: true,
			onresolve
		});
		expect(screen.getByText(/Tom Team hat den Eintrag geändert/)).toBeInTheDocument();
		expect(screen.getByText('Notiz: Aushang im Flur')).toBeInTheDocument();
		await userEvent.click(screen.getByRole('button', { name: 'Wiederherstellen' }));
		expect(onresolve).toHaveBeenLastCalledWith(edit, 'other');
	});
});

describe('ConflictList on text', () => {
	const noteConflict: SyncConflict = {
		...conflict,
		id: 'c2',
		field: 'note',
		keptValue: 'Flyer hängt aus',
		otherValue: 'Flyer fehlt noch',
		keptBy: 'Anna Leitung',
		keptAt: '2026-11-23T07:30:00.000Z'
	};
	const record = {
		id: 'kita-a:1.2',
		facilityId: 'kita-a',
		createdAt: '2026-11-23T07:00:00.000Z',
		updatedAt: '2026-11-23T07:30:00.000Z',
		updatedBy: 'Anna Leitung',
		deleted: false,
		criterionId: '1.2',
		status: 'in_arbeit',
		note: 'Flyer hängt aus'
	};

	it('says who wrote which text and offers to keep both', async () => {
		const onresolve = vi.fn(async () => {});
		render(ConflictList, { conflicts: [{ conflict: noteConflict, record }], canResolve: true, onresolve });
		expect(screen.getByText(/^Eingegeben von Anna Leitung \(.*\), gilt jetzt$/)).toBeInTheDocument();
		expect(screen.getByText(/^Eingegeben von Tom Team/)).toBeInTheDocument();
		await userEvent.click(screen.getByRole('button', { name: 'Beide behalten' }));
		expect(onresolve).toHaveBeenCalledWith(noteConflict, 'both');
	});

	it('offers „Beide behalten“ for text only', () => {
		render(ConflictList, {
			conflicts: [{ conflict, record: { ...record, status: 'erfuellt' } }],
			canResolve: true,
			onresolve: vi.fn()
		});
		expect(screen.queryByRole('button', { name: 'Beide behalten' })).toBeNull();
	});
});
