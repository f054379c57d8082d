import type { Kysely } from 'kysely';
import type { CatalogueVersionSummary, SessionUser } from '$lib/domain/accounts';
import { catalogueSchema, type Catalogue } from '$lib/domain/catalogue/schema';
import { writeAudit } from '$lib/server/accounts/audit';
import type { ServerContext } from '$lib/server/context';
import type { CatalogueVersionsTable, Database } from '$lib/server/db/schema';
import { ApiError, notFound } from '$lib/server/http/errors';

function toSummary(row: Omit<CatalogueVersionsTable, 'json' | 'created_by'>): CatalogueVersionSummary {
	return {
		id: row.id,
		catalogueId: row.catalogue_id,
		version: row.version,
		title: row.title,
		official: row.official === 1,
		active: row.active === 1,
		createdAt: row.created_at
	};
}

const summaryColumns = [
	'id',
	'catalogue_id',
	'version',
	'title',
	'official',
	'active',
	'created_at'
] as const;

export async function listCatalogueVersions(db: Kysely<Database>): Promise<CatalogueVersionSummary[]> {
	const rows = await db
		.selectFrom('catalogue_versions')
		.select(summaryColumns)
		.orderBy('created_at', 'desc')
		.orderBy('id')
		.execute();
	return rows.map(toSummary);
}

/** Marks one version as the catalogue in force; exactly one is active afterwards. */
async function activate(trx: Kysely<Database>, id: string): Promise<void> {
	await trx.updateTable('catalogue_versions').set({ active: 0 }).where('active', '=', 1).execute();
	await trx.updateTable('catalogue_versions').set({ active: 1 }).where('id', '=', id).execute();
}

/** Stores a validated catalogue as a new version; versions are immutable, so a repeat is a 409. */
export async function uploadCatalogueVersion(
	ctx: ServerContext,
	catalogue: Catalogue,
	options: { activate: boolean },
	actor: SessionUser
): Promise<CatalogueVersionSummary> {
	const id = `${catalogue.id}@${catalogue.version}`;
	const exists = await ctx.db
		.selectFrom('catalogue_versions')
		.select('id')
		.where('id', '=', id)
		.executeTakeFirst();
	if (exists) {
		throw new ApiError(
			409,
			'catalogue_exists',
			`Die Katalogversion ${catalogue.version} ist schon vorhanden.`
		);
	}
	await ctx.db.transaction().execute(async (trx) => {
		await trx
			.insertInto('catalogue_versions')
			.values({
				id,
				catalogue_id: catalogue.id,
				version: catalogue.version,
				title: catalogue.title,
				official: catalogue.official ? 1 : 0,
				json: JSON.stringify(catalogue),
				active: 0,
				created_at: ctx.now().toISOString(),
				created_by: actor.id
			})
			.execute();
		if (options.activate) await activate(trx, id);
		await writeAudit(trx, {
			at: ctx.now(),
			userId: actor.id,
			action: 'catalogue.upload',
			entity: 'catalogue_version',
			entityId: id,
			detail: { activate: options.activate, criteria: catalogue.criteria.length }
		});
	});
	return getCatalogueVersionSummary(ctx.db, id);
}

export async function activateCatalogueVersion(
	ctx: ServerContext,
	id: string,
	actor: SessionUser
): Promise<CatalogueVersionSummary> {
	await getCatalogueVersionSummary(ctx.db, id);
	await ctx.db.transaction().execute(async (trx) => {
		await activate(trx, id);
		await writeAudit(trx, {
			at: ctx.now(),
			userId: actor.id,
			action: 'catalogue.activate',
			entity: 'catalogue_version',
			entityId: id
		});
	});
	return getCatalogueVersionSummary(ctx.db, id);
}

async function getCatalogueVersionSummary(
	db: Kysely<Database>,
	id: string
): Promise<CatalogueVersionSummary> {
	const row = await db
		.selectFrom('catalogue_versions')
		.select(summaryColumns)
		.where('id', '=', id)
		.executeTakeFirst();
	if (!row) throw notFound('Diese Katalogversion gibt es nicht.');
	return toSummary(row);
}

/** The catalogue in force, or null when the admin has not uploaded one (clients use their built-in). */
export async function getActiveCatalogue(db: Kysely<Database>): Promise<Catalogue | null> {
	const row = await db
		.selectFrom('catalogue_versions')
		.select('json')
		.where('active', '=', 1)
		.executeTakeFirst();
	return row ? catalogueSchema.parse(JSON.parse(row.json)) : null;
}

/** A stored version by catalogue id and version, e.g. the one a dossier was assessed against. */
export async function getCatalogueVersion(
	db: Kysely<Database>,
	catalogueId: string,
	version: string
): Promise<Catalogue | null> {
	const row = await db
		.selectFrom('catalogue_versions')
		.select('json')
		.where('id', '=', `${catalogueId}@${version}`)
		.executeTakeFirst();
	return row ? catalogueSchema.parse(JSON.parse(row.json)) : null;
}
