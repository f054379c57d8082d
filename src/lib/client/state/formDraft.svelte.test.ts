import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { db } from '$lib/client/db';
import { readDraft, writeDraft } from '$lib/client/db/drafts';
import FormDraftHarness from '$lib/client/state/FormDraftHarness.svelte';
import { flushDrafts, storedDraftKeys } from '$lib/client/state/formDraft.svelte';

const stored = (key: string) => readDraft(db.name, key);

describe('FormDraft', () => {
	it('keeps what is typed and brings it back, announced, when the form opens again', async () => {
		const user = userEvent.setup();
		const first = render(FormDraftHarness, { draftKey: 'probe:1', saved: 'gespeichert' });
		const field = screen.getByLabelText('Text');
		await user.clear(field);
		await user.type(field, 'Entwurf vom Team');
		await expect.poll(() => stored('probe:1')).toEqual({ text: 'Entwurf vom Team' });
		expect(screen.queryByText(/Entwurf wiederhergestellt/)).toBeNull();
		first.unmount();

		render(FormDraftHarness, { draftKey: 'probe:1', saved: 'gespeichert' });
		await waitFor(() => expect(screen.getByLabelText('Text')).toHaveValue('Entwurf vom Team'));
		expect(screen.getByRole('status')).toHaveTextContent('Entwurf wiederhergestellt');
	});

	it('writes at once when the page is hidden, without waiting for the pause in typing', async () => {
		const user = userEvent.setup();
		render(FormDraftHarness, { draftKey: 'probe:2', delayMs: 60_000 });
		await user.type(screen.getByLabelText('Text'), 'Notiz');
		// Let the draft finish loading (nothing stored) before checking what is written.
		await expect.poll(() => storedDraftKeys('probe:')).toEqual([]);
		Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
		document.dispatchEvent(new Event('visibilitychange'));
		await flushDrafts();
		expect(await stored('probe:2')).toEqual({ text: 'Notiz' });
		Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });

		await user.type(screen.getByLabelText('Text'), ' mehr');
		window.dispatchEvent(new Event('pagehide'));
		await flushDrafts();
		expect(await stored('probe:2')).toEqual({ text: 'Notiz mehr' });
	});

	it('keeps the draft when the form closes, and writes what was typed just before', async () => {
		const user = userEvent.setup();
		const view = render(FormDraftHarness, { draftKey: 'probe:3', delayMs: 60_000 });
		await user.type(screen.getByLabelText('Text'), 'Halb fertig');
		view.unmount();
		await expect.poll(() => stored('probe:3')).toEqual({ text: 'Halb fertig' });
	});

	it('removes the draft when the form is saved, and keeps a new one when typing goes on', async () => {
		const user = userEvent.setup();
		render(FormDraftHarness, { draftKey: 'probe:4' });
		const field = screen.getByLabelText('Text');
		await user.type(field, 'Fertig');
		await expect.poll(() => stored('probe:4')).toEqual({ text: 'Fertig' });
		await user.click(screen.getByRole('button', { name: 'Speichern' }));
		await expect.poll(() => stored('probe:4')).toBeUndefined();
		await user.type(field, '!');
		await expect.poll(() => stored('probe:4')).toEqual({ text: 'Fertig!' });
	});

	it('forgets the draft before the entry is stored, and keeps it again when storing fails', async () => {
		const user = userEvent.setup();
		const seen: unknown[] = [];
		let ok = false;
		const store = async () => {
			// What a reload would find at the moment the saved entry becomes visible.
			seen.push(await stored('probe:7'));
			return ok;
		};
		render(FormDraftHarness, { draftKey: 'probe:7', store });
		await user.type(screen.getByLabelText('Text'), 'Elterncafé');
		await expect.poll(() => stored('probe:7')).toEqual({ text: 'Elterncafé' });

		await user.click(screen.getByRole('button', { name: 'Speichern' }));
		await expect.poll(() => seen.length).toBe(1);
		await expect.poll(() => stored('probe:7')).toEqual({ text: 'Elterncafé' });

		ok = true;
		await user.click(screen.getByRole('button', { name: 'Speichern' }));
		await expect.poll(() => seen.length).toBe(2);
		expect(seen).toEqual([undefined, undefined]);
		await flushDrafts();
		expect(await stored('probe:7')).toBeUndefined();
	});

	it('keeps the input again when the page ends during the save, and forgets it once saved', async () => {
		const user = userEvent.setup();
		let finish: (ok: boolean) => void = () => {};
		let started = false;
		const store = () =>
			new Promise<boolean>((resolve) => {
				started = true;
				finish = resolve;
			});
		render(FormDraftHarness, { draftKey: 'probe:8', store });
		await user.type(screen.getByLabelText('Text'), 'Sprechstunde');
		await expect.poll(() => stored('probe:8')).toEqual({ text: 'Sprechstunde' });

		await user.click(screen.getByRole('button', { name: 'Speichern' }));
		await expect.poll(() => started).toBe(true);
		window.dispatchEvent(new Event('pagehide'));
		await flushDrafts();
		expect(await stored('probe:8')).toEqual({ text: 'Sprechstunde' });

		finish(true);
		await expect.poll(() => stored('probe:8')).toBeUndefined();
	});

	it('goes back to the saved value and forgets the draft when the user discards it', async () => {
		const user = userEvent.setup();
		await writeDraft(db.name, 'probe:5', { text: 'alter Entwurf' });
		render(FormDraftHarness, { draftKey: 'probe:5', saved: 'gespeichert' });
		await waitFor(() => expect(screen.getByLabelText('Text')).toHaveValue('alter Entwurf'));
		await user.click(screen.getByRole('button', { name: 'Verwerfen' }));
		expect(screen.getByLabelText('Text')).toHaveValue('gespeichert');
		expect(screen.queryByText(/Entwurf wiederhergestellt/)).toBeNull();
		await expect.poll(() => stored('probe:5')).toBeUndefined();
	});

	it('removes a draft it cannot read instead of showing it', async () => {
		await writeDraft(db.name, 'probe:6', { unexpected: 1 });
		render(FormDraftHarness, { draftKey: 'probe:6', saved: 'gespeichert' });
		await expect.poll(() => stored('probe:6')).toBeUndefined();
		expect(screen.getByLabelText('Text')).toHaveValue('gespeichert');
		expect(screen.queryByText(/Entwurf wiederhergestellt/)).toBeNull();
	});

	it('forgets a restored draft once the field is typed back to what is saved', async () => {
		const user = userEvent.setup();
		await writeDraft(db.name, 'probe:7', { text: 'gespeichert!' });
		render(FormDraftHarness, { draftKey: 'probe:7', saved: 'gespeichert' });
		const field = screen.getByLabelText('Text');
		await waitFor(() => expect(field).toHaveValue('gespeichert!'));
		await user.type(field, '{Backspace}');
		await waitFor(() => expect(screen.queryByText(/Entwurf wiederhergestellt/)).toBeNull());
		await expect.poll(() => stored('probe:7')).toBeUndefined();
	});

	it('shows a draft only in the workspace it was typed in (each user on a shared tablet has her own)', async () => {
		await writeDraft('mappe-einer-kollegin', 'probe:8', { text: 'ihre Notiz' });
		await writeDraft(db.name, 'probe:9', { text: 'meine Notiz' });
		const theirs = render(FormDraftHarness, { draftKey: 'probe:8', saved: '' });
		const mine = render(FormDraftHarness, { draftKey: 'probe:9', saved: '' });
		// fake-indexeddb answers in order: once mine is back, the other form has read (and found) nothing.
		await waitFor(() => expect(within(mine.container).getByLabelText('Text')).toHaveValue('meine Notiz'));
		expect(within(theirs.container).getByLabelText('Text')).toHaveValue('');
		expect(within(theirs.container).queryByText(/Entwurf wiederhergestellt/)).toBeNull();
		expect(await readDraft('mappe-einer-kollegin', 'probe:8')).toEqual({ text: 'ihre Notiz' });
	});
});
