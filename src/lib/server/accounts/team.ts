import type { z } from 'zod';
import type {
	createTeamMemberRequestSchema,
	PasswordLink,
	SessionUser,
	updateTeamMemberRequestSchema,
	UserSummary
} from '$lib/domain/accounts';
import { facilitiesVisibleTo } from '$lib/server/auth/permissions';
import type { ServerContext } from '$lib/server/context';
import { ApiError, forbidden, notFound } from '$lib/server/http/errors';
import {
	createInvitation,
	findInvitation,
	issueInvitationLink,
	listInvitations,
	updateInvitation
} from './teamInvitations';
import {
	checkFacilitiesForRole,
	createUser,
	getUser,
	issuePasswordLink,
	listUsers,
	updateUser
} from './users';

/**
 * A Leitung manages the team accounts of her own facilities: she sees team and Leitung accounts that
 * share one of her facilities, creates team accounts in them, and can lock or re-link team accounts
 * that work only in her facilities. Whether an address has an account in another centre is never
 * revealed to her (see teamInvitations.ts); one already in her own team is named plainly.
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
	const users = await listUsers(
		ctx.db,
		rows.map((r) => r.user_id)
	);
	const all = [...users, ...(await listInvitations(ctx, own))];
	return all.sort((a, b) => a.displayName.localeCompare(b.displayName) || a.email.localeCompare(b.email));
}

function assertOwnFacilities(leitung: SessionUser, facilityIds: string[]): void {
	const own = facilitiesVisibleTo(leitung);
	if (facilityIds.some((id) => !own.includes(id))) {
		throw forbidden('Sie können nur Ihre eigenen Einrichtungen zuordnen.');
	}
}

/** The team account, if this Leitung may manage it; others look like they do not exist. */
async function manageableMember(
	ctx: ServerContext,
	leitung: SessionUser,
	id: string
): Promise<{ member: UserSummary; invitation: boolean }> {
	const user = await getUser(ctx.db, id).catch(() => null);
	const invitation = user ? null : await findInvitation(ctx, id);
	const member = user ?? invitation;
	const own = facilitiesVisibleTo(leitung);
	if (!member || member.role !== 'team' || !member.facilityIds.every((f) => own.includes(f))) {
		throw notFound('Dieses Konto gehört nicht zu Ihrem Team.');
	}
	return { member, invitation: invitation !== null };
}

const alreadyInTeam = () =>
	new ApiError(409, 'email_taken', 'Diese Person hat schon ein Konto in Ihrem Team.', [
		{ path: ['email'], message: 'Diese E-Mail-Adresse ist schon in Ihrem Team' }
	]);

export async function createTeamMember(
	ctx: ServerContext,
	leitung: SessionUser,
	input: z.output<typeof createTeamMemberRequestSchema>,
	origin: string
): Promise<{ user: UserSummary; link: PasswordLink }> {
	assertOwnFacilities(leitung, input.facilityIds);
	// The same checks (and 400s) for every address, before anything depends on it.
	await checkFacilitiesForRole(ctx.db, 'team', input.facilityIds);
	const team = await listTeam(ctx, leitung);
	if (team.some((member) => member.email === input.email)) throw alreadyInTeam();
	const elsewhere = await ctx.db
		.selectFrom('users')
		.select('id')
		.where('email', '=', input.email)
		.executeTakeFirst();
	if (elsewhere) return createInvitation(ctx, leitung, input, origin);
	try {
		return await createUser(ctx, { ...input, role: 'team' }, leitung, origin);
	} catch (error) {
		// Created elsewhere a moment ago: answer as if it had been there before.
		if (error instanceof ApiError && error.code === 'email_taken') {
			return createInvitation(ctx, leitung, input, origin);
		}
		throw error;
	}
}

export async function updateTeamMember(
	ctx: ServerContext,
	leitung: SessionUser,
	id: string,
	patch: z.output<typeof updateTeamMemberRequestSchema>
): Promise<UserSummary> {
	const { invitation } = await manageableMember(ctx, leitung, id);
	if (patch.facilityIds) assertOwnFacilities(leitung, patch.facilityIds);
	if (invitation) return updateInvitation(ctx, leitung, id, patch);
	return updateUser(ctx, id, patch, leitung);
}

export async function issueTeamPasswordLink(
	ctx: ServerContext,
	leitung: SessionUser,
	id: string,
	origin: string
): Promise<PasswordLink> {
	const { member, invitation } = await manageableMember(ctx, leitung, id);
	if (invitation) return issueInvitationLink(ctx, member, origin);
	return issuePasswordLink(ctx, id, leitung, origin);
}
