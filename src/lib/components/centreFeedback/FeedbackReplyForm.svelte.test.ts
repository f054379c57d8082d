import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// Generous: IndexedDB answers slower on a busy machine, and a wait ends as soon as it holds.
const LIVE = { timeout: 5000 };
import { freshWorkspace } from '../../../../tests/fixtures/db/testWorkspace';
import { readDraft } from '$lib/client/db/drafts';
import { setActiveFacilityId, setActor } from '$lib/client/db/meta';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import { feedbackOn } from '$lib/domain/dossier/feedbackFixtures';
import FeedbackReplyForm from './FeedbackReplyForm.svelte';

let db: WorkspaceDb;
beforeEach(async () => {
	db = await freshWorkspace();
	await setActiveFacilityId('fz-1');
	await setActor({ displayName: 'Frau Leitung' });
	await db.criterionFeedback.put(feedbackOn('1.2'));
});

describe('the Leitung’s answer form', () => {
	it('saves the answer on the device and says it goes with the next sync', async () => {
		const user = userEvent.setup();
		render(FeedbackReplyForm, { criterionId: '1.2' });
		const field = screen.getByLabelText('Ihre Antwort an die Fachberatung');
		await user.type(field, 'Der Aushang hängt jetzt.');
		await user.click(screen.getByRole('button', { name: 'Antworten' }));

		expect(
			await screen.findByText('Antwort gespeichert – wird beim nächsten Synchronisieren gesendet', {}, LIVE)
		).toBeInTheDocument();
		expect(field).toHaveValue('');
		const [saved] = await db.feedbackMessages.toArray();
		expect(saved).toMatchObject({ criterionId: '1.2', kind: 'antwort', text: 'Der Aushang hängt jetzt.' });
		const changes = await db.outbox.toArray();
		expect(changes.filter((c) => c.table === 'feedbackMessages')).toHaveLength(1);
	});

	it('refuses an empty answer with a German message next to the field', async () => {
		const user = userEvent.setup();
		render(FeedbackReplyForm, { criterionId: '1.2' });
		await user.click(screen.getByRole('button', { name: 'Antworten' }));
		expect(await screen.findByText(/Bitte eine Antwort schreiben\./, {}, LIVE)).toBeInTheDocument();
		expect(screen.getByLabelText('Ihre Antwort an die Fachberatung')).toHaveAttribute('aria-invalid', 'true');
		expect(await db.feedbackMessages.count()).toBe(0);
	});

	it('keeps what is typed as a draft and brings it back when the form opens again', async () => {
		const user = userEvent.setup();
		const first = render(FeedbackReplyForm, { criterionId: '1.2' });
		await user.type(screen.getByLabelText('Ihre Antwort an die Fachberatung'), 'Halb geschrieben');
		await vi.waitFor(
			async () => expect(await readDraft(db.name, 'feedback-reply:1.2')).toBe('Halb geschrieben'),
			LIVE
		);
		first.unmount();

		render(FeedbackReplyForm, { criterionId: '1.2' });
		await vi.waitFor(
			() => expect(screen.getByLabelText('Ihre Antwort an die Fachberatung')).toHaveValue('Halb geschrieben'),
			LIVE
		);
		expect(screen.getByText('Entwurf wiederhergestellt – noch nicht gespeichert.')).toBeInTheDocument();
	});
});
