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

describe('the advisor’s feedback form', () => {
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
		const text = screen.getByLabelText('Hinweis für die Kita');
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
		await userEvent.click(screen.getByRole('radio', { name: 'Hinweis' }));
		await userEvent.type(screen.getByLabelText('Hinweis für die Kita'), 'Gut gelungen!');
		await userEvent.click(screen.getByRole('button', { name: 'Speichern' }));
		expect(await screen.findByRole('alert')).toHaveTextContent('Keine Verbindung zum Server.');
		expect(screen.getByLabelText('Hinweis für die Kita')).toHaveValue('Gut gelungen!');
		await userEvent.click(screen.getByRole('button', { name: 'Speichern' }));
		await vi.waitFor(() => expect(onsave).toHaveBeenCalledTimes(2), { timeout: 15_000 });
		expect(onsave).toHaveBeenLastCalledWith({ verdict: 'hinweis', text: 'Gut gelungen!' });
		expect(screen.queryByLabelText('Hinweis für die Kita')).not.toBeInTheDocument();
	});
});
