import type { StoredCatalogue, WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import workingCatalogue2026 from '$lib/domain/catalogue/familienzentrum-nrw-arbeitsfassung.json';
import workingCatalogue from '$lib/domain/catalogue/familienzentrum-nrw-2027-arbeitsfassung.json';
import { toFormat2 } from '$lib/domain/catalogue/convertFormat1';
import type { Catalogue } from '$lib/domain/catalogue/schema';

/**
 * The catalogues a device knows: the working catalogue shipped with the app, plus catalogues
 * imported from a file (e.g. the official one, transcribed) and kept in the `catalogues` table.
 * A catalogue version never changes once stored, because dossiers record which version they were
 * assessed against; a corrected transcription needs a new version.
 */

/**
 * The shipped working catalogue, the default for new centres. It is a build-time constant, so the unit
 * tests validate it (a broken edit fails there); parsing it at every start would put zod on the
 * Übersicht's first load.
 */
export const builtInCatalogue = workingCatalogue as Catalogue;

/** The earlier working version (format 1): centres and dossiers assessed against it keep it. */
export const previousBuiltInCatalogue = workingCatalogue2026 as Catalogue;

/** Every catalogue the app ships with, the default first. */
export const builtInCatalogues: readonly Catalogue[] = [builtInCatalogue, previousBuiltInCatalogue];

export function catalogueKey(id: string, version: string): string {
	return `${id}@${version}`;
}

export interface InstalledCatalogue {
	key: string;
	catalogue: Catalogue;
	/** true for the working catalogues that ship with the app. */
	builtIn: boolean;
	/** When it was imported on this device; null for the built-in one. */
	importedAt: string | null;
}

export type SaveCatalogueResult =
	{ ok: true; key: string; alreadyInstalled: boolean } | { ok: false; message: string };

const builtInByKey = new Map(builtInCatalogues.map((c) => [catalogueKey(c.id, c.version), c]));

/** JSON with sorted keys, so two catalogues compare equal whatever order their fields came in. */
function canonical(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) =>
		v !== null && typeof v === 'object' && !Array.isArray(v)
			? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
			: v
	);
}

export function sameCatalogue(a: Catalogue, b: Catalogue): boolean {
	return canonical(a) === canonical(b);
}

/** The same, also when one of them is the format-1 original of the other (an import converts it). */
function sameContent(stored: Catalogue, imported: Catalogue): boolean {
	return sameCatalogue(stored, imported) || sameCatalogue(toFormat2(stored), imported);
}

/** The built-in catalogues first (the default first), then the imported ones by title and version. */
export async function listCatalogues(db: WorkspaceDb): Promise<InstalledCatalogue[]> {
	const stored = await db.catalogues.toArray();
	const imported = stored
		.filter((s) => !builtInByKey.has(s.key))
		.map((s) => ({ key: s.key, catalogue: s.catalogue, builtIn: false, importedAt: s.importedAt }))
		.sort(
			(a, b) =>
				a.catalogue.title.localeCompare(b.catalogue.title, 'de') ||
				a.catalogue.version.localeCompare(b.catalogue.version, 'de', { numeric: true })
		);
	const builtIn = [...builtInByKey].map(([key, catalogue]) => ({
		key,
		catalogue,
		builtIn: true,
		importedAt: null
	}));
	return [...builtIn, ...imported];
}

/**
 * Stores an imported catalogue under `${id}@${version}`. The same content again is fine (nothing
 * changes); different content under an existing id and version is refused, and so is anything the
 * schema rejects, so a bad file never reaches the table.
 */
export async function saveImportedCatalogue(
	db: WorkspaceDb,
	catalogue: Catalogue
): Promise<SaveCatalogueResult> {
	// Loaded on demand: only importing a catalogue needs the schema.
	const { catalogueSchema } = await import('$lib/domain/catalogue/schema');
	const parsed = catalogueSchema.safeParse(catalogue);
	if (!parsed.success) return { ok: false, message: 'Der Katalog ist ungültig und wurde nicht übernommen.' };
	const valid = parsed.data;
	const key = catalogueKey(valid.id, valid.version);
	const refused = (): SaveCatalogueResult => ({
		ok: false,
		message: `Die Version „${valid.version}“ des Katalogs „${valid.id}“ ist schon vorhanden, aber mit anderem Inhalt. Eine geänderte Fassung braucht eine neue Versionsbezeichnung.`
	});
	const shipped = builtInByKey.get(key);
	if (shipped) return sameContent(shipped, valid) ? { ok: true, key, alreadyInstalled: true } : refused();

	return db.transaction('rw', db.catalogues, async (): Promise<SaveCatalogueResult> => {
		const existing = await db.catalogues.get(key);
		if (existing)
			return sameContent(existing.catalogue, valid) ? { ok: true, key, alreadyInstalled: true } : refused();
		const record: StoredCatalogue = { key, catalogue: valid, importedAt: new Date().toISOString() };
		await db.catalogues.add(record);
		return { ok: true, key, alreadyInstalled: false };
	});
}

/** The catalogue with this id and version, or null when this device does not have it. */
export async function findCatalogue(db: WorkspaceDb, id: string, version: string): Promise<Catalogue | null> {
	const shipped = builtInByKey.get(catalogueKey(id, version));
	if (shipped) return shipped;
	return (await db.catalogues.get(catalogueKey(id, version)))?.catalogue ?? null;
}

/**
 * The catalogue with this id and version; falls back to the built-in working catalogue when the
 * device does not have it (yet), so a page can always show criteria.
 */
export async function loadCatalogue(db: WorkspaceDb, id: string, version: string): Promise<Catalogue> {
	return (await findCatalogue(db, id, version)) ?? builtInCatalogue;
}
