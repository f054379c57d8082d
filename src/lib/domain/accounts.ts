import { z } from 'zod';

/**
 * Accounts, roles and facilities as the client and the server both see them. The server validates
 * every payload with these schemas; the forms use them for their German messages.
 */

export const roleSchema = z.enum(['team', 'leitung', 'fachberatung', 'admin']);
export type Role = z.infer<typeof roleSchema>;

export const roleLabels: Record<Role, string> = {
	team: 'Team',
	leitung: 'Leitung',
	fachberatung: 'Fachberatung',
	admin: 'Administration'
};

/** Roles whose access comes from membership in facilities (as opposed to advisor assignments). */
export const memberRoles: readonly Role[] = ['team', 'leitung'];

export const PASSWORD_MIN_LENGTH = 10;
/** argon2 hashes any length, but an unbounded input is a cheap way to burn server CPU. */
export const PASSWORD_MAX_LENGTH = 200;

const email = z
	.string()
	.trim()
	.toLowerCase()
	.max(254, 'Die E-Mail-Adresse ist zu lang')
	.pipe(z.email('Bitte eine gültige E-Mail-Adresse angeben'));

const id = z.string().min(1).max(120);

export const loginRequestSchema = z.object({
	email,
	password: z
		.string()
		.min(1, 'Bitte das Passwort eingeben')
		.max(PASSWORD_MAX_LENGTH, 'Das Passwort ist zu lang')
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const newPasswordSchema = z
	.string()
	.min(PASSWORD_MIN_LENGTH, `Das Passwort muss mindestens ${PASSWORD_MIN_LENGTH} Zeichen lang sein`)
	.max(PASSWORD_MAX_LENGTH, 'Das Passwort ist zu lang');

export const setPasswordRequestSchema = z.object({
	token: z.string().min(20, 'Der Link ist unvollständig').max(200, 'Der Link ist ungültig'),
	password: newPasswordSchema
});
export type SetPasswordRequest = z.infer<typeof setPasswordRequestSchema>;

/** „Passwort vergessen“: the answer is the same whether an account has this address or not. */
export const forgotPasswordRequestSchema = z.object({ email });
export type ForgotPasswordRequest = z.infer<typeof forgotPasswordRequestSchema>;

/** Whether „Passwort vergessen“ sends a link by e-mail here (SMTP configured) or needs a person. */
export const forgotPasswordInfoSchema = z.object({ byMail: z.boolean() });
export type ForgotPasswordInfo = z.infer<typeof forgotPasswordInfoSchema>;

export const facilitySchema = z.object({
	id,
	name: z.string(),
	/** The Familienzentrum (single centre or Verbund of up to five Kitas) the facility belongs to. */
	familienzentrum: z.string(),
	createdAt: z.string()
});
export type Facility = z.infer<typeof facilitySchema>;

export const createFacilityRequestSchema = z.object({
	name: z.string().trim().min(1, 'Bitte einen Namen angeben').max(200, 'Der Name ist zu lang'),
	/** Empty means: a single centre, its own Familienzentrum. */
	familienzentrum: z.string().trim().max(200, 'Der Name ist zu lang').default('')
});
export type CreateFacilityRequest = z.input<typeof createFacilityRequestSchema>;

export const facilityIdsSchema = z.array(id).max(50).default([]);

export const createUserRequestSchema = z.object({
	email,
	displayName: z.string().trim().min(1, 'Bitte einen Namen angeben').max(120, 'Der Name ist zu lang'),
	role: roleSchema,
	/** Facilities of a team or Leitung account; for Fachberatung use the assignments. */
	facilityIds: facilityIdsSchema
});
export type CreateUserRequest = z.input<typeof createUserRequestSchema>;

export const updateUserRequestSchema = z
	.object({
		displayName: z.string().trim().min(1, 'Bitte einen Namen angeben').max(120, 'Der Name ist zu lang'),
		role: roleSchema,
		disabled: z.boolean(),
		facilityIds: z.array(id).max(50)
	})
	.partial()
	.refine((u) => Object.keys(u).length > 0, { message: 'Keine Änderung angegeben' });
export type UpdateUserRequest = z.input<typeof updateUserRequestSchema>;

/** What a Leitung may create for her team: team accounts in her own facilities. */
export const createTeamMemberRequestSchema = createUserRequestSchema.extend({
	role: z.literal('team').default('team'),
	facilityIds: z.array(id).min(1, 'Bitte mindestens eine Einrichtung wählen').max(50)
});
export type CreateTeamMemberRequest = z.input<typeof createTeamMemberRequestSchema>;

export const updateTeamMemberRequestSchema = z
	.object({ disabled: z.boolean(), facilityIds: z.array(id).min(1).max(50) })
	.partial()
	.refine((u) => Object.keys(u).length > 0, { message: 'Keine Änderung angegeben' });
export type UpdateTeamMemberRequest = z.input<typeof updateTeamMemberRequestSchema>;

export const userSummarySchema = z.object({
	id,
	email: z.string(),
	displayName: z.string(),
	role: roleSchema,
	disabled: z.boolean(),
	/** False until the user has set a password through the one-time link. */
	hasPassword: z.boolean(),
	facilityIds: z.array(id),
	createdAt: z.string()
});
export type UserSummary = z.infer<typeof userSummarySchema>;

/**
 * A one-time link to set a password; only ever shown once, to whoever created it. With SMTP
 * configured the server also mails it: `mail` says to whom and whether the SMTP server took it (the
 * UI then shows the link only if it did not).
 */
export const passwordLinkSchema = z.object({
	url: z.string(),
	expiresAt: z.string(),
	mail: z.object({ to: z.string(), sent: z.boolean() }).optional()
});
export type PasswordLink = z.infer<typeof passwordLinkSchema>;

export const setAssignmentsRequestSchema = z.object({
	advisorId: id,
	facilityIds: z.array(id).max(500)
});
export type SetAssignmentsRequest = z.infer<typeof setAssignmentsRequestSchema>;

export const assignmentSchema = z.object({ advisorId: id, facilityId: id });
export type Assignment = z.infer<typeof assignmentSchema>;

/** The signed-in user as the session endpoint reports it. */
export const sessionUserSchema = z.object({
	id,
	email: z.string(),
	displayName: z.string(),
	role: roleSchema,
	/** Facilities the user works in (team, Leitung) or is assigned to (Fachberatung). */
	facilities: z.array(facilitySchema.pick({ id: true, name: true, familienzentrum: true }))
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const sessionResponseSchema = z.object({
	user: sessionUserSchema,
	/** When the session ends at the latest, even if used every day. */
	expiresAt: z.string()
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const catalogueVersionSummarySchema = z.object({
	id,
	catalogueId: z.string(),
	version: z.string(),
	title: z.string(),
	official: z.boolean(),
	active: z.boolean(),
	createdAt: z.string()
});
export type CatalogueVersionSummary = z.infer<typeof catalogueVersionSummarySchema>;

export const auditEntrySchema = z.object({
	id: z.number(),
	at: z.string(),
	userId: z.string().nullable(),
	userEmail: z.string().nullable(),
	facilityId: z.string().nullable(),
	action: z.string(),
	entity: z.string(),
	entityId: z.string().nullable(),
	detail: z.record(z.string(), z.unknown())
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** Error body of every JSON endpoint; `message` is German and meant for the user. */
export const apiErrorBodySchema = z.object({
	error: z.object({
		code: z.string(),
		message: z.string(),
		issues: z
			.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() }))
			.optional()
	})
});
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;
