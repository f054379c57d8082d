import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '$lib/client/db';
import { readDraft, writeDraft } from '$lib/client/db/drafts';
import { unsavedInput } from '$lib/client/state/unsavedInput.svelte';
import CriterionDetail from './CriterionDetail.svelte';
import {
	FACILITY_ID,
	fakeActions,
	makeEvidence,
	makeStatus,
	stubObjectUrls,
	testCatalogue,
	type FakeActions
} from './testFixtures';

/** The page calls the services directly; here they go to the current test's fake actions. */
const current = vi.hoisted(() => ({ actions: null as unknown as FakeActions }));

vi.mock('$lib/client/services/criterion', () => ({
	setCriterionStatus: (_facilityId: string, _criterionId: string, status: never) =>
		current.actions.setStatus(status),
	saveCriterionNote: (_facilityId: string, _criterionId: string, note: string) =>
		current.actions.saveNote(note)
}));

vi.mock('$lib/client/services/evidence', () => ({
	addEvidence: ({ facilityId: _facilityId, ...input }: { facilityId: string }, file: never) =>
		current.actions.addEvidence(input as never, file ?? null),
	updateEvidence: (id: string, patch: never) => current.actions.updateEvidence(id, patch),
	deleteEvidence: (id: string) => current.actions.deleteEvidence(id),
	attachEvidenceFile: (id: string, file: never) => current.actions.attachFile(id, file),
	getAttachment: async (sha256: string) => {
		const blob = await current.actions.getAttachment(sha256);
		return blob && { blob };
	}
}));

vi.mock('$lib/client/media/attachment', async (original) => ({
	...(await original<object>()),
	prepareAttachment: (file: File, kind: never) => current.actions.prepareFile(file, kind)
}));

const criterion = testCatalogue.criteria[0];

function renderDetail({
	actions = fakeActions(),
	...props
}: Partial<Parameters<typeof render<typeof CriterionDetail>>[1] & object> & { actions?: FakeActions } = {}) {
	current.actions = actions;
	const result = render(CriterionDetail, {
		criterion,
		catalogue: testCatalogue,
		status: makeStatus(),
		evidence: [],
		facilityId: FACILITY_ID,
		today: '2026-11-21',
		...props
	});
	return { actions, ...result };
}

beforeEach(() => {
	stubObjectUrls();
});

