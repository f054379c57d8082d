import { hasControlCharacter } from '$lib/domain/controlCharacters';
import { z } from 'zod';
import {
	createFacilityRequestSchema,
	createUserRequestSchema,
	setAssignmentsRequestSchema,
	updateUserRequestSchema,
	uploadCatalogueRequestSchema
} from '$lib/domain/accounts';
import { listAssignments, setAssignments } from '$lib/server/accounts/assignments';
import {
	activateCatalogueVersion,
	listCatalogueVersions,
	uploadCatalogueVersion
} from '$lib/server/catalogues';
import { createFacility, listFacilities } from '$lib/server/accounts/facilities';
import { createUser, issuePasswordLink, listUsers, updateUser } from '$lib/server/accounts/users';
import { listAudit } from '$lib/server/audit';
import { endpoint, json, readJson, requireRole } from '$lib/server/http/endpoint';
import { badRequest } from '$lib/server/http/errors';
import { param } from '$lib/server/http/params';

// Admin endpoints: accounts, facilities, assignments, catalogue versions, audit log.

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
	return json(await createUser(ctx, input, admin, event.url.origin), { status: 201 });
});

export const patchUser = endpoint(async (event, ctx) => {
	const admin = requireRole(event, 'admin');
	const patch = await readJson(event, updateUserRequestSchema);
	return json({ user: await updateUser(ctx, param(event, 'id'), patch, admin) });
});

export const postUserResetLink = endpoint(async (event, ctx) => {
	const admin = requireRole(event, 'admin');
	return json({ link: await issuePasswordLink(ctx, param(event, 'id'), admin, event.url.origin) });
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

export const getCatalogues = endpoint(async (event, ctx) => {
	requireRole(event, 'admin');
	return json({ catalogues: await listCatalogueVersions(ctx.db) });
});

export const postCatalogue = endpoint(async (event, ctx) => {
	const admin = requireRole(event, 'admin');
	const input = await readJson(event, uploadCatalogueRequestSchema);
	const summary = await uploadCatalogueVersion(ctx, input.catalogue, { activate: input.activate }, admin);
	return json({ catalogue: summary }, { status: 201 });
});

export const postCatalogueActivation = endpoint(async (event, ctx) => {
	const admin = requireRole(event, 'admin');
	return json({ catalogue: await activateCatalogueVersion(ctx, param(event, 'id'), admin) });
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
