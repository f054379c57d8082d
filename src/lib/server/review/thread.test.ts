import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedbackMessage } from '$lib/domain/dossier/feedbackThread';
import { threadOf, threadState } from '$lib/domain/dossier/threadState';
import { createSession } from '$lib/server/auth/sessions';
import { inProcessFetch, type InProcessFetch } from '$lib/server/sync/testing/inProcessFetch';
import { change, DEVICE_A, DEVICE_B, pull, push } from '$lib/server/sync/testing/syncFixtures';
import { send } from '$lib/server/testing/requests';
import {
	addFacility,
	addUser,
	startTestServer,
	testDialects,
	type TestServer
} from '$lib/server/testing/testServer';
import {
	getReviewFacility,
	postFeedbackComment,
	postFeedbackResolved,
	putFeedback
} from '$lib/server/review/handlers';

/** A centre's answer as a device writes it offline (what the Leitung's reply form queues). */
function answer(id: string, facilityId: string, extra: Partial<FeedbackMessage> = {}) {
	return {
		id,
		facilityId,
		createdAt: '2026-11-23T09:00:00.000Z',
		updatedAt: '2026-11-23T09:00:00.000Z',
		updatedBy: 'Person leitung-a',
		deleted: false,
		criterionId: '1.2',
		author: 'einrichtung',
		authorName: 'Person leitung-a',
		kind: 'antwort',
		verdict: null,
		text: 'Das Foto ist jetzt in der Mappe.',
		dossierId: null,
		dossierVersion: null,
		...extra
	};
}

