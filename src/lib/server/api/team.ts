import { createTeamMemberRequestSchema, updateTeamMemberRequestSchema } from '$lib/domain/accounts';
import { listFacilities } from '$lib/server/accounts/facilities';
import {
	createTeamMember,
	issueTeamPasswordLink,
	listTeam,
	updateTeamMember
} from '$lib/server/accounts/team';
import { facilitiesVisibleTo } from '$lib/server/auth/permissions';
import { endpoint, json, readJson, requireRole } from '$lib/server/http/endpoint';
import { param } from '$lib/server/http/params';

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
	return json(await createTeamMember(ctx, leitung, input, event.url.origin), { status: 201 });
});

export const patchTeamMember = endpoint(async (event, ctx) => {
	const leitung = requireRole(event, 'leitung');
	const patch = await readJson(event, updateTeamMemberRequestSchema);
	return json({ user: await updateTeamMember(ctx, leitung, param(event, 'id'), patch) });
});

export const postTeamResetLink = endpoint(async (event, ctx) => {
	const leitung = requireRole(event, 'leitung');
	return json({ link: await issueTeamPasswordLink(ctx, leitung, param(event, 'id'), event.url.origin) });
});
