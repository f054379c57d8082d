import type { SessionUser } from '$lib/domain/accounts';
import type { PullRequest, PullResponse } from '$lib/domain/sync/protocol';
import { facilitiesVisibleTo } from '$lib/server/auth/permissions';
import type { ServerContext } from '$lib/server/context';

/**
 * The current state of every record the user may see whose revision is after the cursor, in
 * revision order, deletions included. Visibility comes from the session alone: a team member sees
 * her facilities, an advisor the facilities assigned to her, an admin none.
 */
export async function pullChanges(
	ctx: ServerContext,
	user: SessionUser,
	request: PullRequest
): Promise<PullResponse> {
	const facilityIds = facilitiesVisibleTo(user);
	if (facilityIds.length === 0) return { records: [], facilityIds, cursor: request.cursor, hasMore: false };
	// Only what a device receives: field revisions and writers stay on the server (merge only).
	const rows = await ctx.reads
		.selectFrom('sync_records')
		.select(['table_name', 'record_id', 'facility_id', 'revision', 'deleted', 'data'])
		.where('facility_id', 'in', facilityIds)
		.where('revision', '>', request.cursor)
		.orderBy('revision')
		.limit(request.limit + 1)
		.execute();
	// A page also ends after MAX_PULL_BYTES of records (always holding one), so a page of large
	// records stays a sensible response; the device asks again while `hasMore`.
	let bytes = 0;
	const page = rows.slice(0, request.limit).filter((row, i) => {
		bytes += row.data.length;
		return i === 0 || bytes <= MAX_PULL_BYTES;
	});
	// filter keeps a prefix: once past the limit, every later row is past it too.
	const batch = page.map((row) => ({
		table: row.table_name,
		recordId: row.record_id,
		facilityId: row.facility_id,
		revision: Number(row.revision),
		deleted: row.deleted === 1,
		record: JSON.parse(row.data) as Record<string, unknown>
	}));
	return {
		records: batch,
		facilityIds,
		cursor: batch.at(-1)?.revision ?? request.cursor,
		hasMore: rows.length > page.length
	};
}

/** Characters of record JSON in one pull page: 1000 records of usual size are far below it. */
export const MAX_PULL_BYTES = 4 * 1024 * 1024;
