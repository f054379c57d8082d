import type { Kysely } from 'kysely';
import { type FeedbackMessage } from '$lib/domain/dossier/feedbackThread';
import { inThreadOrder } from '$lib/domain/dossier/threadState';
import type { Database } from '$lib/server/db/schema';

/** Reading the feedback threads as the server holds them (written by ./feedback.ts and by pushes). */

/** A centre's thread messages, every criterion's, oldest first. */
export async function readFeedbackMessages(
	db: Kysely<Database>,
	facilityId: string
): Promise<FeedbackMessage[]> {
	return (await readFeedbackThreads(db, [facilityId])).get(facilityId)!;
}

/** The thread messages of several centres in one query (the portfolio), each oldest first. */
export async function readFeedbackThreads(
	db: Kysely<Database>,
	facilityIds: readonly string[]
): Promise<Map<string, FeedbackMessage[]>> {
	const byFacility = new Map(facilityIds.map((id) => [id, [] as FeedbackMessage[]]));
	if (facilityIds.length === 0) return byFacility;
	const rows = await db
		.selectFrom('sync_records')
		.select(['facility_id', 'data'])
		.where('facility_id', 'in', [...facilityIds])
		.where('table_name', '=', 'feedbackMessages')
		.where('deleted', '=', 0)
		.execute();
	// Stored messages passed their schema when written or pushed.
	for (const row of rows) byFacility.get(row.facility_id)?.push(JSON.parse(row.data) as FeedbackMessage);
	for (const [id, messages] of byFacility) byFacility.set(id, inThreadOrder(messages));
	return byFacility;
}
