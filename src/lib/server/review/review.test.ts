import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSession } from '$lib/server/auth/sessions';
import { inProcessFetch, type InProcessFetch } from '$lib/server/sync/testing/inProcessFetch';
import {
	change,
	DEVICE_A,
	noteEvidence,
	pull,
	pullAll,
	push,
	statusRecord
} from '$lib/server/sync/testing/syncFixtures';
import { send } from '$lib/server/testing/requests';
import {
	addFacility,
	addUser,
	startTestServer,
	testDialects,
	type TestServer
} from '$lib/server/testing/testServer';
import { postDossier } from '$lib/server/dossier/handlers';
import {
	deleteFeedback,
	getReviewContext,
	getReviewFacilities,
	getReviewFacility,
	putFeedback
} from '$lib/server/review/handlers';
import { sampleSubmission } from '$lib/server/dossier/testing/fixtures';

describe.each(testDialects)('the advisor’s review on %s', (dialect) => {
	let server: TestServer;
	const tokens: Record<string, string> = {};
	let leitungA: InProcessFetch;
	let teamA: InProcessFetch;

	beforeEach(async () => {
		server = await startTestServer(dialect);
		await addFacility(server.ctx, 'kita-a');
		await addFacility(server.ctx, 'kita-b');
		await addFacility(server.ctx, 'kita-c');
		await addUser(server.ctx, { id: 'leitung-a', role: 'leitung', facilityIds: ['kita-a'] });
		await addUser(server.ctx, { id: 'team-a', role: 'team', facilityIds: ['kita-a'] });
		await addUser(server.ctx, { id: 'leitung-b', role: 'leitung', facilityIds: ['kita-b'] });
		await addUser(server.ctx, { id: 'beratung', role: 'fachberatung', facilityIds: ['kita-a', 'kita-c'] });
		await addUser(server.ctx, { id: 'beratung-b', role: 'fachberatung', facilityIds: ['kita-b'] });
		for (const id of ['leitung-a', 'team-a', 'leitung-b', 'beratung', 'beratung-b']) {
			tokens[id] = (await createSession(server.ctx, id)).token;
		}
		leitungA = inProcessFetch(tokens['leitung-a']);
		teamA = inProcessFetch(tokens['team-a']);
		await push(leitungA, DEVICE_A, [
			change(1, 'criterionStatuses', statusRecord('kita-a', '1.1', 'erfuellt')),
			change(2, 'criterionStatuses', statusRecord('kita-a', '1.2', 'in_arbeit')),
			change(3, 'evidence', noteEvidence('kita-a', 'ev-1'))
		]);
	});
	afterEach(() => server.cleanup());

	const listFacilities = (as: string) =>
		send(getReviewFacilities, { path: '/api/review/facilities', token: tokens[as] });
	const facility = (as: string, facilityId: string) =>
		send(getReviewFacility, {
			path: `/api/review/facilities/${facilityId}`,
			params: { facilityId },
			token: tokens[as]
		});
	const context = (as: string, facilityId: string) =>
		send(getReviewContext, {
			path: `/api/review/facilities/${facilityId}/context`,
			params: { facilityId },
			token: tokens[as]
		});
	const feedback = (as: string, facilityId: string, criterionId: string, body: unknown) =>
		send(putFeedback, {
			method: 'PUT',
			path: `/api/review/facilities/${facilityId}/feedback/${criterionId}`,
			params: { facilityId, criterionId },
			body,
			token: tokens[as]
		});
	const withdraw = (as: string, facilityId: string, criterionId: string) =>
		send(deleteFeedback, {
			method: 'DELETE',
			path: `/api/review/facilities/${facilityId}/feedback/${criterionId}`,
			params: { facilityId, criterionId },
			token: tokens[as]
		});

	it('lists the centres assigned to the advisor with readiness, last sync and latest dossier', async () => {
		server.clock.advance(60_000);
		await send(postDossier, {
			path: '/api/dossiers',
			body: sampleSubmission('kita-a'),
			token: tokens['leitung-a']
		});
		const response = await listFacilities('beratung');
		expect(response.status).toBe(200);
		const [a, c] = response.body.facilities;
		expect(response.body.facilities.map((f: { id: string }) => f.id)).toEqual(['kita-a', 'kita-c']);
		expect(a).toMatchObject({
			name: 'Kita kita-a',
			lastSyncAt: '2026-11-23T08:00:00.000Z',
			latestDossier: { version: 1, periodKey: 'cy-2026', receivedAt: '2026-11-23T08:01:00.000Z' },
			readiness: { passes: false, areasCount: 8 },
			openFeedback: 0
		});
		expect(a.readiness.points).toBeGreaterThan(0);
		expect(c).toMatchObject({ lastSyncAt: null, latestDossier: null, readiness: { points: 0 } });
	});

	it('shows one centre criterion by criterion with what it has synced', async () => {
		const response = await facility('beratung', 'kita-a');
		expect(response.status).toBe(200);
		expect(response.body.statuses).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ criterionId: '1.1', status: 'erfuellt' }),
				expect.objectContaining({ criterionId: '1.2', status: 'in_arbeit' })
			])
		);
		expect(response.body.evidence).toEqual([expect.objectContaining({ id: 'ev-1', criterionIds: ['1.1'] })]);
		expect(response.body.catalogue).toMatchObject({ id: 'familienzentrum-nrw' });
		expect(response.body.readiness.areas).toHaveLength(8);
	});

	it('hands the advisor’s feedback to the centre’s devices with the next pull', async () => {
		const before = await pull(teamA, 0);
		const saved = await feedback('beratung', 'kita-a', '1.2', {
			verdict: 'nachbessern',
			text: 'Bitte den Sprechstundenplan als Foto ergänzen.'
		});
		expect(saved.status).toBe(200);
		expect(saved.body.feedback).toMatchObject({
			id: 'kita-a:1.2',
			facilityId: 'kita-a',
			verdict: 'nachbessern',
			reviewerName: 'Person beratung'
		});

		// The verdict and its message in the thread come together, with consecutive revisions.
		const pulled = await pull(teamA, before.cursor);
		expect(pulled.records).toEqual([
			expect.objectContaining({
				table: 'criterionFeedback',
				recordId: 'kita-a:1.2',
				revision: before.cursor + 1,
				deleted: false,
				record: expect.objectContaining({ text: 'Bitte den Sprechstundenplan als Foto ergänzen.' })
			}),
			expect.objectContaining({
				table: 'feedbackMessages',
				recordId: saved.body.message.id,
				revision: before.cursor + 2,
				record: expect.objectContaining({
					criterionId: '1.2',
					author: 'fachberatung',
					authorName: 'Person beratung',
					kind: 'rueckmeldung',
					verdict: 'nachbessern',
					text: 'Bitte den Sprechstundenplan als Foto ergänzen.'
				})
			})
		]);

		server.clock.advance(1000);
		await feedback('beratung', 'kita-a', '1.2', { verdict: 'passt', text: '' });
		const updated = await pull(teamA, pulled.cursor);
		expect(updated.records[0]).toMatchObject({
			revision: pulled.cursor + 1,
			record: { verdict: 'passt', createdAt: saved.body.feedback.createdAt }
		});
		expect(updated.records[1]).toMatchObject({ table: 'feedbackMessages', record: { verdict: 'passt' } });

		// Withdrawing drops the verdict on the devices; the thread stays as history.
		expect((await withdraw('beratung', 'kita-a', '1.2')).body).toMatchObject({ withdrawn: true });
		const gone = await pull(teamA, updated.cursor);
		expect(gone.records).toEqual([expect.objectContaining({ recordId: 'kita-a:1.2', deleted: true })]);
		expect((await withdraw('beratung', 'kita-a', '1.2')).body).toMatchObject({ withdrawn: false });
		const detail = (await facility('beratung', 'kita-a')).body;
		expect(detail.feedback).toEqual([]);
		expect(detail.messages.map((m: { verdict: string }) => m.verdict)).toEqual(['nachbessern', 'passt']);
	});

	it('counts criteria to improve in the advisor’s list', async () => {
		await feedback('beratung', 'kita-a', '1.1', { verdict: 'nachbessern', text: 'Vereinbarung fehlt' });
		await feedback('beratung', 'kita-a', '1.2', { verdict: 'passt', text: '' });
		const [a] = (await listFacilities('beratung')).body.facilities;
		expect(a.openFeedback).toBe(1);
	});

	it('never lets a device change the advisor’s feedback', async () => {
		await feedback('beratung', 'kita-a', '1.1', { verdict: 'nachbessern', text: 'Vereinbarung fehlt' });
		const edited = await push(leitungA, DEVICE_A, [
			change(4, 'criterionFeedback', { verdict: 'passt' }, { recordId: 'kita-a:1.1', baseRevision: 4 })
		]);
		expect(edited.body.results[0]).toMatchObject({ status: 'rejected', code: 'permission' });
		const records = await pullAll(teamA);
		expect(
			records.find((r) => r.recordId === 'kita-a:1.1' && r.table === 'criterionFeedback')?.record
		).toMatchObject({
			verdict: 'nachbessern'
		});
	});

	it('asks what to improve when the verdict is not “passt”', async () => {
		const response = await feedback('beratung', 'kita-a', '1.1', { verdict: 'nachbessern', text: '  ' });
		expect(response.status).toBe(400);
		expect(response.body.error.issues).toContainEqual({
			path: ['text'],
			message: 'Bitte kurz schreiben, was nachgebessert werden soll.'
		});
		expect((await feedback('beratung', 'kita-a', '99.9', { verdict: 'passt', text: '' })).status).toBe(404);
	});

	it('ties feedback to a dossier of the same centre only', async () => {
		const own = await send(postDossier, {
			path: '/api/dossiers',
			body: sampleSubmission('kita-a'),
			token: tokens['leitung-a']
		});
		const other = await send(postDossier, {
			path: '/api/dossiers',
			body: sampleSubmission('kita-b'),
			token: tokens['leitung-b']
		});
		const tied = await feedback('beratung', 'kita-a', '1.1', {
			verdict: 'passt',
			text: '',
			dossierId: own.body.dossier.id
		});
		expect(tied.body.feedback).toMatchObject({ dossierVersion: 1, periodKey: 'cy-2026' });
		const wrong = await feedback('beratung', 'kita-a', '1.1', {
			verdict: 'passt',
			text: '',
			dossierId: other.body.dossier.id
		});
		expect(wrong.status).toBe(400);
	});

	it('gives a version’s review page the versions, feedback and threads alone', async () => {
		await feedback('beratung', 'kita-a', '1.2', { verdict: 'nachbessern', text: 'Bitte ergänzen.' });
		const answer = await context('beratung', 'kita-a');
		expect(answer.status).toBe(200);
		expect(Object.keys(answer.body).sort()).toEqual(['dossiers', 'feedback', 'messages']);
		expect(answer.body.feedback).toEqual([
			expect.objectContaining({ criterionId: '1.2', verdict: 'nachbessern', text: 'Bitte ergänzen.' })
		]);
		expect(answer.body.messages).toEqual([
			expect.objectContaining({ criterionId: '1.2', text: 'Bitte ergänzen.' })
		]);
		// The same answer as the full one in these parts.
		const full = (await facility('beratung', 'kita-a')).body;
		expect(answer.body).toEqual({
			dossiers: full.dossiers,
			feedback: full.feedback,
			messages: full.messages
		});
		expect((await context('beratung', 'kita-b')).status).toBe(404);
		expect((await context('beratung', 'no-such-centre')).status).toBe(404);
		expect((await context('leitung-a', 'kita-a')).status).toBe(403);
	});

	it('shows nothing of a centre not assigned to the advisor', async () => {
		expect((await facility('beratung', 'kita-b')).status).toBe(404);
		expect((await feedback('beratung', 'kita-b', '1.1', { verdict: 'passt', text: '' })).status).toBe(404);
		expect((await withdraw('beratung', 'kita-b', '1.1')).status).toBe(404);
		expect((await facility('beratung', 'no-such-centre')).status).toBe(404);
		expect((await listFacilities('beratung-b')).body.facilities.map((f: { id: string }) => f.id)).toEqual([
			'kita-b'
		]);
	});

	it('keeps the review pages for the Fachberatung', async () => {
		expect((await listFacilities('leitung-a')).status).toBe(403);
		expect((await facility('leitung-a', 'kita-a')).status).toBe(403);
		expect((await feedback('leitung-a', 'kita-a', '1.1', { verdict: 'passt', text: '' })).status).toBe(403);
		expect((await facility('leitung-b', 'kita-a')).status).toBe(404);
		expect((await feedback('leitung-b', 'kita-a', '1.1', { verdict: 'passt', text: '' })).status).toBe(404);
	});
});
