import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { freshWorkspace } from '../../../../tests/fixtures/db/testWorkspace';
import type { CriterionFeedback as Feedback } from '$lib/domain/dossier/feedback';
import { feedbackPoints } from '$lib/domain/dossier/feedbackPoints';
import CriterionFeedback from './CriterionFeedback.svelte';
import FeedbackForm from './FeedbackForm.svelte';

const feedback: Feedback = {
	id: 'kita-a:1.2',
	facilityId: 'kita-a',
	createdAt: '2026-11-20T09:00:00.000Z',
	updatedAt: '2026-11-20T09:00:00.000Z',
	updatedBy: 'Berit Beratung',
	deleted: false,
	criterionId: '1.2',
	verdict: 'nachbessern',
	text: 'Bitte den Sprechstundenplan als Foto ergänzen.',
	reviewerName: 'Berit Beratung',
	dossierId: 'd-1',
	dossierVersion: 2,
	periodKey: 'cy-2026',
	resolvedAt: null,
	resolvedBy: ''
};

describe('the advisor’s feedback on the criterion page', () => {
	beforeEach(async () => {
		await freshWorkspace();
	});

	it('shows what sync brought, with verdict in words, who and for which dossier version', async () => {
		render(CriterionFeedback, { point: feedbackPoints([feedback], [])[0] });
		const note = await screen.findByRole('region', { name: 'Rückmeldung der Fachberatung' });
		expect(note).toHaveTextContent('Bitte nachbessern');
		expect(note).toHaveTextContent('Bitte den Sprechstundenplan als Foto ergänzen.');
		expect(note).toHaveTextContent('Berit Beratung');
		expect(note).toHaveTextContent('zur Mappe Version 2');
	});

	it('shows nothing for a criterion without feedback or with withdrawn feedback', async () => {
		render(CriterionFeedback, { point: feedbackPoints([{ ...feedback, deleted: true }], [])[0] });
		expect(screen.queryByRole('region')).not.toBeInTheDocument();
	});
});

function renderForm(onsave = vi.fn(), current: Feedback | null = null) {
	render(FeedbackForm, {
		criterionId: '1.2',
		draftKey: 'feedback:f1:1.2',
		current,
		onsave,
		onwithdraw: vi.fn()
	});
	return onsave;
}

