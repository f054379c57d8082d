import { z } from 'zod';
import {
	assignmentSchema,
	auditEntrySchema,
	catalogueVersionSummarySchema,
	createFacilityRequestSchema,
	createTeamMemberRequestSchema,
	createUserRequestSchema,
	facilitySchema,
	forgotPasswordInfoSchema,
	forgotPasswordRequestSchema,
	loginRequestSchema,
	passwordLinkSchema,
	sessionResponseSchema,
	setAssignmentsRequestSchema,
	setPasswordRequestSchema,
	updateTeamMemberRequestSchema,
	updateUserRequestSchema,
	userSummarySchema,
	type Role
} from '$lib/domain/accounts';
import { catalogueSchema } from '$lib/domain/catalogue/schema';
import { passwordLinkCheckSchema } from '$lib/domain/passwordLinkState';
import { feedbackRequestSchema } from '$lib/domain/dossier/feedback';
import {
	feedbackChangeSchema,
	feedbackCommentRequestSchema,
	feedbackResolveRequestSchema
} from '$lib/domain/dossier/feedbackThread';
import { dossierOutlineResponseSchema } from '$lib/domain/dossier/outline';
import { reviewFacilityDetailSchema, reviewFacilityListSchema } from '$lib/domain/dossier/review';
import {
	dossierListResponseSchema,
	dossierResponseSchema,
	dossierSubmissionSchema,
	dossierSubmitResponseSchema
} from '$lib/domain/dossier/versions';
import {
	attachmentUploadResponseSchema,
	pullRequestSchema,
	pullResponseSchema,
	pushRequestSchema,
	pushResponseSchema
} from '$lib/domain/sync/protocol';

/**
 * Every JSON API route with its method, path, who may call it and the zod schemas its handler reads
 * and answers, the same schemas the handlers and the client use. document.ts turns this list into the
 * OpenAPI description at /api/openapi.json; openapi.test.ts fails when a route under
 * src/routes/api has no entry here, or an entry has no route: a new route is described by adding
 * its entry to this list.
 */

export type HttpMethod = 'get' | 'head' | 'post' | 'put' | 'patch' | 'delete';

/** `public`: no session; `session`: any signed-in user (the handler checks facilities); or roles. */
export type Access = 'public' | 'session' | Role[];

export interface Operation {
	method: HttpMethod;
	/** OpenAPI style: `/api/team/{id}`. */
	path: string;
	summary: string;
	access: Access;
	/** JSON request body, validated with this schema (its input side is described). */
	body?: z.ZodType;
	/** Query parameters, validated with this object schema. */
	query?: z.ZodObject;
	/** Success status and its JSON body; `binary` for files, `empty` for no body. */
	response:
		| { status: number; schema: z.ZodType }
		| { status: number; binary: string }
		| { status: number; empty: true };
}

const ok = (schema: z.ZodType, status = 200) => ({ status, schema });
const facilityIdQuery = z.object({ facility: z.string().min(1).describe('Id of the facility') });
const auditQuery = z.object({
	before: z.coerce.number().int().positive().optional().describe('Entries with a smaller id'),
	limit: z.coerce.number().int().min(1).max(500).optional(),
	facilityId: z.string().min(1).max(120).optional()
});
const healthSchema = z.object({
	status: z.enum(['ok', 'error']),
	database: z.enum(['sqlite', 'postgres']),
	databaseStatus: z.enum(['ok', 'error']),
	version: z.string(),
	disk: z.object({ freeBytes: z.number(), totalBytes: z.number() }).nullable()
});
const operatorText = z.string().nullable();
const deploymentSchema = z.object({
	operator: z.object({
		name: operatorText,
		address: operatorText,
		representative: operatorText,
		email: operatorText,
		phone: operatorText,
		privacyOfficer: operatorText,
		accessibilityContact: operatorText
	})
});
const passwordLinkQuery = z.object({ token: z.string().max(200).describe("The one-time link's token") });
const catalogueResponse = z.object({ catalogue: catalogueSchema });
const catalogueVersionResponse = z.object({ catalogue: catalogueVersionSummarySchema });
const createdAccount = z.object({ user: userSummarySchema, link: passwordLinkSchema });
const linkResponse = z.object({ link: passwordLinkSchema });
const withdrawnFeedback = z.object({ withdrawn: z.boolean(), feedback: z.null(), message: z.null() });

