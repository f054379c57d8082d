import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { createFacilityRequestSchema, Facility, SessionUser } from '$lib/domain/accounts';
import { writeAudit } from '$lib/server/accounts/audit';
import type { ServerContext } from '$lib/server/context';
import type { Database, FacilitiesTable } from '$lib/server/db/schema';
import { badRequest } from '$lib/server/http/errors';

function toFacility(row: FacilitiesTable): Facility {
	return { id: row.id, name: row.name, familienzentrum: row.familienzentrum, createdAt: row.created_at };
}

export async function listFacilities(db: Kysely<Database>, ids?: string[]): Promise<Facility[]> {
	if (ids && ids.length === 0) return [];
	let select = db.selectFrom('facilities').selectAll().orderBy('familienzentrum').orderBy('name');
	if (ids) select = select.where('id', 'in', ids);
	return (await select.execute()).map(toFacility);
}

export async function createFacility(
	ctx: ServerContext,
	input: z.output<typeof createFacilityRequestSchema>,
	actor: SessionUser,
	id: string = randomUUID()
): Promise<Facility> {
	const row: FacilitiesTable = {
		id,
		name: input.name,
		// A single centre is its own Familienzentrum; Kitas of a Verbund share the Verbund's name.
		familienzentrum: input.familienzentrum || input.name,
		created_at: ctx.now().toISOString()
	};
	await ctx.db.transaction().execute(async (trx) => {
		await trx.insertInto('facilities').values(row).execute();
		await writeAudit(trx, {
			at: ctx.now(),
			userId: actor.id,
			facilityId: row.id,
			action: 'facility.create',
			entity: 'facility',
			entityId: row.id,
			detail: { name: row.name, familienzentrum: row.familienzentrum }
		});
	});
	return toFacility(row);
}

/**
 * The facilities must exist; for team and Leitung accounts they must also belong to one
 * Familienzentrum (one centre, or the Kitas of one Verbund).
 */
export async function checkFacilitiesForMember(
	db: Kysely<Database>,
	facilityIds: string[],
	options: { sameFamilienzentrum: boolean }
): Promise<Facility[]> {
	const unique = [...new Set(facilityIds)];
	const facilities = await listFacilities(db, unique);
	if (facilities.length !== unique.length) {
		throw badRequest('Unbekannte Einrichtung.', [
			{ path: ['facilityIds'], message: 'Diese Einrichtung gibt es nicht' }
		]);
	}
	if (options.sameFamilienzentrum && new Set(facilities.map((f) => f.familienzentrum)).size > 1) {
		throw badRequest('Die Einrichtungen gehören zu verschiedenen Familienzentren.', [
			{ path: ['facilityIds'], message: 'Bitte nur Einrichtungen eines Familienzentrums wählen' }
		]);
	}
	return facilities;
}
