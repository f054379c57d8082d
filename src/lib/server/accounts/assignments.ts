import type { Assignment, SessionUser } from '$lib/domain/accounts';
import { writeAudit } from '$lib/server/accounts/audit';
import type { ServerContext } from '$lib/server/context';
import { badRequest, notFound } from '$lib/server/http/errors';
import { checkFacilitiesForMember } from './facilities';

export async function listAssignments(ctx: ServerContext): Promise<Assignment[]> {
	const rows = await ctx.db
		.selectFrom('advisor_assignments')
		.select(['user_id', 'facility_id'])
		.orderBy('user_id')
		.orderBy('facility_id')
		.execute();
	return rows.map((r) => ({ advisorId: r.user_id, facilityId: r.facility_id }));
}

/** Replaces the facilities one Fachberatung looks after. */
export async function setAssignments(
	ctx: ServerContext,
	advisorId: string,
	facilityIds: string[],
	actor: SessionUser
): Promise<Assignment[]> {
	const advisor = await ctx.db
		.selectFrom('users')
		.select('role')
		.where('id', '=', advisorId)
		.executeTakeFirst();
	if (!advisor) throw notFound('Dieses Konto gibt es nicht.');
	if (advisor.role !== 'fachberatung') {
		throw badRequest('Zuordnungen gibt es nur für Fachberatungen.', [
			{ path: ['advisorId'], message: 'Dieses Konto ist keine Fachberatung' }
		]);
	}
	const unique = [...new Set(facilityIds)];
	await checkFacilitiesForMember(ctx.db, unique, { sameFamilienzentrum: false });
	await ctx.db.transaction().execute(async (trx) => {
		await trx.deleteFrom('advisor_assignments').where('user_id', '=', advisorId).execute();
		if (unique.length > 0) {
			await trx
				.insertInto('advisor_assignments')
				.values(unique.map((facilityId) => ({ user_id: advisorId, facility_id: facilityId })))
				.execute();
		}
		await writeAudit(trx, {
			at: ctx.now(),
			userId: actor.id,
			action: 'assignments.set',
			entity: 'user',
			entityId: advisorId,
			detail: { facilityIds: unique }
		});
	});
	return unique.map((facilityId) => ({ advisorId, facilityId }));
}
