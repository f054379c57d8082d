import { beforeEach, describe, expect, it } from 'vitest';
import { freshWorkspace } from '../../../../../tests/fixtures/db/testWorkspace';
import { RecordValidationError } from '$lib/client/db/errors';
import { setActiveFacilityId, setActor } from '$lib/client/db/meta';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import { feedbackOn } from '$lib/domain/dossier/feedbackFixtures';
import { replyToFeedback } from './replies';

let db: WorkspaceDb;
beforeEach(async () => {
	db = await freshWorkspace();
	await setActiveFacilityId('fz-1');
	await setActor({ displayName: 'Frau Leitung' });
	await db.criterionFeedback.put(feedbackOn('1.2', { dossierId: 'mappe-1', dossierVersion: 3 }));
});

describe('replyToFeedback', () => {
	it('writes the answer as a new message of the thread, with its outbox entry', async () => {
		const saved = await replyToFeedback('1.2', '  Aushang hängt jetzt im Eingang. ');

		expect(saved).toMatchObject({
			facilityId: 'fz-1',
			criterionId: '1.2',
			author: 'einrichtung',
			authorName: 'Frau Leitung',
			kind: 'antwort',
			text: 'Aushang hängt jetzt im Eingang.',
			dossierId: 'mappe-1',
			dossierVersion: 3
		});
		expect(await db.feedbackMessages.get(saved.id)).toEqual(saved);
		const change = await db.outbox.orderBy('seq').last();
		expect(change).toMatchObject({ table: 'feedbackMessages', recordId: saved.id, op: 'put' });
	});

	it('gives every answer its own id, so two answers never overwrite each other', async () => {
		const first = await replyToFeedback('1.2', 'Erste Antwort');
		const second = await replyToFeedback('1.2', 'Zweite Antwort');
		expect(first.id).not.toBe(second.id);
		expect(await db.feedbackMessages.count()).toBe(2);
	});

	it('refuses an empty answer in German and writes nothing', async () => {
		const refused = replyToFeedback('1.2', '   ');
		await expect(refused).rejects.toBeInstanceOf(RecordValidationError);
		await expect(refused).rejects.toThrow('Bitte eine Antwort schreiben.');
		expect(await db.feedbackMessages.count()).toBe(0);
		expect(await db.outbox.count()).toBe(0);
	});

	it('refuses an answer where the Fachberatung gave no feedback', async () => {
		await expect(replyToFeedback('9.9', 'Hallo')).rejects.toThrow(
			'Zu diesem Kriterium gibt es keine Rückmeldung der Fachberatung.'
		);
	});
});
