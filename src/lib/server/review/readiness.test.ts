import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db, useWorkspace } from '$lib/client/db';
import { putRecord, softDeleteRecord } from '$lib/client/db/changes';
import { readStatuses } from '$lib/client/db/queries';
import { createSyncApi } from '$lib/client/api/sync';
import { loadRegisterData } from '$lib/client/services/registers/registerData';
import { synchronize } from '$lib/client/sync/sync';
import { today } from '$lib/domain/dates';
import { dossierReadiness } from '$lib/domain/dossier/projection';
import { newFacilityProfile } from '$lib/domain/facilityProfile';
import { computeReadiness, type Readiness } from '$lib/domain/readiness';
import { readinessInput, readinessRound, statusValuesOf } from '$lib/domain/readiness/input';
import { createSession } from '$lib/server/auth/sessions';
import { builtInCatalogue } from '$lib/server/catalogue/catalogueFor';
import { getReviewFacilities, getReviewFacility } from '$lib/server/review/handlers';
import { signedIn } from '$lib/server/sync/testing/inProcessFetch';
import { send } from '$lib/server/testing/requests';
import {
	addTwoCentres,
	startTestServer,
	testDialects,
	type TestServer
} from '$lib/server/testing/testServer';

/**
 * The Fachberatung sees the readiness the centre's tablet shows: a tablet enters statuses, a round
 * and register entries on the 2027.1 catalogue (format 2) and syncs; the advisor's list and detail
 * must give exactly what the tablet computes from its own copy of the same records.
 */

const NOW = new Date('2027-10-01T08:00:00.000Z');
const catalogue = builtInCatalogue;