describe('CriterionDetail', () => {
	it('shows the area, id, level, points, explanation and typical evidence of the criterion', () => {
		renderDetail();
		expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
			'1.1 Sprechstunde der Erziehungsberatung'
		);
		expect(screen.getByText('Leistungsbereich · Beratung und Unterstützung')).toBeInTheDocument();
		expect(screen.getByText('Basis')).toBeInTheDocument();
		expect(screen.getByText('2 Punkte')).toBeInTheDocument();
		expect(screen.getByText(/bietet regelmäßig eine Sprechstunde/)).toBeInTheDocument();
		expect(screen.getByText('Aushang mit Terminen')).toBeInTheDocument();
		expect(screen.getByText(/Arbeitsfassung des Katalogs/)).toBeInTheDocument();
	});

	it('shows the saved status and who changed it last', () => {
		renderDetail();
		expect(screen.getByRole('radio', { name: 'In Arbeit' })).toBeChecked();
		expect(
			screen.getByText(/Zuletzt geändert von Leitung Kita Sonnenblume am 21\.11\.2026, \d\d:\d\d/)
		).toBeVisible();
	});

	it('treats a criterion nobody has touched as open', () => {
		renderDetail({ status: undefined });
		expect(screen.getByRole('radio', { name: 'Offen' })).toBeChecked();
		expect(screen.getByText('Noch nicht bearbeitet')).toBeInTheDocument();
	});

	it('saves a new status at once and confirms it', async () => {
		const user = userEvent.setup();
		const { actions } = renderDetail();
		await user.click(screen.getByRole('radio', { name: 'Erfüllt' }));
		expect(actions.setStatus).toHaveBeenCalledWith('erfuellt');
		expect(await screen.findByText('Status „Erfüllt“ gespeichert')).toBeInTheDocument();
		expect(screen.getByRole('radio', { name: 'Erfüllt' })).toBeChecked();
	});

	it('shows the status the workspace reports after saving', async () => {
		const { rerender } = renderDetail();
		await rerender({ status: makeStatus({ status: 'nicht_zutreffend', updatedBy: 'Team Verbund' }) });
		expect(screen.getByRole('radio', { name: 'Nicht zutreffend' })).toBeChecked();
		expect(screen.getByText(/Zuletzt geändert von Team Verbund/)).toBeInTheDocument();
	});

	it('goes back to the saved status and says so when saving fails', async () => {
		const user = userEvent.setup();
		const actions = fakeActions({ setStatus: vi.fn(async () => Promise.reject(new Error('boom'))) });
		renderDetail({ actions });
		await user.click(screen.getByRole('radio', { name: 'Erfüllt' }));
		expect(await screen.findByText('Der Status konnte nicht gespeichert werden.')).toBeInTheDocument();
		expect(screen.getByRole('radio', { name: 'In Arbeit' })).toBeChecked();
		expect(screen.getByRole('radio', { name: 'Erfüllt' })).not.toBeChecked();
	});

	it('saves the note when the field is left and reports unsaved text while typing', async () => {
		const user = userEvent.setup();
		const { actions } = renderDetail();
		const note = screen.getByLabelText('Notiz zum Kriterium');
		await user.type(note, 'Termine mit der Beratungsstelle abstimmen');
		expect(unsavedInput.any).toBe(true);
		expect(screen.getByText('Nicht gespeicherte Änderungen')).toBeInTheDocument();
		await user.tab();
		await vi.waitFor(() => expect(actions.saveNote).toHaveBeenCalled(), { timeout: 15_000 });
		expect(actions.saveNote).toHaveBeenCalledWith('Termine mit der Beratungsstelle abstimmen');
		expect(await screen.findByText('Notiz gespeichert')).toBeInTheDocument();
		expect(unsavedInput.any).toBe(false);
	});

	it('keeps the typed note and says why when it cannot be saved', async () => {
		const user = userEvent.setup();
		const quota = Object.assign(new Error('Speicher voll'), { name: 'StorageFullError' });
		const actions = fakeActions({ saveNote: vi.fn(async () => {}).mockRejectedValueOnce(quota) });
		renderDetail({ actions });
		const note = screen.getByLabelText('Notiz zum Kriterium');
		await user.type(note, 'Wichtig');
		await user.click(screen.getByRole('button', { name: 'Notiz speichern' }));
		expect(
			await screen.findByText(/Die Notiz konnte nicht gespeichert werden\. Speicher voll/)
		).toBeInTheDocument();
		expect(note).toHaveValue('Wichtig');
		expect(unsavedInput.any).toBe(true);
	});

	it('lists only the evidence it is given and counts it', () => {
		renderDetail({
			evidence: [makeEvidence({ title: 'Kooperationsvertrag' }), makeEvidence({ title: 'Aushang' })]
		});
		expect(screen.getByRole('heading', { name: /Nachweise \(2\)/ })).toBeInTheDocument();
		const list = screen.getByRole('list', { name: 'Nachweise' });
		expect(within(list).getAllByRole('article')).toHaveLength(2);
	});

	it('adds a note as evidence linked to this criterion and confirms it', async () => {
		const user = userEvent.setup();
		const { actions } = renderDetail();
		await user.click(screen.getByRole('button', { name: 'Nachweis hinzufügen' }));
		await user.type(screen.getByLabelText('Titel'), 'Gespräch mit der Beratungsstelle');
		await user.type(screen.getByLabelText('Text der Notiz'), 'Sprechstunde ab Januar monatlich');
		await user.click(screen.getByRole('button', { name: 'Nachweis speichern' }));
		await vi.waitFor(() => expect(actions.addEvidence).toHaveBeenCalled(), { timeout: 15_000 });
		expect(actions.addEvidence).toHaveBeenCalledWith(
			{
				kind: 'note',
				title: 'Gespräch mit der Beratungsstelle',
				date: '2026-11-21',
				validUntil: null,
				url: '',
				note: 'Sprechstunde ab Januar monatlich',
				criterionIds: ['1.1']
			},
			null
		);
		expect(
			await screen.findByText(/Nachweis „Gespräch mit der Beratungsstelle“ gespeichert/)
		).toBeInTheDocument();
		expect(screen.queryByRole('button', { name: 'Nachweis speichern' })).not.toBeInTheDocument();
	});

	it('says clearly when the record was saved but its photo was not', async () => {
		const user = userEvent.setup();
		const message = 'Foto konnte nicht gespeichert werden: Speicher voll.';
		const photo = makeEvidence({
			id: 'ev-photo',
			kind: 'photo',
			title: 'Aushang Elterncafé',
			attachment: { sha256: 'a'.repeat(64), mimeType: 'image/jpeg', size: 1000, fileName: 'aushang.jpg' }
		});
		const actions = fakeActions({
			addEvidence: vi.fn(async () => ({ evidence: photo, attachmentError: message })),
			getAttachment: vi.fn(async () => undefined)
		});
		const { rerender } = renderDetail({ actions });
		await user.click(screen.getByRole('button', { name: 'Nachweis hinzufügen' }));
		await user.click(screen.getByRole('radio', { name: 'Foto' }));
		await user.upload(
			screen.getByLabelText('Bild auswählen'),
			new File(['jpeg'], 'aushang.jpg', { type: 'image/jpeg' })
		);
		await user.type(screen.getByLabelText('Titel'), 'Aushang Elterncafé');
		await user.click(screen.getByRole('button', { name: 'Nachweis speichern' }));
		expect(await screen.findByText(/wurde gespeichert, die Datei aber nicht/)).toBeInTheDocument();

		await rerender({ evidence: [photo] });
		const item = screen.getByRole('article', { name: 'Aushang Elterncafé' });
		await waitFor(() => expect(within(item).getByText(message)).toBeInTheDocument());
		expect(within(item).getByText('Die Datei dieses Nachweises ist nicht gespeichert.')).toBeInTheDocument();
	});

	it('opens a half-filled new evidence item again with its draft, and forgets it once saved', async () => {
		const user = userEvent.setup();
		await writeDraft(db.name, `evidence-form:new:${criterion.id}`, {
			kind: 'note',
			title: 'Protokoll Teamsitzung',
			date: '2026-11-20',
			validUntil: '',
			url: '',
			note: 'Absprachen zur Sprechstunde',
			criterionIds: [criterion.id]
		});
		const { actions } = renderDetail();
		const title = await screen.findByRole('textbox', { name: 'Titel' });
		await waitFor(() => expect(title).toHaveValue('Protokoll Teamsitzung'));
		expect(screen.getByText(/Entwurf wiederhergestellt/)).toBeInTheDocument();

		await user.click(screen.getByRole('button', { name: 'Nachweis speichern' }));
		await waitFor(() => expect(actions.addEvidence).toHaveBeenCalled());
		expect(actions.addEvidence).toHaveBeenCalledWith(
			expect.objectContaining({ title: 'Protokoll Teamsitzung', note: 'Absprachen zur Sprechstunde' }),
			null
		);
		await expect.poll(() => readDraft(db.name, `evidence-form:new:${criterion.id}`)).toBeUndefined();
	});
});
