import type { Kysely } from 'kysely';

/**
 * Removes records that a centre created under an id made from another centre's facility id, before
 * the server checked such ids (docs/sync.md, "Ids made from the facility"). They hold nothing of the
 * rightful centre (its own writes were refused), and while they exist its writes stay refused. The
 * squatting centre's devices keep their local copy; the server refuses any change to it.
 *
 * The rules are written out as they were when this ran, not imported: migrations do not change.
 */
const belongsTo: Record<string, (recordId: string, facilityId: string) => boolean> = {
	facilities: (id, facility) => id === facility,
	criterionStatuses: (id, facility) => id.startsWith(`${facility}:`),
	criterionFeedback: (id, facility) => id.startsWith(`${facility}:`),
	preventionProfiles: (id, facility) => id === `${facility}:praevention`,
	registerCitations: (id, facility) => !id.includes('~prp~') || id.endsWith(`~prp~${facility}:praevention`)
};

const CHUNK = 200;

// Migrations take Kysely<any>: they describe the database as it was then, not today's types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	const rows = (await db
		.selectFrom('sync_records')
		.select(['table_name', 'record_id', 'facility_id'])
		.where('table_name', 'in', Object.keys(belongsTo))
		.execute()) as { table_name: string; record_id: string; facility_id: string }[];
	const squatted = rows.filter((row) => !belongsTo[row.table_name](row.record_id, row.facility_id));
	for (let i = 0; i < squatted.length; i += CHUNK) {
		const chunk = squatted.slice(i, i + CHUNK);
		await db
			.deleteFrom('sync_records')
			.where((eb) =>
				eb.or(
					chunk.map((row) =>
						eb.and([eb('table_name', '=', row.table_name), eb('record_id', '=', row.record_id)])
					)
				)
			)
			.execute();
	}
}
