import { beforeEach, describe, expect, it, vi } from 'vitest';
import { switchFrom, switchTo } from '$fixtures/catalogueSwitch';
import { freshWorkspace } from '../../../../tests/fixtures/db/testWorkspace';
import { putRecord, updateRecord } from '$lib/client/db/changes';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import { readStatuses } from '$lib/client/db/queries';
import { builtInCatalogue, catalogueKey, saveImportedCatalogue } from '$lib/client/services/catalogue';
import { prepareDossier } from '$lib/client/services/dossier/prepare';
import { listLocalSubmissions, queueDossier } from '$lib/client/services/dossier/queue';
import { ensureFacility } from '$lib/client/services/facility';
import { calendarYear } from '$lib/domain/periods';
import { registerCitationId } from '$lib/domain/registers/citations';
import { readServerCatalogueKey, writeServerCatalogueKey } from './catalogueServerVersion';
import {
	learnActiveCatalogue,
	learnFacilityCatalogue,
	listSwitchTargets,
	previewSwitch,
	takeOverCatalogue
} from './catalogueSwitch';

let db: WorkspaceDb;
let facilityId: string;
const FROM = { catalogueId: switchFrom.id, version: switchFrom.version };
const TO = { catalogueId: switchTo.id, version: switchTo.version };

beforeEach(async () => {
	db = await freshWorkspace();
	facilityId = (await ensureFacility(switchFrom.id, switchFrom.version)).id;
	expect((await saveImportedCatalogue(db, switchFrom)).ok).toBe(true);
	expect((await saveImportedCatalogue(db, switchTo)).ok).toBe(true);
});

async function seedCentre() {
	const status = (criterionId: string, value: 'erfuellt' | 'in_arbeit', note = '') =>
		putRecord('criterionStatuses', {
			id: `${facilityId}:${criterionId}`,
			facilityId,
			criterionId,
			status: value,
			note
		});
	await status('1.1', 'erfuellt');
	await status('1.2', 'in_arbeit', 'Vertrag wird unterschrieben');
	await status('2.2', 'erfuellt');
	await putRecord('evidence', {
		id: 'e1',
		facilityId,
		kind: 'note',
		title: 'Vertragsentwurf',
		date: '2026-10-01',
		criterionIds: ['1.2']
	});
	await putRecord('evidence', {
		id: 'e2',
		facilityId,
		kind: 'note',
		title: 'Fragebogen',
		date: '2026-10-01',
		criterionIds: ['2.2']
	});
	await putRecord('registerCitations', {
		id: registerCitationId('1.2', 'cooperationPartners', 'p1'),
		facilityId,
		criterionId: '1.2',
		registerTable: 'cooperationPartners',
		entryId: 'p1'
	});
	await putRecord('qualifications', {
		id: 'q1',
		facilityId,
		title: 'Fortbildung Beratung',
		kind: 'fortbildung',
		holder: 'Leitung',
		startDate: '2026-03-01',
		endDate: '2026-03-01',
		hours: 6,
		criterionIds: ['1.2', '1.1']
	});
}