describe('the advisor’s feedback form', () => {
	// Unsaved feedback is kept as a draft per key; each test starts without one.
	beforeEach(async () => {
		await freshWorkspace();
	});

	it('offers Passt, Bitte nachbessern and Frage with none chosen, and asks for a choice', async () => {
		const onsave = renderForm();
		await userEvent.click(screen.getByRole('button', { name: /Rückmeldung geben/ }));
		const group = screen.getByRole('group', { name: 'Rückmeldung zu 1.2' });
		const radios = screen.getAllByRole('radio');
		expect(radios.map((r) => r.getAttribute('value'))).toEqual(['passt', 'nachbessern', 'frage']);
		for (const radio of radios) expect(radio).not.toBeChecked();
		await userEvent.click(screen.getByRole('button', { name: 'Speichern' }));
		expect(onsave).not.toHaveBeenCalled();
		expect(group).toHaveAccessibleDescription('Bitte wählen: Passt, Bitte nachbessern oder Frage.');
		expect(radios[0]).toHaveFocus();
	});

	it('wants the question written out, focuses the field and keeps the choice', async () => {
		const onsave = renderForm();
		await userEvent.click(screen.getByRole('button', { name: /Rückmeldung geben/ }));
		await userEvent.click(screen.getByRole('radio', { name: 'Frage' }));
		await userEvent.type(screen.getByLabelText('Kommentar für die Kita'), '   ');
		await userEvent.click(screen.getByRole('button', { name: 'Speichern' }));
		expect(onsave).not.toHaveBeenCalled();
		const text = screen.getByLabelText('Kommentar für die Kita');
		expect(text).toHaveAccessibleDescription('Bitte die Frage aufschreiben.');
		expect(text).toHaveFocus();
		expect(screen.getByRole('radio', { name: 'Frage' })).toBeChecked();
	});

	it('starts from the saved verdict when changing, but from none for an old „Hinweis“', async () => {
		renderForm(vi.fn(), { ...feedback, verdict: 'hinweis', text: 'Alt' });
		expect(screen.getByText('Hinweis')).toBeInTheDocument();
		await userEvent.click(screen.getByRole('button', { name: /Rückmeldung ändern/ }));
		for (const radio of screen.getAllByRole('radio')) expect(radio).not.toBeChecked();
		expect(screen.getByLabelText('Kommentar für die Kita')).toHaveValue('Alt');
	});

	it('shows the server’s refusal beside the comment and keeps the input', async () => {
		const onsave = vi.fn().mockResolvedValue({
			ok: false,
			error: {
				status: 400,
				code: 'invalid_request',
				message: 'Die Eingaben sind unvollständig.',
				issues: [{ path: ['text'], message: 'Bitte kurz schreiben, was nachgebessert werden soll.' }]
			}
		});
		renderForm(onsave, feedback);
		await userEvent.click(screen.getByRole('button', { name: /Rückmeldung ändern/ }));
		expect(screen.getByRole('radio', { name: 'Bitte nachbessern' })).toBeChecked();
		await userEvent.type(screen.getByLabelText('Kommentar für die Kita'), ' Danke.');
		await userEvent.click(screen.getByRole('button', { name: 'Speichern' }));
		expect(await screen.findByRole('alert')).toHaveTextContent('Die Eingaben sind unvollständig.');
		const text = screen.getByLabelText('Kommentar für die Kita');
		expect(text).toHaveAccessibleDescription('Bitte kurz schreiben, was nachgebessert werden soll.');
		expect(text).toHaveValue(`${feedback.text} Danke.`);
	});

	it('asks what to improve, in German next to the field, and keeps what was chosen', async () => {
		const onsave = vi.fn();
		render(FeedbackForm, {
			criterionId: '1.2',
			draftKey: 'feedback:f1:1.2',
			current: null,
			onsave,
			onwithdraw: vi.fn()
		});
		await userEvent.click(screen.getByRole('button', { name: /Rückmeldung geben/ }));
		await userEvent.click(screen.getByRole('radio', { name: 'Bitte nachbessern' }));
		await userEvent.click(screen.getByRole('button', { name: 'Speichern' }));
		expect(onsave).not.toHaveBeenCalled();
		const text = screen.getByLabelText('Kommentar für die Kita');
		expect(text).toHaveAttribute('aria-invalid', 'true');
		expect(text).toHaveAccessibleDescription('Bitte kurz schreiben, was nachgebessert werden soll.');
		expect(screen.getByRole('radio', { name: 'Bitte nachbessern' })).toBeChecked();
	});

	it('saves verdict and text, and keeps the text when the server cannot be reached', async () => {
		const onsave = vi
			.fn()
			.mockResolvedValueOnce({
				ok: false,
				error: { status: 0, code: 'offline', message: 'Keine Verbindung zum Server.' }
			})
			.mockResolvedValueOnce({ ok: true, data: { feedback } });
		render(FeedbackForm, {
			criterionId: '1.2',
			draftKey: 'feedback:f1:1.2',
			current: null,
			onsave,
			onwithdraw: vi.fn()
		});
		await userEvent.click(screen.getByRole('button', { name: /Rückmeldung geben/ }));
		await userEvent.click(screen.getByRole('radio', { name: 'Passt' }));
		await userEvent.type(screen.getByLabelText('Kommentar für die Kita'), 'Gut gelungen!');
		await userEvent.click(screen.getByRole('button', { name: 'Speichern' }));
		expect(await screen.findByRole('alert')).toHaveTextContent('Keine Verbindung zum Server.');
		expect(screen.getByLabelText('Kommentar für die Kita')).toHaveValue('Gut gelungen!');
		await userEvent.click(screen.getByRole('button', { name: 'Speichern' }));
		await vi.waitFor(() => expect(onsave).toHaveBeenCalledTimes(2), { timeout: 15_000 });
		expect(onsave).toHaveBeenLastCalledWith({ verdict: 'passt', text: 'Gut gelungen!', dossierId: null });
		expect(screen.queryByLabelText('Kommentar für die Kita')).not.toBeInTheDocument();
	});
});
