import { beforeEach, describe, expect, it } from 'vitest';
import { freshWorkspace } from '../../../../../tests/fixtures/db/testWorkspace';
import { putRecord } from '$lib/client/db/changes';
import { setActiveFacilityId, setActor } from '$lib/client/db/meta';
import { createFakeFetch, jsonResponse, type FakeFetch } from '$lib/client/sync/fakeServer';
import { dossierSnapshotSchema } from '$lib/domain/dossier/snapshot';
import type { DossierSubmission, DossierSummary } from '$lib/domain/dossier/versions';
import { periodFromKey } from '$lib/domain/periods';
import {
	countQueuedDossiers,
	listLocalSubmissions,
	queueDossier,
	sendQueuedDossiers
} from '$lib/client/services/dossier/queue';
import { prepareDossier } from '$lib/client/services/dossier/prepare';

const PERIOD = periodFromKey('cy-2026')!;

async function centreWithWork() {
	await putRecord('facilities', {
		id: 'kita-a',
		facilityId: 'kita-a',
		name: 'Familienzentrum Sonnenblume',
		sealValidUntil: '2027-07-31',
		catalogueId: 'familienzentrum-nrw',
		catalogueVersion: '2026.1-arbeitsfassung'
	});
	await setActiveFacilityId('kita-a');
	await setActor({ displayName: 'Lea Leitung', userId: 'lea' });
	await putRecord('criterionStatuses', {
		id: 'kita-a:1.1',
		facilityId: 'kita-a',
		criterionId: '1.1',
		status: 'erfuellt'
	});
	await putRecord('criterionStatuses', {
		id: 'kita-a:1.2',
		facilityId: 'kita-a',
		criterionId: '1.2',
		status: 'in_arbeit',
		note: 'Termine stehen noch aus'
	});
	const base = { facilityId: 'kita-a', kind: 'file' as const, criterionIds: ['1.1'] };
	const attachment = {
		sha256: 'a'.repeat(64),
		mimeType: 'application/pdf',
		size: 1200,
		fileName: 'vertrag.pdf'
	};
	await putRecord('evidence', {
		...base,
		id: 'ev-in',
		title: 'Vereinbarung',
		date: '2026-03-01',
		attachment
	});
	await putRecord('evidence', {
		...base,
		id: 'ev-old',
		title: 'Alt, abgelaufen',
		date: '2024-01-01',
		validUntil: '2025-06-30',
		attachment
	});
	await putRecord('evidence', { ...base, id: 'ev-later', title: 'Aus 2027', date: '2027-02-01', attachment });
	await putRecord('evidence', {
		...base,
		id: 'ev-lasting',
		title: 'Dauerhafte Kooperation',
		date: '2024-05-01',
		attachment
	});
}

beforeEach(async () => {
	await freshWorkspace();
});

describe('preparing a dossier', () => {
	it('fixes statuses, the period’s evidence with file references, registers and readiness', async () => {
		await centreWithWork();
		const snapshot = await prepareDossier(PERIOD, new Date('2026-11-23T10:00:00Z'));

		expect(() => dossierSnapshotSchema.parse(snapshot)).not.toThrow();
		expect(snapshot).toMatchObject({
			facility: { id: 'kita-a', name: 'Familienzentrum Sonnenblume', sealValidUntil: '2027-07-31' },
			period: { key: 'cy-2026', start: '2026-01-01', end: '2026-12-31' },
			catalogue: { id: 'familienzentrum-nrw', version: '2026.1-arbeitsfassung', official: false },
			preparedBy: 'Lea Leitung'
		});
		expect(snapshot.statuses.map((s) => [s.criterionId, s.status, s.note])).toEqual([
			['1.1', 'erfuellt', ''],
			['1.2', 'in_arbeit', 'Termine stehen noch aus']
		]);
		// Evidence from after the period and evidence expired before it do not count for it.
		expect(snapshot.evidence.map((e) => e.id)).toEqual(['ev-lasting', 'ev-in']);
		expect(snapshot.evidence[1].attachment?.sha256).toBe('a'.repeat(64));
		expect(snapshot.registerSummaries).toMatchObject({ officeHours: { sessionsHeld: 0 } });
		expect(snapshot.readiness.passes).toBe(false);
		expect(snapshot.readiness.overall.points).toBeGreaterThan(0);
	});
});

