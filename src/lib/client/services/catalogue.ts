import type { StoredCatalogue, WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import workingCatalogue from '$lib/domain/catalogue/familienzentrum-nrw-2027-arbeitsfassung.json';
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

/**
 * The earlier working version (format 1): centres and dossiers assessed against it keep it. Loaded
 * when asked for, so every other centre's Übersicht starts without its 40 KB
 * (tests/bench/initialBundle.js); its id and version are known before (a test compares them).
 */
export const previousBuiltInVersion = {
	id: 'familienzentrum-nrw',
	version: '2026.1-arbeitsfassung'
} as const;

export async function loadPreviousBuiltInCatalogue(): Promise<Catalogue> {
	const file = await import('$lib/domain/catalogue/familienzentrum-nrw-arbeitsfassung.json');
	return file.default as Catalogue;
}

export function catalogueKey(id: string, version: string): string {
	return `${id}@${version}`;
}

/** Every catalogue the app ships with by key, the default first. */
const builtInByKey = new Map<string, () => Promise<Catalogue>>([
	[catalogueKey(builtInCatalogue.id, builtInCatalogue.version), () => Promise.resolve(builtInCatalogue)],
	[catalogueKey(previousBuiltInVersion.id, previousBuiltInVersion.version), loadPreviousBuiltInCatalogue]
]);

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
	const builtIn = await Promise.all(
		[...builtInByKey].map(async ([key, load]) => ({
			key,
			catalogue: await load(),
			builtIn: true,
			importedAt: null
		}))
	);
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
	// Loaded on demand: only importing a catalogue needs the schema and the format-1 conversion.
	const [{ catalogueSchema }, { toFormat2 }] = await Promise.all([
		import('$lib/domain/catalogue/schema'),
		import('$lib/domain/catalogue/convertFormat1')
	]);
	const parsed = catalogueSchema.safeParse(catalogue);
	if (!parsed.success) return { ok: false, message: 'Der Katalog ist ungültig und wurde nicht übernommen.' };
	const valid = parsed.data;
	const key = catalogueKey(valid.id, valid.version);
	// The same, also when the stored one is the format-1 original of the file (an import converts it).
	const sameContent = (stored: Catalogue) =>
		sameCatalogue(stored, valid) || sameCatalogue(toFormat2(stored), valid);
	const refused = (): SaveCatalogueResult => ({
		ok: false,
		message: `Die Version „${valid.version}“ des Katalogs „${valid.id}“ ist schon vorhanden, aber mit anderem Inhalt. Eine geänderte Fassung braucht eine neue Versionsbezeichnung.`
	});
	const shipped = await builtInByKey.get(key)?.();
	if (shipped) return sameContent(shipped) ? { ok: true, key, alreadyInstalled: true } : refused();

	return db.transaction('rw', db.catalogues, async (): Promise<SaveCatalogueResult> => {
		const existing = await db.catalogues.get(key);
		if (existing)
			return sameContent(existing.catalogue) ? { ok: true, key, alreadyInstalled: true } : refused();
		const record: StoredCatalogue = { key, catalogue: valid, importedAt: new Date().toISOString() };
		await db.catalogues.add(record);
		return { ok: true, key, alreadyInstalled: false };
	});
}

/** The catalogue with this id and version, or null when this device does not have it. */
export async function findCatalogue(db: WorkspaceDb, id: string, version: string): Promise<Catalogue | null> {
	const shipped = builtInByKey.get(catalogueKey(id, version));
	if (shipped) return shipped();
	return (await db.catalogues.get(catalogueKey(id, version)))?.catalogue ?? null;
}

/**
 * The catalogue with this id and version; falls back to the built-in working catalogue when the
 * device does not have it (yet), so a page can always show criteria.
 */
export async function loadCatalogue(db: WorkspaceDb, id: string, version: string): Promise<Catalogue> {
	return (await findCatalogue(db, id, version)) ?? builtInCatalogue;
}
