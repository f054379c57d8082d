import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { blobOf, freshWorkspace, useCloneableBlob } from '../../../../tests/fixtures/db/testWorkspace';
import { builtInCatalogue } from '$lib/client/services/catalogue';
import { db as liveDb } from '$lib/client/db';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import { setCriterionStatus } from '$lib/client/services/criterion';
import { addEvidence, deleteEvidence } from '$lib/client/services/evidence';
import { ensureFacility, saveFacilityProfile } from '$lib/client/services/facility';
import { BACKUP_FORMAT, exportWorkspace, importWorkspace } from '$lib/client/services/backup';

useCloneableBlob();

const photoBytes = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 10, 20, 30, 40, 0xff, 0xd9]);

/** A small but complete workspace: profile, statuses, evidence (one deleted), a photo, a catalogue. */
async function fillWorkspace(): Promise<WorkspaceDb> {
	const db = await freshWorkspace();
	const facility = await ensureFacility(builtInCatalogue.id, builtInCatalogue.version);
	await saveFacilityProfile({ name: 'Familienzentrum Sonnenblume', city: 'Dortmund' });
	await setCriterionStatus(facility.id, '1.1', 'erfuellt');
	await setCriterionStatus(facility.id, '2.1', 'in_arbeit');
	const base = { facilityId: facility.id, date: '2026-01-15', criterionIds: ['1.1'] };
	await addEvidence(
		{ ...base, kind: 'photo', title: 'Aushang' },
		{ blob: blobOf(photoBytes, 'image/jpeg'), fileName: 'aushang.jpg' }
	);
	const gone = await addEvidence({ ...base, kind: 'note', title: 'Verworfen' });
	await deleteEvidence(gone.evidence.id);
	await db.catalogues.put({
		key: `${builtInCatalogue.id}@amtlich-2026`,
		catalogue: { ...builtInCatalogue, version: 'amtlich-2026', official: true },
		importedAt: '2026-01-01T00:00:00.000Z'
	});
	return db;
}

async function contents(db: WorkspaceDb) {
	const withoutBlob = (await db.attachments.toArray()).map(({ blob: _blob, ...rest }) => rest);
	return {
		facilities: await db.facilities.orderBy('id').toArray(),
		criterionStatuses: await db.criterionStatuses.orderBy('id').toArray(),
		evidence: await db.evidence.orderBy('id').toArray(),
		attachments: withoutBlob,
		catalogues: await db.catalogues.toArray()
	};
}

async function unzipBlob(blob: Blob): Promise<Unzipped> {
	return unzipSync(new Uint8Array(await blob.arrayBuffer()));
}

function rezip(entries: Unzipped, change: (entries: Unzipped) => void): Blob {
	const copy = { ...entries };
	change(copy);
	return new Blob([zipSync(copy)], { type: 'application/zip' });
}

function readJson(entries: Unzipped, path: string): unknown {
	return JSON.parse(strFromU8(entries[path]));
}

let source: WorkspaceDb;
let backup: Blob;
beforeEach(async () => {
	source = await fillWorkspace();
	backup = await exportWorkspace(source);
});

describe('exportWorkspace', () => {
	it('writes a manifest, one JSON per table and every file under its hash', async () => {
		const entries = await unzipBlob(backup);
		const manifest = readJson(entries, 'manifest.json') as Record<string, unknown>;

		expect(manifest).toMatchObject({
			format: BACKUP_FORMAT,
			dbVersion: source.verno,
			counts: { facilities: 1, criterionStatuses: 2, evidence: 2, attachments: 1, catalogues: 1 }
		});
		expect(typeof manifest.appVersion).toBe('string');
		expect(readJson(entries, 'tables/evidence.json')).toHaveLength(2);
		const [sha] = (await source.attachments.toCollection().primaryKeys()) as string[];
		expect(entries[`attachments/${sha}`]).toEqual(photoBytes);
	});
});

