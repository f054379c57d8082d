import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Generous: liveQuery answers slower on a busy machine, and a wait ends as soon as it holds.
const LIVE = { timeout: 5000 };
import { freshWorkspace } from '../../../../tests/fixtures/db/testWorkspace';
import { setActor } from '$lib/client/db/meta';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import { replyToFeedback } from '$lib/client/services/feedback/replies';
import { feedbackOn, messageOn } from '$lib/domain/dossier/feedbackFixtures';
import { FeedbackState } from './feedback.svelte';
import { workspace } from './workspace.svelte';

let db: WorkspaceDb;
let stop: (() => void) | null = null;
beforeEach(async () => {
	db = await freshWorkspace();
	expect(await workspace.init()).toBe('ok');
	await vi.waitFor(() => expect(workspace.loaded).toBe(true), LIVE);
	await setActor({ displayName: 'Frau Leitung' });
});
afterEach(() => {
	stop?.();
	stop = null;
	workspace.dispose();
});

describe('feedback state', () => {
	it('shows pulled feedback as open and an answer written offline as waiting for the advisor', async () => {
		const facilityId = workspace.facility!.id;
		const state = new FeedbackState();
		stop = $effect.root(() => state.use());
		await vi.waitFor(() => expect(state.loaded).toBe(true), LIVE);
		expect(state.points).toEqual([]);

		// What sync brings: the current verdict and its message, plus another centre's feedback.
		await db.transaction('rw', [db.criterionFeedback, db.feedbackMessages], async () => {
			await db.criterionFeedback.bulkPut([
				feedbackOn('1.2', { id: `${facilityId}:1.2`, facilityId }),
				feedbackOn('1.3', { id: 'other:1.3', facilityId: 'other' })
			]);
			await db.feedbackMessages.put(messageOn('1.2', { facilityId }));
		});
		await vi.waitFor(() => expect(state.open.map((p) => p.criterionId)).toEqual(['1.2']), LIVE);
		expect(state.states.get('1.2')).toBe('open');
		expect(state.pointOf('1.2')?.thread).toHaveLength(1);

		await replyToFeedback('1.2', 'Ist erledigt.');
		await vi.waitFor(() => expect(state.answered.map((p) => p.criterionId)).toEqual(['1.2']), LIVE);
		expect(state.open).toEqual([]);
		expect(state.pointOf('1.2')?.thread.at(-1)).toMatchObject({
			kind: 'antwort',
			authorName: 'Frau Leitung'
		});
	});
});
