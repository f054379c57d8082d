import type { Kysely } from 'kysely';
import { hasControlCharacter } from '$lib/domain/controlCharacters';
import workingCatalogue2026 from '$lib/domain/catalogue/familienzentrum-nrw-arbeitsfassung.json';
import workingCatalogue from '$lib/domain/catalogue/familienzentrum-nrw-2027-arbeitsfassung.json';
import { catalogueSchema, type Catalogue } from '$lib/domain/catalogue/schema';
import { getActiveCatalogue, getCatalogueVersion } from '$lib/server/catalogue/versions';
import type { Database } from '$lib/server/db/schema';

/** The working catalogue that ships with the app, the default for new centres (devices have it too). */
export const builtInCatalogue: Catalogue = catalogueSchema.parse(workingCatalogue);

/** The earlier working version: centres and dossiers assessed against it keep it. */
export const previousBuiltInCatalogue: Catalogue = catalogueSchema.parse(workingCatalogue2026);

/** Every catalogue the app ships with, the default first. */
export const builtInCatalogues: readonly Catalogue[] = [builtInCatalogue, previousBuiltInCatalogue];

// Catalogue versions never change once stored, so a parsed one can be kept for the process's life.
const parsed = new Map<string, Catalogue>();

/**
 * The catalogue a centre is assessed against: the version its profile names when the server has it
 * (uploaded by the admin, or the built-in one), else the version in force, else the built-in one.
 */
export async function catalogueFor(
	db: Kysely<Database>,
	catalogueId: string | null,
	version: string | null
): Promise<Catalogue> {
	if (isCatalogueKey(catalogueId, 40) && isCatalogueKey(version, 60)) {
		const key = `${catalogueId}@${version}`;
		const shipped = builtInCatalogues.find((c) => c.id === catalogueId && c.version === version);
		if (shipped) return shipped;
		const cached = parsed.get(key);
		if (cached) return cached;
		const stored = await getCatalogueVersion(db, catalogueId, version);
		if (stored) {
			parsed.set(key, stored);
			return stored;
		}
	}
	return (await getActiveCatalogue(db)) ?? builtInCatalogue;
}

/**
 * Whether a profile's value can name a stored catalogue version at all. Profiles stored before their
 * values were checked may hold anything; an odd value must fall back to the version in force, not
 * reach the database (PostgreSQL refuses NUL and fails the whole list of the advisor).
 */
function isCatalogueKey(value: string | null, max: number): value is string {
	return (
		typeof value === 'string' &&
		value.length > 0 &&
		value.length <= max &&
		!hasControlCharacter(value) &&
		value.isWellFormed()
	);
}