describe('takeOverCatalogue', () => {
	it('carries statuses, links and citations over and names the new version in the profile', async () => {
		await seedCentre();
		const outboxBefore = await db.outbox.count();

		const result = await takeOverCatalogue(facilityId, TO);

		expect(result.ok).toBe(true);
		const facility = await db.facilities.get(facilityId);
		expect(facility).toMatchObject({ catalogueId: switchTo.id, catalogueVersion: '2027.1' });
		const statuses = await readStatuses(facilityId);
		expect(statuses.get('1.1')?.status).toBe('erfuellt');
		expect(statuses.get('1.5')).toMatchObject({ status: 'in_arbeit', note: 'Vertrag wird unterschrieben' });
		expect(statuses.has('1.2')).toBe(false);
		// The dropped criterion's status stays as it was: it no longer counts, nothing is lost.
		expect(statuses.get('2.2')?.status).toBe('erfuellt');
		expect((await db.evidence.get('e1'))?.criterionIds).toEqual(['1.5']);
		expect((await db.evidence.get('e2'))?.criterionIds).toEqual(['2.2']);
		expect((await db.qualifications.get('q1'))?.criterionIds).toEqual(['1.5', '1.1']);
		const moved = await db.registerCitations.get(registerCitationId('1.5', 'cooperationPartners', 'p1'));
		expect(moved).toMatchObject({ criterionId: '1.5', deleted: false });
		expect(
			(await db.registerCitations.get(registerCitationId('1.2', 'cooperationPartners', 'p1')))?.deleted
		).toBe(true);
		// Every write went into the outbox, so it syncs: status put + delete, evidence, qualification,
		// citation put + delete, the profile.
		const changes = await db.outbox.where('seq').above(0).offset(outboxBefore).toArray();
		expect(changes.map((c) => `${c.table}:${c.op}`).sort()).toEqual([
			'criterionStatuses:delete',
			'criterionStatuses:put',
			'evidence:put',
			'facilities:put',
			'qualifications:put',
			'registerCitations:delete',
			'registerCitations:put'
		]);
	});

	it('writes nothing when a record cannot be carried over', async () => {
		await seedCentre();
		// A stored record today's schema refuses (e.g. written by a broken import) stops the switch.
		await db.evidence.update('e1', { title: '' });
		const before = await db.outbox.count();

		const result = await takeOverCatalogue(facilityId, TO);

		expect(result).toMatchObject({ ok: false });
		expect(await db.outbox.count()).toBe(before);
		expect((await db.facilities.get(facilityId))?.catalogueVersion).toBe('2026.1');
		expect((await readStatuses(facilityId)).has('1.5')).toBe(false);
	});

	it('refuses a version the device does not have', async () => {
		const result = await takeOverCatalogue(facilityId, { catalogueId: 'fz-testkatalog', version: '2030.1' });
		expect(result).toEqual({
			ok: false,
			message: 'Diese Katalogversion ist auf diesem Gerät nicht vorhanden.'
		});
	});

	it('leaves a dossier with the version it was assessed against', async () => {
		await seedCentre();
		await queueDossier(await prepareDossier(calendarYear('2026-12-01')));

		expect((await takeOverCatalogue(facilityId, TO)).ok).toBe(true);

		const [submission] = await listLocalSubmissions(facilityId);
		expect(submission.snapshot.catalogue).toMatchObject({ id: switchFrom.id, version: '2026.1' });
		expect(submission.snapshot.statuses.map((s) => s.criterionId).sort()).toEqual(['1.1', '1.2', '2.2']);
	});
});

describe('previewSwitch', () => {
	it('shows the changes and what carries over, without writing', async () => {
		await seedCentre();
		const before = await db.outbox.count();
		const preview = await previewSwitch(facilityId, TO);
		expect(preview?.changes).toContain('1 Kriterium umbenannt');
		expect(preview?.carryOver).toContain('1 Status wird auf die neue Nummer übertragen');
		expect(preview?.carryOver).toContain('1 Nachweis ist danach ohne Kriterium (er bleibt gespeichert)');
		expect(await db.outbox.count()).toBe(before);
	});
});

describe('listSwitchTargets', () => {
	it('offers imported and built-in versions and the server’s, never the current one', async () => {
		const builtInKey = catalogueKey(builtInCatalogue.id, builtInCatalogue.version);
		const targets = (await listSwitchTargets(FROM)).map((t) => t.key);
		expect(targets).toContain(builtInKey);
		expect(targets).toContain(catalogueKey(switchTo.id, '2027.1'));
		expect(targets).not.toContain(catalogueKey(switchFrom.id, '2026.1'));
		expect((await listSwitchTargets(TO)).map((t) => t.key)).toContain(catalogueKey(switchFrom.id, '2026.1'));

		await writeServerCatalogueKey({ catalogueId: builtInCatalogue.id, version: builtInCatalogue.version });
		const [first, ...others] = await listSwitchTargets(FROM);
		expect([first.key, first.serverActive]).toEqual([builtInKey, true]);
		expect(others.every((t) => !t.serverActive)).toBe(true);
	});

	it('offers a newer built-in version of the same catalogue, not an older one', async () => {
		await updateRecord('facilities', facilityId, {
			catalogueId: builtInCatalogue.id,
			catalogueVersion: '2020.1'
		});
		const older = await listSwitchTargets({ catalogueId: builtInCatalogue.id, version: '2020.1' });
		expect(older.some((t) => t.builtIn)).toBe(true);
		const newer = await listSwitchTargets({ catalogueId: builtInCatalogue.id, version: '2999.1' });
		expect(newer.some((t) => t.builtIn)).toBe(false);
	});
});

