import { hasControlCharacter } from '$lib/domain/controlCharacters';
import { z } from 'zod';
import {
	createFacilityRequestSchema,
	createTeamMemberRequestSchema,
	createUserRequestSchema,
	setAssignmentsRequestSchema,
	updateTeamMemberRequestSchema,
	updateUserRequestSchema
} from '$lib/domain/accounts';
import { listAssignments, setAssignments } from '$lib/server/accounts/assignments';
import { createFacility, listFacilities } from '$lib/server/accounts/facilities';
import {
	createTeamMember,
	issueTeamPasswordLink,
	listTeam,
	updateTeamMember
} from '$lib/server/accounts/team';
import { findInvitation } from '$lib/server/accounts/teamInvitations';
import { createUser, getUser, issuePasswordLink, listUsers, updateUser } from '$lib/server/accounts/users';
import { mailPasswordLink } from '$lib/server/mail/passwordLinks';
import { facilitiesVisibleTo } from '$lib/server/auth/permissions';
import { listAudit } from '$lib/server/accounts/audit';
import { endpoint, json, readJson, requireRole } from '$lib/server/http/endpoint';
import { badRequest } from '$lib/server/http/errors';
import { param } from '$lib/server/http/params';

// Admin endpoints: accounts, facilities, assignments, audit log (catalogue versions: catalogue/).

export const getFacilities = endpoint(async (event, ctx) => {
	requireRole(event, 'admin');
	return json({ facilities: await listFacilities(ctx.db) });
});

export const postFacility = endpoint(async (event, ctx) => {
	const admin = requireRole(event, 'admin');
	const input = await readJson(event, createFacilityRequestSchema);
	return json({ facility: await createFacility(ctx, input, admin) }, { status: 201 });
});

export const getUsers = endpoint(async (event, ctx) => {
	requireRole(event, 'admin');
	return json({ users: await listUsers(ctx.db) });
});

export const postUser = endpoint(async (event, ctx) => {
	const admin = requireRole(event, 'admin');
	const input = await readJson(event, createUserRequestSchema);
	const created = await createUser(ctx, input, admin, event.url.origin);
	const link = await mailPasswordLink(ctx, created.user.email, created.link, 'account');
	return json({ ...created, link }, { status: 201 });
});

export const patchUser = endpoint(async (event, ctx) => {
	const admin = requireRole(event, 'admin');
	const patch = await readJson(event, updateUserRequestSchema);
	return json({ user: await updateUser(ctx, param(event, 'id'), patch, admin) });
});

export const postUserResetLink = endpoint(async (event, ctx) => {
	const admin = requireRole(event, 'admin');
	const id = param(event, 'id');
	const link = await issuePasswordLink(ctx, id, admin, event.url.origin);
	const { email } = await getUser(ctx.db, id);
	return json({ link: await mailPasswordLink(ctx, email, link, 'reset') });
});

export const getAssignments = endpoint(async (event, ctx) => {
	requireRole(event, 'admin');
	return json({ assignments: await listAssignments(ctx) });
});

export const putAssignments = endpoint(async (event, ctx) => {
	const admin = requireRole(event, 'admin');
	const input = await readJson(event, setAssignmentsRequestSchema);
	return json({ assignments: await setAssignments(ctx, input.advisorId, input.facilityIds, admin) });
});

const auditQuerySchema = z.object({
	before: z.coerce.number().int().positive().optional(),
	limit: z.coerce.number().int().min(1).max(500).optional(),
	facilityId: z
		.string()
		.min(1)
		.max(120)
		.refine((id) => !hasControlCharacter(id))
		.optional()
});

export const getAudit = endpoint(async (event, ctx) => {
	requireRole(event, 'admin');
	const query = auditQuerySchema.safeParse(Object.fromEntries(event.url.searchParams));
	if (!query.success) throw badRequest('Ungültige Abfrage des Protokolls.');
	return json({ entries: await listAudit(ctx.db, query.data) });
});

// A Leitung's team management, limited to her own facilities (see accounts/team.ts).

export const getTeam = endpoint(async (event, ctx) => {
	const leitung = requireRole(event, 'leitung');
	return json({
		users: await listTeam(ctx, leitung),
		facilities: await listFacilities(ctx.db, facilitiesVisibleTo(leitung))
	});
});

export const postTeamMember = endpoint(async (event, ctx) => {
	const leitung = requireRole(event, 'leitung');
	const input = await readJson(event, createTeamMemberRequestSchema);
	const created = await createTeamMember(ctx, leitung, input, event.url.origin);
	// An invitation (the address has an account elsewhere) is mailed like a new account: see team.ts.
	const link = await mailPasswordLink(ctx, created.user.email, created.link, 'account');
	return json({ ...created, link }, { status: 201 });
});

export const patchTeamMember = endpoint(async (event, ctx) => {
	const leitung = requireRole(event, 'leitung');
	const patch = await readJson(event, updateTeamMemberRequestSchema);
	return json({ user: await updateTeamMember(ctx, leitung, param(event, 'id'), patch) });
});

export const postTeamResetLink = endpoint(async (event, ctx) => {
	const leitung = requireRole(event, 'leitung');
	const id = param(event, 'id');
	const link = await issueTeamPasswordLink(ctx, leitung, id, event.url.origin);
	// issueTeamPasswordLink has checked that she may; the member is an account or an invitation.
	const member = (await getUser(ctx.db, id).catch(() => null)) ?? (await findInvitation(ctx, id));
	const kind = member?.hasPassword ? 'reset' : 'account';
	return json({ link: member ? await mailPasswordLink(ctx, member.email, link, kind) : link });
});
