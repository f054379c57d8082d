import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
	fakeActions,
	makeEvidence,
	stubObjectUrls,
	testCatalogue
} from '$lib/components/criterion/testFixtures';
import type { Evidence } from '$lib/domain/records';
import EvidenceList from './EvidenceList.svelte';

const TODAY = '2026-11-21';
let urls: ReturnType<typeof stubObjectUrls>;

beforeEach(() => {
	urls = stubObjectUrls();
});

function renderList(items: Evidence[], actions = fakeActions()) {
	const onupdate = vi.fn(async () => {});
	const ondelete = vi.fn(async () => {});
	const onattach = vi.fn(async (_id: string, _file: unknown): Promise<string | null> => null);
	const result = render(EvidenceList, {
		items,
		catalogue: testCatalogue,
		criterionId: '1.1',
		today: TODAY,
		getAttachment: actions.getAttachment,
		prepareFile: actions.prepareFile,
		onupdate,
		ondelete,
		onattach
	});
	return { ...result, onupdate, ondelete, onattach, actions };
}

const photoRef = { sha256: 'b'.repeat(64), mimeType: 'image/jpeg', size: 1_288_490, fileName: 'aushang.jpg' };

describe('EvidenceList', () => {
	it('shows each item with its kind and date, newest first', () => {
		renderList([
			makeEvidence({ title: 'Alter Flyer', date: '2025-09-01' }),
			makeEvidence({ title: 'Kooperationsvertrag', kind: 'file', date: '2026-03-12' })
		]);
		const items = screen.getAllByRole('article');
		expect(items.map((i) => within(i).getByRole('heading').textContent)).toEqual([
			'Kooperationsvertrag',
			'Alter Flyer'
		]);
		expect(within(items[0]).getByText('Datei')).toBeInTheDocument();
		expect(within(items[0]).getByText('vom 12.03.2026')).toBeInTheDocument();
		expect(within(items[1]).getByText('Notiz')).toBeInTheDocument();
	});

	it('marks evidence that expires soon and evidence that has expired', () => {
		renderList([
			makeEvidence({ title: 'Vereinbarung bald', validUntil: '2026-12-14' }),
			makeEvidence({ title: 'Vereinbarung alt', validUntil: '2026-11-18' }),
			makeEvidence({ title: 'Vereinbarung lange gültig', validUntil: '2028-07-31' })
		]);
		const soon = screen.getByRole('article', { name: 'Vereinbarung bald' });
		expect(within(soon).getByText(/Gültig bis 14\.12\.2026/)).toBeInTheDocument();
		expect(within(soon).getByText(/läuft bald ab \(noch 23 Tage\)/)).toBeInTheDocument();

		const expired = screen.getByRole('article', { name: 'Vereinbarung alt' });
		expect(within(expired).getByText(/abgelaufen \(seit 3 Tagen\)/)).toBeInTheDocument();

		const fine = screen.getByRole('article', { name: 'Vereinbarung lange gültig' });
		expect(within(fine).getByText(/Gültig bis 31\.07\.2028/)).toBeInTheDocument();
		expect(within(fine).queryByText(/läuft bald ab|abgelaufen/)).not.toBeInTheDocument();
	});

	it('shows a photo as a thumbnail with its size, offers to open and download it, and frees the URL', async () => {
		const { unmount } = renderList([makeEvidence({ title: 'Aushang', kind: 'photo', attachment: photoRef })]);
		const item = screen.getByRole('article', { name: 'Aushang' });
		const image = await within(item).findByRole('img', { name: 'Foto: Aushang' });
		expect(image).toHaveAttribute('src', 'blob:test/1');
		expect(within(item).getByText('1,2 MB')).toBeInTheDocument();
		expect(within(item).getByRole('link', { name: 'Öffnen: Aushang' })).toHaveAttribute(
			'href',
			'blob:test/1'
		);
		expect(within(item).getByRole('link', { name: 'Herunterladen: Aushang' })).toHaveAttribute(
			'download',
			'aushang.jpg'
		);
		unmount();
		expect(urls.revoked).toHaveBeenCalledWith('blob:test/1');
	});

	it('says so on the item when its file is not stored on this device', async () => {
		const actions = fakeActions({ getAttachment: vi.fn(async () => undefined) });
		renderList([makeEvidence({ title: 'Aushang', kind: 'photo', attachment: photoRef })], actions);
		const item = screen.getByRole('article', { name: 'Aushang' });
		expect(await within(item).findByRole('alert')).toHaveTextContent(
			'Die Datei dieses Nachweises ist nicht gespeichert.'
		);
		expect(within(item).queryByRole('link', { name: /Öffnen/ })).not.toBeInTheDocument();
	});

	it('lets the user add the missing file again and then shows it', async () => {
		const user = userEvent.setup();
		const stored = new Blob(['jpeg'], { type: 'image/jpeg' });
		const getAttachment = vi.fn(async (): Promise<Blob | undefined> => undefined);
		const { onattach } = renderList(
			[makeEvidence({ id: 'ev-lost', title: 'Aushang', kind: 'photo', attachment: photoRef })],
			fakeActions({ getAttachment })
		);
		const item = screen.getByRole('article', { name: 'Aushang' });
		await within(item).findByRole('alert');
		getAttachment.mockResolvedValue(stored);
		const again = new File(['jpeg'], 'aushang.jpg', { type: 'image/jpeg' });
		await user.upload(within(item).getByLabelText('Foto erneut hinzufügen'), again);
		expect(onattach).toHaveBeenCalledWith('ev-lost', expect.objectContaining({ fileName: 'aushang.jpg' }));
		expect(await within(item).findByRole('img', { name: 'Foto: Aushang' })).toBeInTheDocument();
		expect(within(item).queryByRole('alert')).not.toBeInTheDocument();
	});

	it('says why when adding the file again fails too', async () => {
		const user = userEvent.setup();
		const { onattach } = renderList(
			[makeEvidence({ id: 'ev-lost', title: 'Aushang', kind: 'photo', attachment: photoRef })],
			fakeActions({ getAttachment: vi.fn(async () => undefined) })
		);
		onattach.mockResolvedValueOnce('Foto konnte nicht gespeichert werden: Speicher voll.');
		const item = screen.getByRole('article', { name: 'Aushang' });
		await within(item).findByRole('alert');
		await user.upload(
			within(item).getByLabelText('Foto erneut hinzufügen'),
			new File(['jpeg'], 'aushang.jpg', { type: 'image/jpeg' })
		);
		expect(
			await within(item).findByText('Foto konnte nicht gespeichert werden: Speicher voll.')
		).toBeInTheDocument();
	});

	it('shows a link as a link', () => {
		renderList([
			makeEvidence({ title: 'Webseite', kind: 'link', url: 'https://fz-sonnenblume.example/angebote' })
		]);
		expect(screen.getByRole('link', { name: 'https://fz-sonnenblume.example/angebote' })).toHaveAttribute(
			'href',
			'https://fz-sonnenblume.example/angebote'
		);
	});

	it('never turns an address that is not a web address into a link', () => {
		renderList([makeEvidence({ title: 'Seltsam', kind: 'link', url: 'javascript:alert(1)' })]);
		expect(screen.getByText('javascript:alert(1)')).toBeInTheDocument();
		expect(screen.queryByRole('link', { name: 'javascript:alert(1)' })).not.toBeInTheDocument();
	});

	it('names the other criteria an item is linked to', () => {
		renderList([makeEvidence({ title: 'Flyer', criterionIds: ['1.1', '3.1'] })]);
		expect(screen.getByText('Auch zugeordnet: 3.1')).toBeInTheDocument();
	});

	it('deletes an item only after the user confirms', async () => {
		const user = userEvent.setup();
		const { ondelete } = renderList([makeEvidence({ id: 'ev-del', title: 'Alter Flyer' })]);
		await user.click(screen.getByRole('button', { name: 'Löschen: Alter Flyer' }));
		expect(ondelete).not.toHaveBeenCalled();
		expect(screen.getByText('Nachweis „Alter Flyer“ wirklich löschen?')).toBeInTheDocument();
		await user.click(screen.getByRole('button', { name: 'Abbrechen' }));
		expect(ondelete).not.toHaveBeenCalled();

		await user.click(screen.getByRole('button', { name: 'Löschen: Alter Flyer' }));
		await user.click(screen.getByRole('button', { name: 'Ja, löschen' }));
		expect(ondelete).toHaveBeenCalledWith('ev-del');
	});

	it('edits an item in place and saves only the changed text fields', async () => {
		const user = userEvent.setup();
		const { onupdate } = renderList([
			makeEvidence({ id: 'ev-edit', title: 'Flyer', date: '2026-09-01', note: 'alt' })
		]);
		await user.click(screen.getByRole('button', { name: 'Bearbeiten: Flyer' }));
		const title = screen.getByLabelText('Titel');
		expect(title).toHaveValue('Flyer');
		await user.clear(title);
		await user.type(title, 'Flyer Elterncafé');
		await user.click(screen.getByRole('button', { name: 'Änderungen speichern' }));
		await vi.waitFor(() => expect(onupdate).toHaveBeenCalled(), { timeout: 15_000 });
		expect(onupdate).toHaveBeenCalledWith('ev-edit', {
			title: 'Flyer Elterncafé',
			date: '2026-09-01',
			validUntil: null,
			url: '',
			note: 'alt',
			criterionIds: ['1.1']
		});
		await waitFor(() => expect(screen.queryByLabelText('Titel')).not.toBeInTheDocument());
	});

	it('invites to add evidence when there is none', () => {
		renderList([]);
		expect(screen.getByText('Noch keine Nachweise für dieses Kriterium.')).toBeInTheDocument();
	});
});