describe.each(testDialects)('the advisor’s readiness on %s', (dialect) => {
	let server: TestServer;
	let advisorToken: string;
	let tablet: string;

	beforeEach(async () => {
		server = await startTestServer(dialect);
		server.clock.current = NOW;
		await addTwoCentres(server.ctx);
		advisorToken = (await createSession(server.ctx, 'beratung')).token;
		tablet = `tablet-${crypto.randomUUID()}`;
		expect(await useWorkspace(tablet)).toBe('ok');
	});
	afterEach(() => server.cleanup());

	/** Writes the centre's records on the tablet and syncs them to the server. */
	async function enter(options: { verbund: boolean; form: 'einzel' | 'verbund' }) {
		expect(catalogue.version).toBe('2027.1-arbeitsfassung');
		const profile = newFacilityProfile(
			{ id: 'kita-a', name: 'FZ Sonne', catalogueId: catalogue.id, catalogueVersion: catalogue.version },
			{ now: NOW.toISOString(), updatedBy: 'Tablet' }
		);
		const members = options.verbund ? [{ id: 'kita-a-mond', name: 'Kita Mond', address: '' }] : [];
		await putRecord('facilities', { ...profile, verbundMembers: members });
		const base = { facilityId: 'kita-a', deleted: false };
		await putRecord('certificationRounds', {
			...base,
			id: 'round-2027',
			kind: 'neu',
			form: options.form,
			periodKind: 'kalenderjahr',
			periodStart: '2027-01-01',
			periodEnd: '2027-12-31'
		});
		for (const criterionId of ['1.2', '5.5', '6.8']) {
			await putRecord('criterionStatuses', {
				...base,
				id: `kita-a:${criterionId}`,
				criterionId,
				status: 'erfuellt',
				note: ''
			});
		}
		const offer = { ...base, free: true, location: 'im_zentrum' as const };
		// 2.3 asks only for one Elterncafé in the period: a threshold, no mark.
		await putRecord('familyEducationOffers', {
			...offer,
			id: 'fb-cafe',
			title: 'Elterncafé',
			kind: 'elterncafe',
			sessions: [{ date: '2027-03-10', participants: 8 }]
		});
		// 2.10 would be met by this course, were it not deleted.
		await putRecord('familyEducationOffers', {
			...offer,
			id: 'fb-sprache',
			title: 'Deutsch für Eltern',
			kind: 'sprachkurs',
			sessions: [{ date: '2027-04-14', participants: 6 }]
		});
		await softDeleteRecord('familyEducationOffers', 'fb-sprache');
		// 3.3 asks for 5 contacts: 3 live, 4 more only in a deleted entry.
		await putRecord('childminderContacts', {
			...base,
			id: 'kt-1',
			date: '2027-02-01',
			kind: 'vermittlung',
			count: 3
		});
		await putRecord('childminderContacts', {
			...base,
			id: 'kt-2',
			date: '2027-05-01',
			kind: 'beratung',
			count: 4
		});
		await softDeleteRecord('childminderContacts', 'kt-2');
		const api = createSyncApi((await signedIn(server.ctx, 'leitung-a')).fetch);
		expect(await synchronize(db, api)).toMatchObject({ rejected: 0 });
	}

	/** What the tablet's Übersicht computes from its own database (state/readiness.svelte.ts). */
	async function onTablet(options: { withVariant?: boolean } = {}): Promise<Readiness> {
		const day = today(NOW);
		const profile = await db.facilities.get('kita-a');
		const rounds = await db.certificationRounds.where({ facilityId: 'kita-a' }).toArray();
		const { round, period } = readinessRound(rounds, catalogue, day);
		const data = await loadRegisterData('kita-a', period, db);
		return computeReadiness(
			readinessInput({
				catalogue,
				profile,
				statuses: statusValuesOf((await readStatuses('kita-a', db)).values()),
				round: options.withVariant === false ? null : round,
				registers: { data, period, today: day }
			})
		);
	}

	async function advisorView() {
		const list = await send(getReviewFacilities, { path: '/api/review/facilities', token: advisorToken });
		const detail = await send(getReviewFacility, {
			path: '/api/review/facilities/kita-a',
			params: { facilityId: 'kita-a' },
			token: advisorToken
		});
		expect(list.status).toBe(200);
		expect(detail.status).toBe(200);
		return { summary: list.body.facilities[0], detail: detail.body };
	}

	/** The portfolio's figures (issue 15: points and Basis against the minimums, without sentences). */
	function expectSame(summary: Record<string, unknown>, readiness: Readiness) {
		expect(summary.readiness).toEqual({
			passes: readiness.passes,
			points: readiness.overall.points,
			pointsRequired: readiness.overall.pointsRequired,
			basisLeistung: readiness.overall.basisLeistung,
			basisLeistungRequired: readiness.overall.basisLeistungRequired,
			basisStruktur: readiness.overall.basisStruktur,
			basisStrukturRequired: readiness.overall.basisStrukturRequired,
			areasPassing: readiness.areas.filter((a) => a.passes).length,
			areasCount: readiness.areas.length
		});
	}

	it('counts a threshold the registers reach as the tablet does, deleted entries not', async () => {
		await enter({ verbund: false, form: 'einzel' });
		const device = await onTablet();
		expect(device.metByParts).toContain('2.3');
		expect(device.metByParts).not.toContain('2.10');
		expect(device.metByParts).not.toContain('3.3');

		const { summary, detail } = await advisorView();
		expect(summary.catalogue).toMatchObject({ version: '2027.1-arbeitsfassung' });
		expectSame(summary, device);
		expect(detail.readiness).toEqual(dossierReadiness(device));
		const area = (r: { areas: { areaId: string; points: number }[] }) =>
			r.areas.find((a) => a.areaId === 'L2')!.points;
		// The Elterncafé's point is there, which statuses alone would not give.
		expect(area(detail.readiness)).toBe(area(device));
		expect(area(device)).toBeGreaterThanOrEqual(1);
	});

	it('leaves out what the Verbund round’s questionnaire does not ask', async () => {
		await enter({ verbund: true, form: 'verbund' });
		const device = await onTablet();
		const everyCriterion = await onTablet({ withVariant: false });
		// 5.5 is asked only in a Rezertifizierung: its 2 points do not count in this round.
		expect(device.overall.points).toBe(everyCriterion.overall.points - 2);

		const { summary, detail } = await advisorView();
		expectSame(summary, device);
		expect(detail.readiness).toEqual(dossierReadiness(device));
	});
});