export const operations: Operation[] = [
	// Health and description
	{
		method: 'get',
		path: '/api/health',
		summary: 'Server and database reachable',
		access: 'public',
		response: ok(healthSchema)
	},
	{
		method: 'get',
		path: '/api/deployment',
		summary: 'Who runs this deployment (Impressum, Datenschutz, Barrierefreiheit)',
		access: 'public',
		response: ok(deploymentSchema)
	},
	{
		method: 'get',
		path: '/api/openapi.json',
		summary: 'This description',
		access: 'public',
		response: ok(z.object({ openapi: z.string() }).passthrough())
	},

	// Sign-in and passwords
	{
		method: 'post',
		path: '/api/auth/login',
		summary: 'Log in (sets the session cookie)',
		access: 'public',
		body: loginRequestSchema,
		response: ok(sessionResponseSchema)
	},
	{
		method: 'post',
		path: '/api/auth/logout',
		summary: 'End this session',
		access: 'session',
		response: ok(z.object({ ok: z.literal(true) }))
	},
	{
		method: 'get',
		path: '/api/auth/session',
		summary: 'The signed-in user',
		access: 'session',
		response: ok(sessionResponseSchema)
	},
	{
		method: 'get',
		path: '/api/auth/set-password',
		summary: 'Whether a one-time link still works (usable, expired, used, invalid)',
		access: 'public',
		query: passwordLinkQuery,
		response: ok(passwordLinkCheckSchema)
	},
	{
		method: 'post',
		path: '/api/auth/set-password',
		summary: 'Set a password with a one-time link; ends all sessions of the account',
		access: 'public',
		body: setPasswordRequestSchema,
		response: ok(z.object({ ok: z.literal(true), email: z.string() }))
	},
	{
		method: 'get',
		path: '/api/auth/forgot-password',
		summary: 'Whether „Passwort vergessen“ sends links by e-mail here',
		access: 'public',
		response: ok(forgotPasswordInfoSchema)
	},
	{
		method: 'post',
		path: '/api/auth/forgot-password',
		summary: 'Mail a one-time link if an account has the address; the same answer either way',
		access: 'public',
		body: forgotPasswordRequestSchema,
		response: ok(z.object({ ok: z.literal(true) }), 202)
	},

	// Administration
	{
		method: 'get',
		path: '/api/admin/facilities',
		summary: 'All facilities',
		access: ['admin'],
		response: ok(z.object({ facilities: z.array(facilitySchema) }))
	},
	{
		method: 'post',
		path: '/api/admin/facilities',
		summary: 'Create a facility',
		access: ['admin'],
		body: createFacilityRequestSchema,
		response: ok(z.object({ facility: facilitySchema }), 201)
	},
	{
		method: 'get',
		path: '/api/admin/users',
		summary: 'All accounts',
		access: ['admin'],
		response: ok(z.object({ users: z.array(userSummarySchema) }))
	},
	{
		method: 'post',
		path: '/api/admin/users',
		summary: 'Create an account; answers its one-time link (mailed when SMTP is set)',
		access: ['admin'],
		body: createUserRequestSchema,
		response: ok(createdAccount, 201)
	},
	{
		method: 'patch',
		path: '/api/admin/users/{id}',
		summary: 'Change or lock an account',
		access: ['admin'],
		body: updateUserRequestSchema,
		response: ok(z.object({ user: userSummarySchema }))
	},
	{
		method: 'post',
		path: '/api/admin/users/{id}/reset-link',
		summary: 'A new one-time link (mailed when SMTP is set)',
		access: ['admin'],
		response: ok(linkResponse)
	},
	{
		method: 'get',
		path: '/api/admin/assignments',
		summary: 'Which advisor sees which facility',
		access: ['admin'],
		response: ok(z.object({ assignments: z.array(assignmentSchema) }))
	},
	{
		method: 'put',
		path: '/api/admin/assignments',
		summary: "Replace an advisor's facilities",
		access: ['admin'],
		body: setAssignmentsRequestSchema,
		response: ok(z.object({ assignments: z.array(assignmentSchema) }))
	},
	{
		method: 'get',
		path: '/api/admin/audit',
		summary: 'The audit log, newest first',
		access: ['admin'],
		query: auditQuery,
		response: ok(z.object({ entries: z.array(auditEntrySchema) }))
	},
	{
		method: 'get',
		path: '/api/admin/catalogues',
		summary: 'Stored catalogue versions',
		access: ['admin'],
		response: ok(z.object({ catalogues: z.array(catalogueVersionSummarySchema) }))
	},
	{
		method: 'post',
		path: '/api/admin/catalogues',
		summary: 'Upload a catalogue version (format 1 or 2)',
		access: ['admin'],
		body: z.object({ catalogue: z.unknown(), activate: z.boolean().default(false) }),
		response: ok(catalogueVersionResponse, 201)
	},
	{
		method: 'post',
		path: '/api/admin/catalogues/{id}/activate',
		summary: 'Put a catalogue version in force',
		access: ['admin'],
		response: ok(catalogueVersionResponse)
	},

	// A Leitung's team
	{
		method: 'get',
		path: '/api/team',
		summary: "The Leitung's team and facilities",
		access: ['leitung'],
		response: ok(z.object({ users: z.array(userSummarySchema), facilities: z.array(facilitySchema) }))
	},
	{
		method: 'post',
		path: '/api/team',
		summary: 'Create a team account; answers its one-time link (mailed when SMTP is set)',
		access: ['leitung'],
		body: createTeamMemberRequestSchema,
		response: ok(createdAccount, 201)
	},
	{
		method: 'patch',
		path: '/api/team/{id}',
		summary: 'Lock a team account or change its facilities',
		access: ['leitung'],
		body: updateTeamMemberRequestSchema,
		response: ok(z.object({ user: userSummarySchema }))
	},
	{
		method: 'post',
		path: '/api/team/{id}/reset-link',
		summary: 'A new one-time link for a team member (mailed when SMTP is set)',
		access: ['leitung'],
		response: ok(linkResponse)
	},

	// Catalogue
	{
		method: 'get',
		path: '/api/catalogue',
		summary: 'The catalogue version in force',
		access: 'session',
		response: ok(catalogueResponse)
	},
	{
		method: 'get',
		path: '/api/catalogue/version',
		summary: 'Which catalogue version is in force',
		access: 'session',
		response: ok(z.object({ catalogueId: z.string(), version: z.string() }))
	},
	{
		method: 'get',
		path: '/api/catalogue/versions/{catalogueId}/{version}',
		summary: 'One stored catalogue version',
		access: 'session',
		response: ok(catalogueResponse)
	},

	// Sync
	{
		method: 'post',
		path: '/api/sync/push',
		summary: "Send a device's changes",
		access: 'session',
		body: pushRequestSchema,
		response: ok(pushResponseSchema)
	},
	{
		method: 'get',
		path: '/api/sync/pull',
		summary: 'Changes after a cursor',
		access: 'session',
		query: pullRequestSchema,
		response: ok(pullResponseSchema)
	},
	{
		method: 'head',
		path: '/api/sync/attachments/{sha256}',
		summary: 'Whether the server has a file',
		access: 'session',
		response: { status: 200, empty: true }
	},
	{
		method: 'get',
		path: '/api/sync/attachments/{sha256}',
		summary: 'A file by its SHA-256',
		access: 'session',
		response: { status: 200, binary: 'application/octet-stream' }
	},
	{
		method: 'put',
		path: '/api/sync/attachments/{sha256}',
		summary: 'Upload a file (image or PDF) by its SHA-256',
		access: 'session',
		response: ok(attachmentUploadResponseSchema, 201)
	},

	// Dossiers
	{
		method: 'get',
		path: '/api/dossiers',
		summary: 'Dossiers handed in for a facility',
		access: 'session',
		query: facilityIdQuery,
		response: ok(dossierListResponseSchema)
	},
	{
		method: 'post',
		path: '/api/dossiers',
		summary: 'Hand in a dossier (a resent one answers the stored one with 200)',
		access: 'session',
		body: dossierSubmissionSchema,
		response: ok(dossierSubmitResponseSchema, 201)
	},
	{
		method: 'get',
		path: '/api/dossiers/{id}',
		summary: 'One dossier with its catalogue',
		access: 'session',
		response: ok(dossierResponseSchema)
	},
	{
		method: 'get',
		path: '/api/dossiers/{id}/outline',
		summary: 'One dossier without its evidence items and register tables (the review list)',
		access: 'session',
		response: ok(dossierOutlineResponseSchema)
	},
	{
		method: 'get',
		path: '/api/dossiers/{id}/export.zip',
		summary: 'The dossier as a ZIP for the certification body',
		access: 'session',
		response: { status: 200, binary: 'application/zip' }
	},
	{
		method: 'get',
		path: '/api/dossiers/{id}/report.pdf',
		summary: 'The dossier summary as PDF',
		access: 'session',
		response: { status: 200, binary: 'application/pdf' }
	},

	// Review by the Fachberatung
	{
		method: 'get',
		path: '/api/review/facilities',
		summary: "The advisor's centres",
		access: 'session',
		response: ok(reviewFacilityListSchema)
	},
	{
		method: 'get',
		path: '/api/review/facilities/{facilityId}',
		summary: 'One centre with readiness, dossiers and feedback',
		access: 'session',
		response: ok(reviewFacilityDetailSchema)
	},
	{
		method: 'get',
		path: '/api/review/facilities/{facilityId}/context',
		summary: "A centre's versions, feedback and threads, for the review page of a version",
		access: 'session',
		response: ok(reviewFacilityDetailSchema.pick({ dossiers: true, feedback: true, messages: true }))
	},
	{
		method: 'put',
		path: '/api/review/facilities/{facilityId}/feedback/{criterionId}',
		summary: 'Give feedback on a criterion (its advisors)',
		access: 'session',
		body: feedbackRequestSchema,
		response: ok(feedbackChangeSchema)
	},
	{
		method: 'delete',
		path: '/api/review/facilities/{facilityId}/feedback/{criterionId}',
		summary: 'Withdraw feedback (its advisors)',
		access: 'session',
		response: ok(withdrawnFeedback)
	},
	{
		method: 'post',
		path: '/api/review/facilities/{facilityId}/feedback/{criterionId}/messages',
		summary: 'Comment on feedback',
		access: 'session',
		body: feedbackCommentRequestSchema,
		response: ok(feedbackChangeSchema)
	},
	{
		method: 'post',
		path: '/api/review/facilities/{facilityId}/feedback/{criterionId}/resolve',
		summary: 'Mark feedback as done',
		access: 'session',
		body: feedbackResolveRequestSchema,
		response: ok(feedbackChangeSchema)
	}
];
