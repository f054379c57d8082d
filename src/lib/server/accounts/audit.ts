import type { CompiledQuery, Kysely } from 'kysely';
import type { AuditEntry } from '$lib/domain/accounts';
import { compiledOnce } from '$lib/server/db/throughput/compiledOnce';
import type { Database } from '$lib/server/db/schema';

export interface AuditInput {
	/** Who did it; null for the system (seeding) or an anonymous action (setting a password by link). */
	userId: string | null;
	facilityId?: string | null;
	/** Verb-like, dotted: `user.create`, `auth.login`, `dossier.submit`. */
	action: string;
	entity: string;
	entityId?: string | null;
	/** Small JSON object with what changed; never passwords, tokens or personal data of families. */
	detail?: Record<string, unknown>;
	at?: Date;
}

/**
 * Appends to the audit log. Pass the transaction that makes the change, so the entry is written
 * exactly when the change is.
 */
export async function writeAudit(db: Kysely<Database>, entry: AuditInput): Promise<void> {
	await db.executeQuery(auditStatement(db, entry));
}

/** `writeAudit` as a statement, for a batched transaction (db/batchedTransaction.ts). */
export function auditStatement(db: Kysely<Database>, entry: AuditInput): CompiledQuery {
	return insertAudit(
		db,
		(entry.at ?? new Date()).toISOString(),
		entry.userId,
		entry.facilityId ?? null,
		entry.action,
		entry.entity,
		entry.entityId ?? null,
		JSON.stringify(entry.detail ?? {})
	);
}

// Every push writes one: built and compiled once.
const insertAudit = compiledOnce(
	(
		db: Kysely<Database>,
		at: string,
		userId: string | null,
		facilityId: string | null,
		action: string,
		entity: string,
		entityId: string | null,
		detail: string
	) =>
		db.insertInto('audit_log').values({
			at,
			user_id: userId,
			facility_id: facilityId,
			action,
			entity,
			entity_id: entityId,
			detail
		})
);

export interface AuditQuery {
	/** Only entries with an id below this (paging backwards). */
	before?: number;
	facilityId?: string;
	limit?: number;
}

/** Newest first. */
export async function listAudit(db: Kysely<Database>, query: AuditQuery = {}): Promise<AuditEntry[]> {
	let select = db
		.selectFrom('audit_log')
		.leftJoin('users', 'users.id', 'audit_log.user_id')
		.select([
			'audit_log.id',
			'audit_log.at',
			'audit_log.user_id',
			'users.email',
			'audit_log.facility_id',
			'audit_log.action',
			'audit_log.entity',
			'audit_log.entity_id',
			'audit_log.detail'
		])
		.orderBy('audit_log.id', 'desc')
		.limit(Math.min(Math.max(query.limit ?? 100, 1), 500));
	if (query.before !== undefined) select = select.where('audit_log.id', '<', query.before);
	if (query.facilityId !== undefined) select = select.where('audit_log.facility_id', '=', query.facilityId);
	const rows = await select.execute();
	return rows.map((r) => ({
		id: r.id,
		at: r.at,
		userId: r.user_id,
		userEmail: r.email ?? null,
		facilityId: r.facility_id,
		action: r.action,
		entity: r.entity,
		entityId: r.entity_id,
		detail: JSON.parse(r.detail) as Record<string, unknown>
	}));
}