describe('importWorkspace', () => {
	it('restores the same data and file bytes on a fresh device, queued for sync', async () => {
		const expected = await contents(source);
		const target = await freshWorkspace();

		const result = await importWorkspace(target, backup);

		expect(result).toEqual({
			ok: true,
			skipped: 0,
			counts: expect.objectContaining({
				facilities: 1,
				criterionStatuses: 2,
				evidence: 2,
				attachments: 1,
				catalogues: 1
			})
		});
		expect(await contents(target)).toEqual(expected);
		const [photo] = await target.attachments.toArray();
		expect(new Uint8Array(await photo.blob.arrayBuffer())).toEqual(photoBytes);
		expect(await target.outbox.count()).toBe(1 + 2 + 2);
		expect((await target.outbox.toArray()).filter((e) => e.op === 'delete')).toHaveLength(1);
	});

	it('restores the advisor feedback without queueing it, since only the server may change it', async () => {
		const entries = await unzipBlob(backup);
		const [facility] = readJson(entries, 'tables/facilities.json') as { id: string }[];
		const withFeedback = rezip(entries, (e) => {
			const feedback = {
				id: `${facility.id}:1.1`,
				facilityId: facility.id,
				createdAt: '2026-11-20T09:00:00.000Z',
				updatedAt: '2026-11-20T09:00:00.000Z',
				updatedBy: 'Fachberatung',
				deleted: false,
				criterionId: '1.1',
				verdict: 'nachbessern',
				text: 'Bitte den Sprechstundenplan ergänzen.',
				reviewerName: 'Fachberatung'
			};
			e['tables/criterionFeedback.json'] = strToU8(JSON.stringify([feedback]));
			const manifest = readJson(e, 'manifest.json') as { counts: Record<string, number> };
			manifest.counts.criterionFeedback = 1;
			e['manifest.json'] = strToU8(JSON.stringify(manifest));
		});
		const target = await freshWorkspace();

		const result = await importWorkspace(target, withFeedback);

		expect(result.ok ? [] : result.errors).toEqual([]);
		expect(await target.criterionFeedback.count()).toBe(1);
		expect((await target.outbox.toArray()).filter((e) => e.table === 'criterionFeedback')).toEqual([]);
	});

	it('makes the imported facility the one the workspace shows', async () => {
		const [facility] = await source.facilities.toArray();
		const target = await freshWorkspace();
		await ensureFacility('c', '1');

		await importWorkspace(target, backup);

		expect((await target.meta.get('facilityId'))?.value).toBe(facility.id);
	});

	it('never overwrites newer work on this device with an older backup', async () => {
		const [facility] = await source.facilities.toArray();
		await setCriterionStatus(facility.id, '1.1', 'offen');
		const outboxBefore = await liveDb.outbox.count();

		const result = await importWorkspace(source, backup);

		expect(result).toMatchObject({ ok: true, skipped: 5 });
		expect((await source.criterionStatuses.get(`${facility.id}:1.1`))?.status).toBe('offen');
		expect(await source.outbox.count()).toBe(outboxBefore);
	});

	it('refuses a file that is not a zip', async () => {
		const target = await freshWorkspace();
		const result = await importWorkspace(target, new Blob(['Hallo'], { type: 'text/plain' }));
		expect(result).toEqual({
			ok: false,
			errors: ['Die Datei ist keine Sicherung der Gütesiegel-Mappe (kein ZIP-Archiv).']
		});
	});

	it('refuses a zip with another format marker', async () => {
		const entries = await unzipBlob(backup);
		const other = rezip(entries, (e) => {
			e['manifest.json'] = strToU8(JSON.stringify({ format: 'andere-app/3' }));
		});
		const target = await freshWorkspace();

		const result = await importWorkspace(target, other);

		expect(result.ok).toBe(false);
		expect(!result.ok && result.errors[0]).toMatch(/Kennung „andere-app\/3“/);
		expect(await target.evidence.count()).toBe(0);
	});

	it('refuses a tampered attachment and changes nothing', async () => {
		const entries = await unzipBlob(backup);
		const path = Object.keys(entries).find((p) => p.startsWith('attachments/'))!;
		const tampered = rezip(entries, (e) => {
			e[path] = Uint8Array.from([...photoBytes].reverse());
		});
		const target = await freshWorkspace();

		const result = await importWorkspace(target, tampered);

		expect(result).toEqual({
			ok: false,
			errors: [`${path}: Die Datei ist beschädigt oder wurde verändert (Prüfsumme stimmt nicht).`]
		});
		expect(await target.facilities.count()).toBe(0);
		expect(await target.attachments.count()).toBe(0);
		expect(await target.outbox.count()).toBe(0);
	});

	it('refuses an invalid record, saying where, and changes nothing', async () => {
		const entries = await unzipBlob(backup);
		const broken = rezip(entries, (e) => {
			const rows = readJson(e, 'tables/criterionStatuses.json') as Record<string, unknown>[];
			rows[1] = { ...rows[1], status: 'fertig' };
			e['tables/criterionStatuses.json'] = strToU8(JSON.stringify(rows));
		});
		const target = await freshWorkspace();

		const result = await importWorkspace(target, broken);

		expect(result.ok).toBe(false);
		expect(!result.ok && result.errors).toEqual([
			expect.stringMatching(/^tables\/criterionStatuses\.json, Eintrag 2, Feld „status“: Ungültig/)
		]);
		expect(await target.criterionStatuses.count()).toBe(0);
		expect(await target.facilities.count()).toBe(0);
	});

	it('refuses a backup from a newer app version', async () => {
		const entries = await unzipBlob(backup);
		const newer = rezip(entries, (e) => {
			const manifest = readJson(e, 'manifest.json') as Record<string, unknown>;
			e['manifest.json'] = strToU8(JSON.stringify({ ...manifest, dbVersion: 999, appVersion: '9.0.0' }));
		});
		const result = await importWorkspace(await freshWorkspace(), newer);
		expect(!result.ok && result.errors[0]).toMatch(/neueren Version der App \(9\.0\.0\)/);
	});
});
