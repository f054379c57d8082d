import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import workingCatalogue2026 from '$lib/domain/catalogue/familienzentrum-nrw-arbeitsfassung.json';
import workingCatalogue from '$lib/domain/catalogue/familienzentrum-nrw-2027-arbeitsfassung.json';
import { parseCatalogue } from '$lib/domain/catalogue/parseCatalogue';
import { catalogueSchema, type Catalogue } from '$lib/domain/catalogue/schema';
import {
	builtInCatalogue,
	findCatalogue,
	listCatalogues,
	loadPreviousBuiltInCatalogue,
	previousBuiltInVersion,
	loadCatalogue,
	saveImportedCatalogue
} from '$lib/client/services/catalogue';

let db: WorkspaceDb;

beforeEach(() => {
	db = new WorkspaceDb('test-' + crypto.randomUUID());
});

afterEach(async () => {
	await db.delete();
});

/** A small official-looking catalogue, as someone might transcribe it. */
function transcribed(overrides: Partial<Catalogue> = {}): Catalogue {
	return {
		format: 'guetesiegel-katalog/1',
		id: 'familienzentrum-nrw',
		version: '2026-amtlich',
		title: 'Gütesiegel Familienzentrum NRW',
		official: true,
		reviewPeriod: 'kindergartenjahr',
		areas: [{ id: 'L1', kind: 'leistung', title: 'Beratung', minimum: { points: 2, basisCount: 1 } }],
		criteria: [
			{
				id: '1.1',
				areaId: 'L1',
				level: 'basis',
				points: 2,
				title: 'Sprechstunde',
				explanation: 'Eine Sprechstunde findet statt.',
				typicalEvidence: ['Sprechstundenplan']
			}
		],
		overallMinimum: { basisLeistung: 1 },
		...overrides
	};
}

describe('catalogueStore', () => {
	it('ships the working catalogue, validated and labelled as not official', () => {
		expect(builtInCatalogue.id).toBe('familienzentrum-nrw');
		expect(builtInCatalogue.official).toBe(false);
		expect(builtInCatalogue.criteria.length).toBeGreaterThanOrEqual(70);
	});

	it('ships a working catalogue the schema accepts unchanged (checked here instead of at every start)', async () => {
		const parsed = catalogueSchema.safeParse(workingCatalogue);
		expect(parsed.error?.issues ?? []).toEqual([]);
		expect(parsed.data).toEqual(builtInCatalogue);
		expect(builtInCatalogue.version).toBe('2027.1-arbeitsfassung');
		const previous = catalogueSchema.safeParse(workingCatalogue2026);
		expect(previous.error?.issues ?? []).toEqual([]);
		expect(previous.data).toEqual(await loadPreviousBuiltInCatalogue());
		// The earlier one is loaded only when asked for, by the id and version known beforehand.
		expect({ id: previous.data?.id, version: previous.data?.version }).toEqual(previousBuiltInVersion);
	});

	it('lists only the built-in catalogues on a fresh device, the default for new centres first', async () => {
		const list = await listCatalogues(db);
		expect(list.map((c) => [c.key, c.builtIn])).toEqual([
			['familienzentrum-nrw@2027.1-arbeitsfassung', true],
			['familienzentrum-nrw@2026.1-arbeitsfassung', true]
		]);
	});

	it('keeps an imported catalogue and lists it after the built-in one', async () => {
		const result = await saveImportedCatalogue(db, transcribed());
		expect(result).toEqual({ ok: true, key: 'familienzentrum-nrw@2026-amtlich', alreadyInstalled: false });
		const list = await listCatalogues(db);
		expect(list.map((c) => [c.key, c.builtIn])).toEqual([
			['familienzentrum-nrw@2027.1-arbeitsfassung', true],
			['familienzentrum-nrw@2026.1-arbeitsfassung', true],
			['familienzentrum-nrw@2026-amtlich', false]
		]);
		expect(list[2].importedAt).not.toBeNull();
		expect(await loadCatalogue(db, 'familienzentrum-nrw', '2026-amtlich')).toEqual(transcribed());
	});

	it('accepts the identical catalogue again without changing anything', async () => {
		await saveImportedCatalogue(db, transcribed());
		const before = await db.catalogues.toArray();
		// Same content, fields in another order.
		const reordered = Object.fromEntries(Object.entries(transcribed()).reverse()) as Catalogue;
		const again = await saveImportedCatalogue(db, reordered);
		expect(again).toEqual({ ok: true, key: 'familienzentrum-nrw@2026-amtlich', alreadyInstalled: true });
		expect(await db.catalogues.toArray()).toEqual(before);
	});

	it('refuses different content under a version that is already installed, in German', async () => {
		await saveImportedCatalogue(db, transcribed());
		const changed = await saveImportedCatalogue(db, transcribed({ title: 'Geänderter Titel' }));
		expect(changed.ok).toBe(false);
		if (!changed.ok) expect(changed.message).toContain('schon vorhanden, aber mit anderem Inhalt');
		expect((await loadCatalogue(db, 'familienzentrum-nrw', '2026-amtlich')).title).toBe(
			'Gütesiegel Familienzentrum NRW'
		);
	});

	it('refuses a changed copy of the built-in catalogue under its own version', async () => {
		const result = await saveImportedCatalogue(db, { ...builtInCatalogue, title: 'Verändert' });
		expect(result.ok).toBe(false);
		expect(await db.catalogues.count()).toBe(0);
		expect(await saveImportedCatalogue(db, structuredClone(builtInCatalogue))).toMatchObject({
			ok: true,
			alreadyInstalled: true
		});
	});

	it('stores nothing when the catalogue is invalid', async () => {
		const broken = transcribed({ overallMinimum: { basisLeistung: 5 } });
		const result = await saveImportedCatalogue(db, broken);
		expect(result.ok).toBe(false);
		expect(await db.catalogues.count()).toBe(0);
	});

	it('falls back to the built-in catalogue for a version the device does not have', async () => {
		expect(await findCatalogue(db, 'familienzentrum-nrw', '1999')).toBeNull();
		expect(await loadCatalogue(db, 'familienzentrum-nrw', '1999')).toBe(builtInCatalogue);
		expect(await loadCatalogue(db, builtInCatalogue.id, builtInCatalogue.version)).toBe(builtInCatalogue);
	});

	it('keeps the earlier working version for centres and dossiers assessed against it', async () => {
		const previousBuiltInCatalogue = await loadPreviousBuiltInCatalogue();
		expect(await findCatalogue(db, 'familienzentrum-nrw', '2026.1-arbeitsfassung')).toBe(
			previousBuiltInCatalogue
		);
		const changed = await saveImportedCatalogue(db, { ...previousBuiltInCatalogue, title: 'Verändert' });
		expect(changed.ok).toBe(false);
		// Its own file, converted to format 2 by the import, is the same catalogue.
		const parsed = parseCatalogue(JSON.stringify(workingCatalogue2026));
		if (!parsed.ok) throw new Error('the shipped file must import');
		expect(parsed.catalogue.format).toBe('guetesiegel-katalog/2');
		expect(await saveImportedCatalogue(db, parsed.catalogue)).toMatchObject({
			ok: true,
			alreadyInstalled: true
		});
		expect(await db.catalogues.count()).toBe(0);
	});
});
