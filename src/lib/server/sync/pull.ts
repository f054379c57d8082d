import type { SessionUser } from '$lib/domain/accounts';
import type { PullRequest, PullResponse } from '$lib/domain/sync/protocol';
import { facilitiesVisibleTo } from '../auth/permissions';
import type { ServerContext } from '../context';
import { syncDb } from './schema';
import { fromRow } from './store';

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
	const rows = await syncDb(ctx.reads)
		.selectFrom('sync_records')
		.selectAll()
		.where('facility_id', 'in', facilityIds)
		.where('revision', '>', request.cursor)
		.orderBy('revision')
		.limit(request.limit + 1)
		.execute();
	const batch = rows.slice(0, request.limit).map(fromRow);
	return {
		records: batch.map((r) => ({
			table: r.table,
			recordId: r.recordId,
			facilityId: r.facilityId,
			revision: r.revision,
			deleted: r.deleted,
			record: r.record
		})),
		facilityIds,
		cursor: batch.at(-1)?.revision ?? request.cursor,
		hasMore: rows.length > request.limit
	};
}
