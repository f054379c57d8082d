import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReviewFacilitySummary } from '$lib/domain/dossier/review';
import type { SessionUser } from '$lib/domain/accounts';
import { createSession } from '$lib/server/auth/sessions';
import { builtInCatalogue } from '$lib/server/catalogue/catalogueFor';
import { inProcessFetch } from '$lib/server/sync/testing/inProcessFetch';
import { change, DEVICE_A, push, statusRecord } from '$lib/server/sync/testing/syncFixtures';
import { getReviewFacilities } from '$lib/server/review/handlers';
import { listReviewFacilities } from '$lib/server/review/portfolio';
import { seededCentreId, seedPortfolio } from '$lib/server/review/testing/portfolioSeed';
import { send } from '$lib/server/testing/requests';
import {
	addFacility,
	addUser,
	startTestServer,
	testDialects,
	type TestServer
} from '$lib/server/testing/testServer';

/** Counts the queries a piece of work sends, to show the list does not ask once per centre. */
function queryCounter(): KyselyPlugin & { count: number } {
	return {
		count: 0,
		transformQuery(args: PluginTransformQueryArgs) {
			this.count++;
			return args.node;
		},
		transformResult: async (args: PluginTransformResultArgs) => args.result
	};
}

describe.each(testDialects)('the advisor’s portfolio of 300 centres on %s', (dialect) => {
	let server: TestServer;
	const tokens: Record<string, string> = {};

	beforeEach(async () => {
		server = await startTestServer(dialect);
		await addUser(server.ctx, { id: 'beratung', role: 'fachberatung' });
		await seedPortfolio(server.ctx, 'beratung', 300);
		await addFacility(server.ctx, 'kita-fremd');
		await addUser(server.ctx, { id: 'beratung-b', role: 'fachberatung', facilityIds: ['kita-fremd'] });
		await addUser(server.ctx, { id: 'leitung-fremd', role: 'leitung', facilityIds: ['kita-fremd'] });
		for (const id of ['beratung', 'beratung-b', 'leitung-fremd']) {
			tokens[id] = (await createSession(server.ctx, id)).token;
		}
	});
	afterEach(() => server.cleanup());

	const list = (as: string) =>
		send(getReviewFacilities, { path: '/api/review/facilities', token: tokens[as] });

	it('lists every assigned centre with its figures', async () => {
		const response = await list('beratung');
		expect(response.status).toBe(200);
		const rows: ReviewFacilitySummary[] = response.body.facilities;
		expect(rows).toHaveLength(300);
		const byId = new Map(rows.map((r) => [r.id, r]));
		const c0 = byId.get(seededCentreId(0))!;
		expect(c0).toMatchObject({
			name: 'Familienzentrum 000',
			sealValidUntil: '2027-02-28',
			// Today is 2026-11-23: the round's period ends before documents are due and the visit.
			nextDate: { kind: 'periodEnd', date: '2026-12-31' },
			lastSyncAt: '2026-11-23T08:00:00.000Z',
			latestDossier: { version: 1, receivedAt: '2026-11-23T09:00:00.000Z' },
			openFeedback: 1,
			unansweredReplies: 0,
			readiness: { passes: false, points: 0 }
		});
		expect(c0.readiness.basisLeistungRequired + c0.readiness.basisStrukturRequired).toBeGreaterThan(0);
		expect(byId.get(seededCentreId(1))).toMatchObject({
			sealValidUntil: '2029-07-31',
			lastSyncAt: null,
			latestDossier: null,
			openFeedback: 0,
			unansweredReplies: 1
		});
		expect(byId.get(seededCentreId(2))).toMatchObject({ openFeedback: 0, unansweredReplies: 0 });
		expect(byId.get(seededCentreId(4))!.readiness.points).toBeGreaterThan(0);
		expect(rows.reduce((n, r) => n + r.openFeedback, 0)).toBe(75);
		expect(rows.reduce((n, r) => n + r.unansweredReplies, 0)).toBe(75);
		expect(rows.filter((r) => r.latestDossier).length).toBe(60);
	});

	it('reads all 300 centres in a few queries, not one per centre', async () => {
		const counter = queryCounter();
		const ctx = { ...server.ctx, db: server.ctx.db.withPlugin(counter) };
		const user: SessionUser = {
			id: 'beratung',
			email: 'beratung@test.example',
			displayName: 'Person beratung',
			role: 'fachberatung',
			facilities: Array.from({ length: 300 }, (_, i) => {
				const id = seededCentreId(i);
				return { id, name: `Kita ${id}`, familienzentrum: id };
			})
		};
		const rows = await listReviewFacilities(ctx, user);
		expect(rows).toHaveLength(300);
		expect(counter.count).toBeLessThanOrEqual(8);
	});

	it('follows a centre’s new records and the day, though unchanged centres are not worked out again', async () => {
		const centre = seededCentreId(4);
		await addUser(server.ctx, { id: 'leitung-4', role: 'leitung', facilityIds: [centre] });
		const rowOf = async (id: string): Promise<ReviewFacilitySummary> =>
			(await list('beratung')).body.facilities.find((f: ReviewFacilitySummary) => f.id === id);
		const before = await rowOf(centre);
		const other = await rowOf(seededCentreId(5));
		expect(before.readiness.points).toBeGreaterThan(0);

		// The centre's Leitung sets further criteria „erfüllt“ on her tablet; the sync brings them.
		const criteria = builtInCatalogue.criteria.slice(4, 12);
		const pushed = await push(
			inProcessFetch((await createSession(server.ctx, 'leitung-4')).token),
			DEVICE_A,
			criteria.map((c, i) => change(i + 1, 'criterionStatuses', statusRecord(centre, c.id, 'erfuellt')))
		);
		expect(pushed.status).toBe(200);
		const after = await rowOf(centre);
		expect(after.readiness.points).toBeGreaterThan(before.readiness.points);
		expect(await rowOf(seededCentreId(5))).toEqual(other);

		// A new day: the period of the round has ended, the documents are due next.
		expect(other.nextDate).toEqual({ kind: 'periodEnd', date: '2026-12-31' });
		server.clock.advance(40 * 24 * 60 * 60 * 1000);
		tokens.beratung = (await createSession(server.ctx, 'beratung')).token; // hers expired meanwhile
		expect((await rowOf(seededCentreId(5))).nextDate).toEqual({ kind: 'documentsDue', date: '2027-01-31' });
	});

	it('shows an advisor only her own centres', async () => {
		const response = await list('beratung-b');
		expect(response.body.facilities.map((f: { id: string }) => f.id)).toEqual(['kita-fremd']);
		const mine = (await list('beratung')).body.facilities.map((f: { id: string }) => f.id);
		expect(mine).not.toContain('kita-fremd');
	});

	it('keeps the portfolio for the Fachberatung', async () => {
		const response = await list('leitung-fremd');
		expect(response.status).toBe(403);
		expect(response.body.error.message).toBe('Diese Ansicht ist für die Fachberatung.');
	});
});
