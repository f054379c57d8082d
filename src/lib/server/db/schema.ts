import type { Generated } from 'kysely';
import type { Role } from '$lib/domain/accounts';

/**
 * Kysely types of the tables the migrations create. Conventions, so the same queries run on SQLite
 * and PostgreSQL: timestamps are ISO 8601 strings in UTC (`Date#toISOString`, so they also sort and
 * compare as text), flags are integers 0/1 (SQLite has no boolean), JSON is stored as text, ids are
 * text unless they must increase (then an identity column, see `identityColumn`).
 *
 * Other modules add tables with their own interface and `db.withTables<TheirTables>()`.
 */

export type IsoTimestamp = string;
export type Flag = 0 | 1;

export interface FacilitiesTable {
	id: string;
	name: string;
	/** The Familienzentrum (single centre, or Verbund of up to five Kitas) the facility belongs to. */
	familienzentrum: string;
	created_at: IsoTimestamp;
}

export interface UsersTable {
	id: string;
	/** Stored lower-case; unique. */
	email: string;
	display_name: string;
	role: Role;
	/** argon2id PHC string; null until the user has used the one-time link. */
	password_hash: string | null;
	disabled: Flag;
	created_at: IsoTimestamp;
}

/** Facilities a team member or Leitung works in. */
export interface UserFacilitiesTable {
	user_id: string;
	facility_id: string;
}

/** Facilities a Fachberatung looks after. */
export interface AdvisorAssignmentsTable {
	user_id: string;
	facility_id: string;
}

export interface SessionsTable {
	/** SHA-256 of the cookie token, so a leaked table does not leak usable sessions. */
	id: string;
	user_id: string;
	created_at: IsoTimestamp;
	last_seen_at: IsoTimestamp;
	/** Absolute end; the idle end is last_seen_at + idle timeout. */
	expires_at: IsoTimestamp;
}

export interface PasswordTokensTable {
	/** SHA-256 of the token in the link. */
	id: string;
	user_id: string;
	created_at: IsoTimestamp;
	expires_at: IsoTimestamp;
	used_at: IsoTimestamp | null;
}

export interface LoginAttemptsTable {
	id: Generated<number>;
	at: IsoTimestamp;
	email: string;
	ip: string;
	success: Flag;
}

export interface AuditLogTable {
	id: Generated<number>;
	at: IsoTimestamp;
	user_id: string | null;
	facility_id: string | null;
	action: string;
	entity: string;
	entity_id: string | null;
	/** JSON object. */
	detail: string;
}

export interface CatalogueVersionsTable {
	/** `${catalogueId}@${version}` */
	id: string;
	catalogue_id: string;
	version: string;
	title: string;
	official: Flag;
	/** The full catalogue as validated JSON. */
	json: string;
	/** At most one row is active: the catalogue in force for the deployment. */
	active: Flag;
	created_at: IsoTimestamp;
	created_by: string | null;
}

export interface DatabaseSchema {
	facilities: FacilitiesTable;
	users: UsersTable;
	user_facilities: UserFacilitiesTable;
	advisor_assignments: AdvisorAssignmentsTable;
	sessions: SessionsTable;
	password_tokens: PasswordTokensTable;
	login_attempts: LoginAttemptsTable;
	audit_log: AuditLogTable;
	catalogue_versions: CatalogueVersionsTable;
}