describe('the hand-in queue', () => {
	let server: FakeFetch;
	let stored: DossierSummary[];

	beforeEach(() => {
		server = createFakeFetch();
		stored = [];
		server.on('POST /api/dossiers', (body) => {
			const submission = body as DossierSubmission;
			const known = stored.find((d) => d.submissionId === submission.submissionId);
			if (known) return jsonResponse({ dossier: known, created: false });
			const dossier: DossierSummary = {
				id: `d-${stored.length + 1}`,
				submissionId: submission.submissionId,
				facilityId: submission.facilityId,
				periodKey: submission.snapshot.period.key,
				periodLabel: submission.snapshot.period.label,
				version: stored.length + 1,
				catalogueId: submission.snapshot.catalogue.id,
				catalogueVersion: submission.snapshot.catalogue.version,
				readinessPasses: false,
				submittedBy: 'Lea Leitung',
				preparedAt: submission.snapshot.preparedAt,
				receivedAt: '2026-11-23T10:05:00.000Z'
			};
			stored.push(dossier);
			return jsonResponse({ dossier, created: true }, 201);
		});
	});

	async function queued() {
		await centreWithWork();
		return queueDossier(await prepareDossier(PERIOD));
	}

	it('keeps a hand-in made offline until the server confirms it with version and time', async () => {
		const submission = await queued();
		const offline: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
		expect(await sendQueuedDossiers(offline)).toBe('unreachable');
		expect(await countQueuedDossiers()).toBe(1);

		expect(await sendQueuedDossiers(server.fetch)).toBe('done');
		const [local] = await listLocalSubmissions('kita-a');
		expect(local).toMatchObject({
			submissionId: submission.submissionId,
			state: 'sent',
			dossier: { version: 1, receivedAt: '2026-11-23T10:05:00.000Z' }
		});
		expect(await countQueuedDossiers()).toBe(0);
		// Confirmed hand-ins are not sent again.
		await sendQueuedDossiers(server.fetch);
		expect(server.requests.filter((r) => r.path === '/api/dossiers')).toHaveLength(1);
	});

	it('sends a hand-in whose answer was lost again with the same id, so the server keeps one', async () => {
		const submission = await queued();
		let calls = 0;
		const cutAfterArrival: typeof fetch = async (input, init) => {
			calls += 1;
			await server.fetch(input, init);
			if (calls === 1) throw new TypeError('connection reset');
			return server.fetch(input, init);
		};
		expect(await sendQueuedDossiers(cutAfterArrival)).toBe('unreachable');
		expect(await sendQueuedDossiers(cutAfterArrival)).toBe('done');
		expect(stored).toHaveLength(1);
		expect(stored[0].submissionId).toBe(submission.submissionId);
		expect((await listLocalSubmissions('kita-a'))[0].dossier?.version).toBe(1);
	});

	it('waits while the files it cites are still on their way, with the reason', async () => {
		await queued();
		server.on('POST /api/dossiers', () =>
			jsonResponse(
				{ error: { code: 'missing_attachment', message: 'Noch nicht alle Dateien sind auf dem Server.' } },
				409
			)
		);
		expect(await sendQueuedDossiers(server.fetch)).toBe('done');
		expect((await listLocalSubmissions('kita-a'))[0]).toMatchObject({
			state: 'queued',
			problem: 'Noch nicht alle Dateien sind auf dem Server.'
		});
	});

	it('keeps a refused hand-in on the device, marked with the server’s reason', async () => {
		await queued();
		server.on('POST /api/dossiers', () =>
			jsonResponse({ error: { code: 'forbidden', message: 'Nur die Leitung kann die Mappe abgeben.' } }, 403)
		);
		await sendQueuedDossiers(server.fetch);
		expect((await listLocalSubmissions('kita-a'))[0]).toMatchObject({
			state: 'refused',
			problem: 'Nur die Leitung kann die Mappe abgeben.'
		});
	});

	it('stops at an expired session and sends after the next login', async () => {
		await queued();
		const expired: typeof fetch = async () =>
			jsonResponse({ error: { code: 'unauthenticated', message: 'Bitte anmelden.' } }, 401);
		expect(await sendQueuedDossiers(expired)).toBe('needs-login');
		expect(await countQueuedDossiers()).toBe(1);
		expect(await sendQueuedDossiers(server.fetch)).toBe('done');
		expect(await countQueuedDossiers()).toBe(0);
	});
});
