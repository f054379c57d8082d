import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { aFeedback, aMessage, anAnswer } from '../../../../tests/fixtures/feedback';
import { freshWorkspace } from '../../../../tests/fixtures/db/testWorkspace';
import * as api from '$lib/client/api/review';
import AdvisorCriterionFeedback from './AdvisorCriterionFeedback.svelte';

vi.mock('$lib/client/api/review', () => ({
	saveFeedback: vi.fn(),
	withdrawFeedback: vi.fn(),
	commentFeedback: vi.fn(),
	resolveFeedback: vi.fn()
}));

const dossier = { id: 'd-1', version: 2 };

describe('the advisor’s block on one criterion', () => {
	beforeEach(async () => {
		vi.clearAllMocks();
		await freshWorkspace();
	});

	it('gives a verdict for the dossier version under review and hands back feedback and thread', async () => {
		const feedback = aFeedback({ verdict: 'frage', text: 'Wer leitet die Sprechstunde?' });
		const message = aMessage({ verdict: 'frage', text: feedback.text });
		vi.mocked(api.saveFeedback).mockResolvedValue({ ok: true, data: { feedback, message } });
		const other = aMessage({ id: 'other', criterionId: '2.1' });
		const onchange = vi.fn();
		render(AdvisorCriterionFeedback, {
			facilityId: 'kita-a',
			criterionId: '1.2',
			dossier,
			feedback: null,
			messages: [other],
			onchange
		});
		expect(screen.queryByRole('group', { name: 'Verlauf der Rückmeldungen' })).not.toBeInTheDocument();
		await userEvent.click(screen.getByRole('button', { name: /Rückmeldung geben/ }));
		await userEvent.click(screen.getByRole('radio', { name: 'Frage' }));
		await userEvent.type(screen.getByLabelText('Kommentar für die Kita'), 'Wer leitet die Sprechstunde?');
		await userEvent.click(screen.getByRole('button', { name: 'Speichern' }));
		await vi.waitFor(() => expect(onchange).toHaveBeenCalledWith(feedback, [other, message]));
		expect(api.saveFeedback).toHaveBeenCalledWith('kita-a', '1.2', {
			verdict: 'frage',
			text: 'Wer leitet die Sprechstunde?',
			dossierId: 'd-1'
		});
	});

	it('writes a comment without changing the verdict', async () => {
		const feedback = aFeedback();
		const comment = aMessage({
			id: 'c',
			createdAt: '2026-11-21T00:00:00.000Z',
			verdict: null,
			text: 'Danke!'
		});
		vi.mocked(api.commentFeedback).mockResolvedValue({ ok: true, data: { feedback, message: comment } });
		const onchange = vi.fn();
		const thread = [aMessage(), anAnswer('2026-11-20T12:00:00.000Z')];
		render(AdvisorCriterionFeedback, {
			facilityId: 'kita-a',
			criterionId: '1.2',
			dossier,
			feedback,
			messages: thread,
			onchange
		});
		await userEvent.click(screen.getByRole('button', { name: /Kommentar schreiben/ }));
		await userEvent.click(screen.getByRole('button', { name: 'Kommentar speichern' }));
		const field = screen.getByLabelText('Kommentar zu 1.2');
		expect(field).toHaveAccessibleDescription('Bitte einen Kommentar schreiben.');
		expect(api.commentFeedback).not.toHaveBeenCalled();
		await userEvent.type(field, 'Danke!');
		await userEvent.click(screen.getByRole('button', { name: 'Kommentar speichern' }));
		await vi.waitFor(() => expect(onchange).toHaveBeenCalledWith(feedback, [...thread, comment]));
		expect(api.commentFeedback).toHaveBeenCalledWith('kita-a', '1.2', { text: 'Danke!', dossierId: 'd-1' });
	});

	it('keeps a comment the server did not take, and says why', async () => {
		vi.mocked(api.commentFeedback).mockResolvedValue({
			ok: false,
			error: { status: 0, code: 'offline', message: 'Keine Verbindung zum Server.' }
		});
		const onchange = vi.fn();
		render(AdvisorCriterionFeedback, {
			facilityId: 'kita-a',
			criterionId: '1.2',
			dossier,
			feedback: aFeedback(),
			messages: [aMessage()],
			onchange
		});
		await userEvent.click(screen.getByRole('button', { name: /Kommentar schreiben/ }));
		await userEvent.type(screen.getByLabelText('Kommentar zu 1.2'), 'Bis Freitag bitte.');
		await userEvent.click(screen.getByRole('button', { name: 'Kommentar speichern' }));
		expect(await screen.findByRole('alert')).toHaveTextContent('Keine Verbindung zum Server.');
		expect(screen.getByLabelText('Kommentar zu 1.2')).toHaveValue('Bis Freitag bitte.');
		expect(onchange).not.toHaveBeenCalled();
	});

	it('marks an open point done, and offers it only while the point is open', async () => {
		const feedback = aFeedback();
		const resolved = aFeedback({ resolvedAt: '2026-11-22T08:00:00.000Z', resolvedBy: 'Berit Beratung' });
		const done = aMessage({
			id: 'done',
			createdAt: '2026-11-22T08:00:00.000Z',
			kind: 'erledigt',
			verdict: null
		});
		vi.mocked(api.resolveFeedback).mockResolvedValue({
			ok: true,
			data: { feedback: resolved, message: done }
		});
		const onchange = vi.fn();
		const { rerender } = render(AdvisorCriterionFeedback, {
			facilityId: 'kita-a',
			criterionId: '1.2',
			dossier,
			feedback,
			messages: [aMessage()],
			onchange
		});
		await userEvent.click(screen.getByRole('button', { name: /Als erledigt markieren/ }));
		await vi.waitFor(() => expect(onchange).toHaveBeenCalledWith(resolved, [aMessage(), done]));
		await rerender({ feedback: resolved, messages: [aMessage(), done] });
		expect(screen.queryByRole('button', { name: /Als erledigt markieren/ })).not.toBeInTheDocument();
		expect(
			within(screen.getByRole('group', { name: 'Verlauf der Rückmeldungen' })).getByText(/Stand:/)
		).toHaveTextContent('Erledigt');
	});

	it('shows why marking done failed', async () => {
		vi.mocked(api.resolveFeedback).mockResolvedValue({
			ok: false,
			error: { status: 0, code: 'offline', message: 'Keine Verbindung zum Server.' }
		});
		render(AdvisorCriterionFeedback, {
			facilityId: 'kita-a',
			criterionId: '1.2',
			dossier: null,
			feedback: aFeedback(),
			messages: [],
			onchange: vi.fn()
		});
		await userEvent.click(screen.getByRole('button', { name: /Als erledigt markieren/ }));
		expect(await screen.findByRole('alert')).toHaveTextContent('Keine Verbindung zum Server.');
		expect(api.resolveFeedback).toHaveBeenCalledWith('kita-a', '1.2', null);
	});
});
