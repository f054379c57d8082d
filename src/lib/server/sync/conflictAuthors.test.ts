import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	addTwoCentres,
	startTestServer,
	testDialects,
	type TestServer
} from '$lib/server/testing/testServer';
import { signedIn, type InProcessFetch } from './testing/inProcessFetch';
import { change, DEVICE_A, DEVICE_B, pull, pullAll, push, statusRecord } from './testing/syncFixtures';

const DEVICE_C = '0c0c0c0c-0000-4000-8000-00000000000c';

describe.each(testDialects)('who wrote the kept value of a conflict, on %s', (dialect) => {
	let server: TestServer;
	let leitungA: InProcessFetch;
	let teamA: InProcessFetch;

	beforeEach(async () => {
		server = await startTestServer(dialect);
		await addTwoCentres(server.ctx);
		leitungA = await signedIn(server.ctx, 'leitung-a');
		teamA = await signedIn(server.ctx, 'team-a');
	});
	afterEach(() => server.cleanup());

	it('names the author and time of the kept value when the record’s last change set it', async () => {
		await push(leitungA, DEVICE_A, [change(1, 'criterionStatuses', statusRecord('kita-a', '1.1', 'offen'))]);
		const [base] = (await pull(teamA)).records;
		const at = { recordId: base.recordId, baseRevision: base.revision };
		await push(leitungA, DEVICE_A, [
			change(
				2,
				'criterionStatuses',
				{ note: 'Text von Leitung' },
				{ ...at, changedAt: '2026-11-23T08:30:00.000Z' }
			)
		]);
		const fromB = await push(teamA, DEVICE_B, [
			change(1, 'criterionStatuses', { note: 'Text vom Team' }, at)
		]);
		expect(fromB.body.results[0].conflicts).toEqual([
			expect.objectContaining({
				field: 'note',
				keptValue: 'Text von Leitung',
				keptBy: 'Person leitung-a',
				keptAt: '2026-11-23T08:30:00.000Z',
				otherBy: 'Person team-a'
			})
		]);
		const conflict = (await pullAll(leitungA)).find((r) => r.table === 'syncConflicts');
		expect(conflict?.record).toMatchObject({
			keptBy: 'Person leitung-a',
			keptAt: '2026-11-23T08:30:00.000Z'
		});
	});

	it('names the kept value’s author through her device when a later change of another field came from someone else', async () => {
		await push(leitungA, DEVICE_A, [change(1, 'criterionStatuses', statusRecord('kita-a', '1.1', 'offen'))]);
		const [base] = (await pull(teamA)).records;
		const at = { recordId: base.recordId, baseRevision: base.revision };
		await push(leitungA, DEVICE_A, [change(2, 'criterionStatuses', { status: 'erfuellt' }, at)]);
		const [afterLeitung] = (await pull(teamA)).records.filter((r) => r.table === 'criterionStatuses');
		await push(teamA, DEVICE_B, [
			change(
				1,
				'criterionStatuses',
				{ note: 'Nur die Notiz' },
				{ recordId: base.recordId, baseRevision: afterLeitung.revision }
			)
		]);
		// A second tablet of the team, still on the first revision, sets the status.
		const fromC = await push(teamA, DEVICE_C, [change(1, 'criterionStatuses', { status: 'in_arbeit' }, at)]);
		expect(fromC.body.results[0].conflicts).toEqual([
			expect.objectContaining({ field: 'status', keptBy: 'Person leitung-a', keptAt: null })
		]);
	});
});