describe.each(testDialects)('the feedback thread on %s', (dialect) => {
	let server: TestServer;
	const tokens: Record<string, string> = {};
	let leitungA: InProcessFetch;

	beforeEach(async () => {
		server = await startTestServer(dialect);
		await addFacility(server.ctx, 'kita-a');
		await addFacility(server.ctx, 'kita-b');
		await addUser(server.ctx, { id: 'leitung-a', role: 'leitung', facilityIds: ['kita-a'] });
		await addUser(server.ctx, { id: 'team-a', role: 'team', facilityIds: ['kita-a'] });
		await addUser(server.ctx, { id: 'beratung', role: 'fachberatung', facilityIds: ['kita-a'] });
		await addUser(server.ctx, { id: 'beratung-b', role: 'fachberatung', facilityIds: ['kita-b'] });
		for (const id of ['leitung-a', 'team-a', 'beratung', 'beratung-b']) {
			tokens[id] = (await createSession(server.ctx, id)).token;
		}
		leitungA = inProcessFetch(tokens['leitung-a']);
	});
	afterEach(() => server.cleanup());

	const at = (facilityId: string, criterionId: string, tail = '') => ({
		path: `/api/review/facilities/${facilityId}/feedback/${criterionId}${tail}`,
		params: { facilityId, criterionId }
	});
	const verdict = (as: string, facilityId: string, criterionId: string, body: unknown) =>
		send(putFeedback, { method: 'PUT', ...at(facilityId, criterionId), body, token: tokens[as] });
	const comment = (as: string, facilityId: string, criterionId: string, body: unknown) =>
		send(postFeedbackComment, {
			method: 'POST',
			...at(facilityId, criterionId, '/messages'),
			body,
			token: tokens[as]
		});
	const resolve = (as: string, facilityId: string, criterionId: string) =>
		send(postFeedbackResolved, {
			method: 'POST',
			...at(facilityId, criterionId, '/resolve'),
			body: {},
			token: tokens[as]
		});
	const detail = async (as = 'beratung', facilityId = 'kita-a') =>
		(
			await send(getReviewFacility, {
				path: `/api/review/facilities/${facilityId}`,
				params: { facilityId },
				token: tokens[as]
			})
		).body;

	it('hands a centre’s reply pushed from its device to the advisor’s review', async () => {
		await verdict('beratung', 'kita-a', '1.2', { verdict: 'frage', text: 'Wer leitet die Sprechstunde?' });
		server.clock.advance(60_000);
		const pushed = await push(leitungA, DEVICE_A, [
			change(1, 'feedbackMessages', answer('reply-1', 'kita-a'))
		]);
		expect(pushed.body.results[0]).toMatchObject({ status: 'accepted' });
		const teamReply = answer('reply-2', 'kita-a', {
			createdAt: '2026-11-23T09:05:00.000Z',
			authorName: 'Person team-a'
		});
		const byTeam = await push(inProcessFetch(tokens['team-a']), DEVICE_B, [
			change(1, 'feedbackMessages', teamReply)
		]);
		expect(byTeam.body.results[0]).toMatchObject({ status: 'accepted' });

		const { feedback, messages } = await detail();
		const thread = threadOf(messages as FeedbackMessage[], '1.2');
		expect(thread.map((m) => [m.author, m.kind])).toEqual([
			['fachberatung', 'rueckmeldung'],
			['einrichtung', 'antwort'],
			['einrichtung', 'antwort']
		]);
		expect(thread[1]).toMatchObject({
			text: 'Das Foto ist jetzt in der Mappe.',
			authorName: 'Person leitung-a'
		});
		expect(threadState(feedback[0], thread)).toBe('answered');
	});

	it('writes a comment without touching the verdict, and marks a point done', async () => {
		const given = await verdict('beratung', 'kita-a', '1.2', { verdict: 'nachbessern', text: 'Foto fehlt' });
		const before = await pull(leitungA, 0);
		server.clock.advance(1000);
		const commented = await comment('beratung', 'kita-a', '1.2', { text: 'Ein Handyfoto genügt.' });
		expect(commented.status).toBe(200);
		expect(commented.body.feedback).toEqual(given.body.feedback);
		expect(commented.body.message).toMatchObject({
			kind: 'rueckmeldung',
			verdict: null,
			text: 'Ein Handyfoto genügt.'
		});
		const afterComment = await pull(leitungA, before.cursor);
		expect(afterComment.records.map((r) => r.table)).toEqual(['feedbackMessages']);

		server.clock.advance(1000);
		const resolved = await resolve('beratung', 'kita-a', '1.2');
		expect(resolved.status).toBe(200);
		expect(resolved.body.feedback).toMatchObject({
			verdict: 'nachbessern',
			resolvedAt: '2026-11-23T08:00:02.000Z',
			resolvedBy: 'Person beratung'
		});
		expect(resolved.body.message).toMatchObject({ kind: 'erledigt', author: 'fachberatung' });
		// Both in one revision step, so a device never sees the one without the other.
		const afterResolve = await pull(leitungA, afterComment.cursor);
		expect(afterResolve.records.map((r) => [r.table, r.revision])).toEqual([
			['criterionFeedback', afterComment.cursor + 1],
			['feedbackMessages', afterComment.cursor + 2]
		]);
		const done = await detail();
		expect(threadState(done.feedback[0], threadOf(done.messages, '1.2'))).toBe('done');

		const again = await resolve('beratung', 'kita-a', '1.2');
		expect(again.status).toBe(409);
		expect(again.body.error.message).toBe('Dieser Punkt ist schon als erledigt markiert.');
		// A new verdict reopens the point.
		server.clock.advance(1000);
		const reopened = await verdict('beratung', 'kita-a', '1.2', {
			verdict: 'frage',
			text: 'Und die Zeiten?'
		});
		expect(reopened.body.feedback).toMatchObject({ resolvedAt: null, resolvedBy: '' });
	});

	it('refuses empty comments and marking done what is not open, in German', async () => {
		const empty = await comment('beratung', 'kita-a', '1.2', { text: '   ' });
		expect(empty.status).toBe(400);
		expect(empty.body.error.issues).toContainEqual({
			path: ['text'],
			message: 'Bitte einen Kommentar schreiben.'
		});
		const nothing = await resolve('beratung', 'kita-a', '1.2');
		expect(nothing.status).toBe(409);
		expect(nothing.body.error.message).toMatch(/keinen offenen Punkt/);
		await verdict('beratung', 'kita-a', '1.1', { verdict: 'passt', text: '' });
		expect((await resolve('beratung', 'kita-a', '1.1')).status).toBe(409);
		expect((await comment('beratung', 'kita-a', '99.9', { text: 'Hallo' })).status).toBe(404);
		expect((await detail()).messages.filter((m: FeedbackMessage) => m.verdict === null)).toEqual([]);
	});

	it('lets only the centre’s own advisors write into its threads', async () => {
		await verdict('beratung', 'kita-a', '1.2', { verdict: 'frage', text: 'Wer?' });
		expect((await comment('beratung-b', 'kita-a', '1.2', { text: 'Hallo' })).status).toBe(404);
		expect((await resolve('beratung-b', 'kita-a', '1.2')).status).toBe(404);
		expect((await comment('leitung-a', 'kita-a', '1.2', { text: 'Hallo' })).status).toBe(403);
		expect((await resolve('team-a', 'kita-a', '1.2')).status).toBe(403);
		expect((await detail('beratung-b', 'kita-a')).error.code).toBe('not_found');
		expect((await detail()).messages).toHaveLength(1);
	});

	it('refuses from devices anything but a new answer of the centre to its own threads', async () => {
		const accepted = await push(leitungA, DEVICE_A, [
			change(1, 'feedbackMessages', answer('reply-1', 'kita-a'))
		]);
		const revision = accepted.body.results[0].revision;
		const refused = await push(leitungA, DEVICE_A, [
			change(2, 'feedbackMessages', answer('fake-1', 'kita-a', { author: 'fachberatung' })),
			change(3, 'feedbackMessages', answer('fake-2', 'kita-a', { kind: 'rueckmeldung', verdict: 'passt' })),
			change(4, 'feedbackMessages', answer('fake-3', 'kita-a', { kind: 'erledigt' })),
			change(5, 'feedbackMessages', { text: 'Geändert' }, { recordId: 'reply-1', baseRevision: revision }),
			change(6, 'feedbackMessages', {}, { recordId: 'reply-1', baseRevision: revision, op: 'delete' }),
			change(7, 'feedbackMessages', answer('foreign-1', 'kita-b'))
		]);
		const results = refused.body.results as { status: string; code: string; reason: string }[];
		expect(results.map((r) => r.status)).toEqual(Array(6).fill('rejected'));
		expect(results[0].reason).toBe(
			'Vom Familienzentrum kommen nur Antworten; Rückmeldungen schreibt die Fachberatung.'
		);
		expect(results[1].code).toBe('permission');
		expect(results[2].code).toBe('permission');
		expect(results[3].reason).toBe(
			'Nachrichten im Verlauf einer Rückmeldung lassen sich nicht ändern oder löschen.'
		);
		expect(results[4].reason).toBe(results[3].reason);
		expect(results[5].reason).toBe('Sie dürfen die Daten dieses Familienzentrums nicht ändern.');

		const byAdvisor = await push(inProcessFetch(tokens['beratung']), DEVICE_B, [
			change(1, 'feedbackMessages', answer('advisor-1', 'kita-a'))
		]);
		expect(byAdvisor.body.results[0]).toMatchObject({ status: 'rejected', code: 'permission' });

		const { messages } = await detail();
		expect(messages).toEqual([
			expect.objectContaining({ id: 'reply-1', text: 'Das Foto ist jetzt in der Mappe.' })
		]);
		expect((await detail('beratung-b', 'kita-b')).messages).toEqual([]);
	});
});
