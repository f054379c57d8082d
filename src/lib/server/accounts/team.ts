import type { z } from 'zod';
import type {
	createTeamMemberRequestSchema,
	PasswordLink,
	SessionUser,
	updateTeamMemberRequestSchema,
	UserSummary
} from '$lib/domain/accounts';
import { facilitiesVisibleTo } from '../auth/permissions';
import type { ServerContext } from '../context';
import { forbidden, notFound } from '../http/errors';
import { createUser, getUser, issuePasswordLink, listUsers, updateUser } from './users';

/**
 * A Leitung manages the team accounts of her own facilities: she sees team and Leitung accounts that
 * share one of her facilities, creates team accounts in them, and can lock or re-link team accounts
 * that work only in her facilities.
 */

export async function listTeam(ctx: ServerContext, leitung: SessionUser): Promise<UserSummary[]> {
	const own = facilitiesVisibleTo(leitung);
	if (own.length === 0) return [];
	const rows = await ctx.db
		.selectFrom('user_facilities')
		.select('user_id')
		.distinct()
		.where('facility_id', 'in', own)
		.execute();
	return listUsers(
		ctx.db,
		rows.map((r) => r.user_id)
	);
}

function assertOwnFacilities(leitung: SessionUser, facilityIds: string[]): void {
	const own = facilitiesVisibleTo(leitung);
	if (facilityIds.some((id) => !own.includes(id))) {
		throw forbidden('Sie können nur Ihre eigenen Einrichtungen zuordnen.');
	}
}

/** The team account, if this Leitung may manage it; others look like they do not exist. */
async function manageableMember(ctx: ServerContext, leitung: SessionUser, id: string): Promise<UserSummary> {
	const member = await getUser(ctx.db, id).catch(() => null);
	const own = facilitiesVisibleTo(leitung);
	if (!member || member.role !== 'team' || !member.facilityIds.every((f) => own.includes(f))) {
		throw notFound('Dieses Konto gehört nicht zu Ihrem Team.');
	}
	return member;
}

export async function createTeamMember(
	ctx: ServerContext,
	leitung: SessionUser,
	input: z.output<typeof createTeamMemberRequestSchema>,
	origin: string
): Promise<{ user: UserSummary; link: PasswordLink }> {
	assertOwnFacilities(leitung, input.facilityIds);
	return createUser(ctx, { ...input, role: 'team' }, leitung, origin);
}

export async function updateTeamMember(
	ctx: ServerContext,
	leitung: SessionUser,
	id: string,
	patch: z.output<typeof updateTeamMemberRequestSchema>
): Promise<UserSummary> {
	await manageableMember(ctx, leitung, id);
	if (patch.facilityIds) assertOwnFacilities(leitung, patch.facilityIds);
	return updateUser(ctx, id, patch, leitung);
}

export async function issueTeamPasswordLink(
	ctx: ServerContext,
	leitung: SessionUser,
	id: string,
	origin: string
): Promise<PasswordLink> {
	await manageableMember(ctx, leitung, id);
	return issuePasswordLink(ctx, id, leitung, origin);
}
