import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getAudit, patchUser, putAssignments } from '$lib/server/accounts/handlers';
import { postLogin } from '$lib/server/auth/handlers';
import { getHealth } from '$lib/server/http/health';
import { patchTeamMember, postTeamMember } from '$lib/server/accounts/handlers';
import { createSession } from '$lib/server/auth/sessions';
import { postDossier } from '$lib/server/dossier/handlers';
import { putFeedback } from '$lib/server/review/handlers';
import { sampleSubmission } from '$lib/server/dossier/testing/fixtures';
import { MAX_JSON_DEPTH } from '$lib/server/http/jsonLimits';
import { send } from '$lib/server/testing/requests';
import {
	addTwoCentres,
	addUser,
	startTestServer,
	testDialects,
	type TestServer
} from '$lib/server/testing/testServer';
import { up as removeSquattedIds } from '$lib/server/db/migrations/20261204T2200_squatted_ids';
import { saveRecords } from './store';
import { inProcessFetch, signedIn, type InProcessFetch } from './testing/inProcessFetch';
import {
	change,
	DEVICE_A,
	DEVICE_B,
	noteEvidence,
	pullAll,
	push,
	statusRecord,
	T0
} from './testing/syncFixtures';

/**
 * An attacker holding a second centre's Leitung account (kita-b), and the harm the server must not
 * let her do to kita-a or to itself. Each class of the security issue, on both databases.
 */

const DEVICE_C = '0c0c0c0c-0000-4000-8000-00000000000c';

function base(facilityId: string, id: string) {
	return { id, facilityId, createdAt: T0, updatedAt: T0, updatedBy: 'Tablet', deleted: false };
}

/** A record of each table whose ids are made from the facility id, as the app makes them. */
function derivedRecords(facilityId: string): { table: string; values: Record<string, unknown> }[] {
	return [
		{
			table: 'facilities',
			values: { ...base(facilityId, facilityId), name: 'Kita', catalogueId: 'gs', catalogueVersion: '1' }
		},
		{ table: 'criterionStatuses', values: statusRecord(facilityId, '1.1', 'erfuellt') },
		{
			table: 'preventionProfiles',
			values: {
				...base(facilityId, `${facilityId}:praevention`),
				agreement: { signedOn: '2024-05-01', validUntil: null, attachment: null },
				networkKind: 'kommunale_praeventionskette',
				networkName: 'Präventionskette Musterstadt',
				role: 'anlaufstelle'
			}
		},
		{
			table: 'registerCitations',
			values: {
				...base(facilityId, `1.1~prp~${facilityId}:praevention`),
				criterionId: '1.1',
				registerTable: 'preventionProfiles',
				entryId: `${facilityId}:praevention`
			}
		}
	];
}

function deeplyNested(depth: number): unknown {
	let value: unknown = 'tief';
	for (let i = 0; i < depth; i++) value = { inner: value };
	return value;
}