describe('learnActiveCatalogue', () => {
	const server = (active: { catalogueId: string; version: string } | null) =>
		vi.fn<typeof fetch>(async (input) => {
			const path = String(input);
			if (!active) return Response.json({ error: { code: 'not_found', message: 'keine' } }, { status: 404 });
			if (path === '/api/catalogue/version') return Response.json(active);
			if (path === '/api/catalogue')
				return Response.json({ catalogue: { ...switchTo, version: active.version } });
			return new Response(null, { status: 500 });
		});

	it('stores the version in force, fetching the catalogue only when the device lacks it', async () => {
		const next = { ...switchTo, version: '2028.1', mappings: [] };
		const fetchFn = vi.fn<typeof fetch>(async (input) =>
			String(input) === '/api/catalogue/version'
				? Response.json({ catalogueId: next.id, version: next.version })
				: Response.json({ catalogue: next })
		);

		expect(await learnActiveCatalogue(fetchFn)).toBe('learned');
		expect(fetchFn).toHaveBeenCalledTimes(2);
		expect(await readServerCatalogueKey()).toEqual({ catalogueId: next.id, version: '2028.1' });
		expect(await db.catalogues.get(catalogueKey(next.id, '2028.1'))).toBeDefined();

		expect(await learnActiveCatalogue(fetchFn)).toBe('unchanged');
		expect(fetchFn).toHaveBeenCalledTimes(3);
	});

	it('does not fetch a version the device has, and forgets it when none is in force', async () => {
		const fetchFn = server(TO);
		expect(await learnActiveCatalogue(fetchFn)).toBe('learned');
		expect(fetchFn).toHaveBeenCalledTimes(1);
		expect(await learnActiveCatalogue(server(null))).toBe('none');
		expect(await readServerCatalogueKey()).toBeNull();
	});

	it('keeps what it knew when the server cannot be reached', async () => {
		await writeServerCatalogueKey(TO);
		const offline = vi.fn<typeof fetch>(() => Promise.reject(new TypeError('Failed to fetch')));
		expect(await learnActiveCatalogue(offline)).toBe('unreachable');
		expect(await readServerCatalogueKey()).toEqual(TO);
	});
});

describe('learnFacilityCatalogue', () => {
	it('fetches the version another tablet switched the centre to, once', async () => {
		const next = { ...switchTo, version: '2029.1', mappings: [] };
		await updateRecord('facilities', facilityId, { catalogueId: next.id, catalogueVersion: next.version });
		const fetchFn = vi.fn<typeof fetch>(async (input) =>
			String(input) === `/api/catalogue/versions/${next.id}/2029.1`
				? Response.json({ catalogue: next })
				: new Response(null, { status: 500 })
		);

		expect(await learnFacilityCatalogue(fetchFn)).toBe('learned');
		expect(await db.catalogues.get(catalogueKey(next.id, '2029.1'))).toBeDefined();
		expect(await learnFacilityCatalogue(fetchFn)).toBe('present');
		expect(fetchFn).toHaveBeenCalledTimes(1);
	});

	it('says so when the server does not have the version either', async () => {
		await updateRecord('facilities', facilityId, { catalogueVersion: '2031.1' });
		const fetchFn = vi.fn<typeof fetch>(async () => Response.json({ error: {} }, { status: 404 }));
		expect(await learnFacilityCatalogue(fetchFn)).toBe('unknown');
	});
});
