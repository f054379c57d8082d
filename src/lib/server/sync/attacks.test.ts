import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addTwoCentres, startTestServer, testDialects, type TestServer } from '../testing/testServer';
import { up as removeSquattedIds } from './migrations/20261204T2200_squatted_ids';
import { syncDb } from './schema';
import { saveRecords } from './store';
import { inProcessFetch, signedIn, type InProcessFetch } from './testing/inProcessFetch';
import { change, DEVICE_A, pullAll, push, statusRecord, T0 } from './testing/syncFixtures';

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
			await saveRecords(syncDb(server.ctx.db), [...squatted, ...own]);
			const blocked = await push(leitungA, DEVICE_A, [
				change(1, 'criterionStatuses', statusRecord('kita-a', '1.1', 'offen'))
			]);
			expect(blocked.body.results[0]).toMatchObject({ status: 'rejected', code: 'permission' });

			await removeSquattedIds(server.ctx.db);

			const rows = await syncDb(server.ctx.db).selectFrom('sync_records').select('record_id').execute();
			expect(rows.map((r) => r.record_id).sort()).toEqual(own.map((r) => r.recordId).sort());
			const freed = await push(leitungA, DEVICE_A, [
				change(2, 'criterionStatuses', statusRecord('kita-a', '1.1', 'offen'))
			]);
			expect(freed.body.results[0]).toMatchObject({ status: 'accepted' });
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