describe.each(testDialects)('attacks on sync, hand-in and review on %s', (dialect) => {
	let server: TestServer;
	let leitungA: InProcessFetch;
	let teamA: InProcessFetch;
	let leitungB: InProcessFetch;

	beforeEach(async () => {
		server = await startTestServer(dialect);
		await addTwoCentres(server.ctx);
		leitungA = await signedIn(server.ctx, 'leitung-a');
		teamA = await signedIn(server.ctx, 'team-a');
		leitungB = await signedIn(server.ctx, 'leitung-b');
	});
	afterEach(() => server.cleanup());

	const health = async () => (await send(getHealth, { path: '/api/health' })).status;

	describe('ids made from the facility', () => {
		it('lets no centre create a record under another centre’s id, and the rightful one still can', async () => {
			const squats = derivedRecords('kita-a').map(({ table, values }, i) =>
				change(i + 1, table, { ...values, facilityId: 'kita-b' })
			);
			const squatted = await push(leitungB, DEVICE_C, squats);
			expect(squatted.status).toBe(200);
			for (const result of squatted.body.results) {
				expect(result).toMatchObject({
					status: 'rejected',
					code: 'permission',
					reason: 'Sie dürfen die Daten dieses Familienzentrums nicht ändern.'
				});
			}
			expect(await pullAll(leitungB)).toEqual([]);

			const rightful = derivedRecords('kita-a').map(({ table, values }, i) => change(i + 1, table, values));
			const created = await push(leitungA, DEVICE_A, rightful);
			expect(created.body.results.map((r) => r.status)).toEqual(rightful.map(() => 'accepted'));
			expect((await pullAll(teamA)).map((r) => r.recordId).sort()).toEqual(
				rightful.map((c) => c.recordId).sort()
			);
		});

		it('answers a foreign id the same whether or not the other centre has the record', async () => {
			// As a new record (with a facility) and as an edit (without one), for every derived table.
			const attempts = (seq: number) =>
				derivedRecords('kita-a').flatMap(({ table, values }, i) => [
					change(seq + 2 * i, table, { ...values, facilityId: 'kita-b' }),
					change(seq + 2 * i + 1, table, { updatedBy: 'Angreiferin' }, { recordId: String(values.id) })
				]);
			const before = await push(leitungB, DEVICE_C, attempts(1));

			const rightful = derivedRecords('kita-a').map(({ table, values }, i) => change(i + 1, table, values));
			await push(leitungA, DEVICE_A, rightful);
			const after = await push(leitungB, DEVICE_C, attempts(before.body.lastSeq + 1));

			const answer = (r: { status: string; code?: string; reason?: string }) => [r.status, r.code, r.reason];
			expect(after.body.results.map(answer)).toEqual(before.body.results.map(answer));
			expect(new Set(after.body.results.map((r) => r.status))).toEqual(new Set(['rejected']));
		});

		it('refuses an own id that names another facility in the record', async () => {
			const values = { ...statusRecord('kita-a', '1.2', 'offen'), facilityId: 'kita-b' };
			const pushed = await push(leitungA, DEVICE_A, [change(1, 'criterionStatuses', values)]);
			expect(pushed.body.results[0]).toMatchObject({ status: 'rejected', code: 'validation' });
			expect(pushed.body.results[0].reason).toMatch(/anderen Familienzentrum/);
		});

		it('removes records taken under another centre’s id before the fix, so their owner can write', async () => {
			const squatted = derivedRecords('kita-a').map(({ table, values }) => ({
				table,
				recordId: String(values.id),
				facilityId: 'kita-b',
				record: { ...values, facilityId: 'kita-b' },
				revision: 1,
				fieldRevisions: {},
				fieldWriters: {},
				deleted: false
			}));
			const own = derivedRecords('kita-b').map(({ table, values }) => ({
				table,
				recordId: String(values.id),
				facilityId: 'kita-b',
				record: values,
				revision: 2,
				fieldRevisions: {},
				fieldWriters: {},
				deleted: false
			}));
			await saveRecords(server.ctx.db, [...squatted, ...own]);
			const blocked = await push(leitungA, DEVICE_A, [
				change(1, 'criterionStatuses', statusRecord('kita-a', '1.1', 'offen'))
			]);
			expect(blocked.body.results[0]).toMatchObject({ status: 'rejected', code: 'permission' });

			await removeSquattedIds(server.ctx.db);

			const rows = await server.ctx.db.selectFrom('sync_records').select('record_id').execute();
			expect(rows.map((r) => r.record_id).sort()).toEqual(own.map((r) => r.recordId).sort());
			const freed = await push(leitungA, DEVICE_A, [
				change(2, 'criterionStatuses', statusRecord('kita-a', '1.1', 'offen'))
			]);
			expect(freed.body.results[0]).toMatchObject({ status: 'accepted' });
		});
	});

	describe('values', () => {
		async function contestedTitle(otherTitle: unknown) {
			await push(leitungA, DEVICE_A, [change(1, 'evidence', noteEvidence('kita-a', 'ev-1'))]);
			await push(teamA, DEVICE_B, [
				change(1, 'evidence', { title: 'Aushang im Flur' }, { recordId: 'ev-1', baseRevision: 1 })
			]);
			// Made on revision 1, so the title clashes with the edit of the other tablet.
			return push(leitungA, DEVICE_A, [
				change(2, 'evidence', { title: otherTitle, note: 'Neu' }, { recordId: 'ev-1', baseRevision: 1 })
			]);
		}

		it('never hands an invalid losing value of a conflict to the centre’s devices', async () => {
			const pushed = await contestedTitle({ attack: ['beliebiges', { json: true }] });
			expect(pushed.body.results[0]).toMatchObject({ status: 'rejected', code: 'validation' });
			expect(pushed.body.results[0].reason).toMatch(/abweichende Wert für „title“/);
			const records = await pullAll(teamA);
			expect(records.filter((r) => r.table === 'syncConflicts')).toEqual([]);
			// Nothing of the rejected change was applied either.
			expect(records.find((r) => r.recordId === 'ev-1')?.record.note).toBe('');
		});

		it('stores a valid losing value as a conflict, as the schema reads it', async () => {
			const pushed = await contestedTitle('  Sprechstunde  ');
			expect(pushed.body.results[0]).toMatchObject({ status: 'accepted' });
			const conflicts = (await pullAll(teamA)).filter((r) => r.table === 'syncConflicts');
			expect(conflicts).toHaveLength(1);
			expect(conflicts[0].record).toMatchObject({ field: 'title', keptValue: 'Aushang im Flur' });
			expect(typeof conflicts[0].record.otherValue).toBe('string');
		});

		it('keeps the revision when a change holds only fields the schema does not know or the same values', async () => {
			await push(leitungA, DEVICE_A, [change(1, 'evidence', noteEvidence('kita-a', 'ev-1'))]);
			const before = await pullAll(teamA);
			const pushed = await push(leitungA, DEVICE_A, [
				change(
					2,
					'evidence',
					{ unbekannt: 'x', updatedAt: '2026-11-24T08:00:00.000Z' },
					{ recordId: 'ev-1', baseRevision: 1 }
				),
				change(3, 'evidence', { title: 'Aushang Sprechstunde' }, { recordId: 'ev-1', baseRevision: 1 })
			]);
			expect(pushed.body.results).toEqual([
				{ seq: 2, status: 'accepted', revision: 1 },
				{ seq: 3, status: 'accepted', revision: 1 }
			]);
			expect(await pullAll(teamA)).toEqual(before);
		});

		it('answers a deeply nested push or hand-in with 400, and the server goes on', async () => {
			// Written out: deeper than JSON.stringify itself could serialise.
			const depth = 100_000;
			const body = JSON.stringify({
				deviceId: DEVICE_A,
				changes: [change(1, 'evidence', noteEvidence('kita-a', 'ev-1'))]
			}).replace('"note":""', `"note":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);
			const pushed = await leitungA.fetch('/api/sync/push', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body
			});
			expect(pushed.status).toBe(400);
			expect(await pushed.json()).toMatchObject({ error: { code: 'too_deep' } });

			const submission = sampleSubmission('kita-a');
			const token = (await createSession(server.ctx, 'leitung-a')).token;
			const nestedDossier = {
				...submission,
				snapshot: { ...submission.snapshot, registerSummaries: { tief: deeplyNested(MAX_JSON_DEPTH) } }
			};
			const handedIn = await send(postDossier, { path: '/api/dossiers', body: nestedDossier, token });
			expect(handedIn.status).toBe(400);
			expect(handedIn.body.error.code).toBe('too_deep');
			expect(await health()).toBe(200);
		});

		it('answers a body beyond the size limit with 400', async () => {
			const values = { ...noteEvidence('kita-a', 'ev-1'), note: 'x'.repeat(9 * 1024 * 1024) };
			const pushed = await push(leitungA, DEVICE_A, [change(1, 'evidence', values)]);
			expect(pushed.status).toBe(400);
			expect(pushed.body.error).toMatchObject({ code: 'too_large' });
			expect(pushed.body.error.message).toBe('Die Anfrage ist zu groß (höchstens 8 MB).');
		});

		it('refuses control characters in ids, keeps a NUL inside a note, and never answers 500', async () => {
			const badId = await push(leitungA, DEVICE_A, [
				change(1, 'evidence', noteEvidence('kita-a', 'ev\u00001'))
			]);
			expect(badId.status).toBe(400);
			expect(JSON.stringify(badId.body)).toContain('Steuerzeichen');

			const withNul = await push(leitungA, DEVICE_A, [
				change(1, 'evidence', noteEvidence('kita-a', 'ev-1', { note: 'vor\u0000nach' }))
			]);
			expect(withNul.body.results[0]).toMatchObject({ status: 'accepted' });
			expect((await pullAll(teamA))[0].record.note).toBe('vor\u0000nach');

			// A field name with NUL inside a value ends up in a stored rejection reason.
			const strange = await push(leitungA, DEVICE_A, [
				change(2, 'evidence', { ...noteEvidence('kita-a', 'ev-2'), attachment: { 'a\u0000b': 1 } })
			]);
			expect(strange.status).toBe(200);
			expect(strange.body.results[0]).toMatchObject({ status: 'rejected', code: 'validation' });

			const huge = await send(postLogin, {
				path: '/api/auth/login',
				body: { email: 'leitung-a@test.example', password: 'x'.repeat(100_000) }
			});
			expect(huge.status).toBe(400);
			expect(huge.body.error.message).toBe('Die Anfrage ist zu groß (höchstens 64 KB).');

			const login = await send(postLogin, {
				path: '/api/auth/login',
				body: { email: 'leitung-a@test.example\u0000', password: 'x' }
			});
			expect(login.status).toBe(400);

			const token = (await createSession(server.ctx, 'leitung-a')).token;
			const feedback = await send(putFeedback, {
				method: 'PUT',
				path: '/api/review/facilities/kita-a/feedback/1.1',
				params: { facilityId: 'kita-a', criterionId: '1.1\u0000' },
				body: { verdict: 'passt', text: '' },
				token
			});
			expect(feedback.status).toBe(404);
			expect(await health()).toBe(200);
		});

		it('refuses NUL and control characters in team and admin input with 4xx, never 500', async () => {
			await addUser(server.ctx, { id: 'admin', role: 'admin' });
			const leitung = (await createSession(server.ctx, 'leitung-a')).token;
			const admin = (await createSession(server.ctx, 'admin')).token;
			const answers = await Promise.all([
				send(postTeamMember, {
					path: '/api/team',
					body: { email: 'neu@test.example', displayName: 'Neu\u0000', facilityIds: ['kita-a'] },
					token: leitung
				}),
				send(patchTeamMember, {
					method: 'PATCH',
					path: '/api/team/x',
					params: { id: 'team-a\u0000' },
					body: { disabled: true },
					token: leitung
				}),
				send(putAssignments, {
					method: 'PUT',
					path: '/api/admin/assignments',
					body: { advisorId: 'beratung', facilityIds: ['kita-a\u0000'] },
					token: admin
				}),
				send(patchUser, {
					method: 'PATCH',
					path: '/api/admin/users/x',
					params: { id: 'x'.repeat(500) },
					body: { disabled: true },
					token: admin
				}),
				send(getAudit, { path: '/api/admin/audit?facilityId=kita-a%00', token: admin })
			]);
			expect(answers.map((a) => a.status)).toEqual([400, 404, 400, 404, 400]);
			for (const answer of answers) expect(typeof answer.body.error.message).toBe('string');
		});

		it('gives many hand-ins of one centre arriving together versions in order, never 500', async () => {
			const token = (await createSession(server.ctx, 'leitung-a')).token;
			const results = await Promise.all(
				Array.from({ length: 12 }, () =>
					send(postDossier, { path: '/api/dossiers', body: sampleSubmission('kita-a'), token })
				)
			);
			expect(results.map((r) => r.status)).toEqual(results.map(() => 201));
			const versions = results.map((r) => r.body.dossier.version as number).sort((a, b) => a - b);
			expect(versions).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
		});
	});

	it('keeps an unauthenticated client out of all of it', async () => {
		const anonymous = inProcessFetch(null);
		const pushed = await push(anonymous, DEVICE_C, [
			change(1, 'criterionStatuses', statusRecord('kita-a', '1.1', 'offen'))
		]);
		expect(pushed.status).toBe(401);
	});
});
