import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { SessionUser } from '$lib/domain/accounts';
import { hasControlCharacter } from '$lib/domain/controlCharacters';
import { snapshotWithWebLinks } from '$lib/domain/dossier/projection';
import { dossierSnapshotSchema, snapshotAttachments } from '$lib/domain/dossier/snapshot';
import type {
	Dossier,
	DossierSubmission,
	DossierSubmitResponse,
	DossierSummary
} from '$lib/domain/dossier/versions';
import { periodFromKey } from '$lib/domain/periods';
import { writeAudit } from '$lib/server/accounts/audit';
import { canLeadFacility, canReadFacility, canWriteFacility } from '$lib/server/auth/permissions';
import type { ServerContext } from '$lib/server/context';
import { ApiError, badRequest, forbidden, notFound } from '$lib/server/http/errors';
import { filesOfFacility } from '$lib/server/sync/attachments';
import type { Database, DossiersTable } from '$lib/server/db/schema';
import { versionCacheOf, type StoredVersion } from '$lib/server/dossier/versionCache';

/**
 * Handed-in dossiers: immutable, versioned per facility and review period. Nobody sees a dossier of
 * a facility they may not read; the answer is then "not found", as for a dossier that does not exist.
 */

const unknownFacility = () => notFound('Dieses Familienzentrum ist Ihnen nicht zugeordnet.');
const unknownDossier = () => notFound('Diese Mappe gibt es nicht.');

type SummaryRow = Omit<DossiersTable, 'snapshot'>;

function toSummary(row: SummaryRow): DossierSummary {
	return {
		id: row.id,
		submissionId: row.submission_id,
		facilityId: row.facility_id,
		periodKey: row.period_key,
		periodLabel: periodFromKey(row.period_key)?.label ?? row.period_key,
		version: Number(row.version),
		catalogueId: row.catalogue_id,
		catalogueVersion: row.catalogue_version,
		readinessPasses: row.readiness_passes === 1,
		submittedBy: row.submitted_by_name,
		preparedAt: row.prepared_at,
		receivedAt: row.received_at
	};
}

const summaryColumns = [
	'id',
	'submission_id',
	'facility_id',
	'period_key',
	'version',
	'catalogue_id',
	'catalogue_version',
	'readiness_passes',
	'submitted_by',
	'submitted_by_name',
	'prepared_at',
	'received_at'
] as const;

/** Dossiers of a facility the user may read, newest first (by period, then version). */
export async function listDossiers(
	ctx: ServerContext,
	user: SessionUser,
	facilityId: string
): Promise<DossierSummary[]> {
	if (!canReadFacility(user, facilityId)) throw unknownFacility();
	const rows = await ctx.db
		.selectFrom('dossiers')
		.select(summaryColumns)
		.where('facility_id', '=', facilityId)
		.orderBy('period_key', 'desc')
		.orderBy('version', 'desc')
		.execute();
	return rows.map(toSummary);
}

/** The latest dossier of each of the facilities (any period), for the advisor's list. */
export async function latestDossiers(
	db: Kysely<Database>,
	facilityIds: string[]
): Promise<Map<string, DossierSummary>> {
	const latest = new Map<string, DossierSummary>();
	if (facilityIds.length === 0) return latest;
	const rows = await db
		.selectFrom('dossiers')
		.select(summaryColumns)
		.where('facility_id', 'in', facilityIds)
		.orderBy('received_at', 'desc')
		.orderBy('version', 'desc')
		.execute();
	for (const row of rows) if (!latest.has(row.facility_id)) latest.set(row.facility_id, toSummary(row));
	return latest;
}

/**
 * One version the user may read, as the API sends it. Checked through the snapshot schema on its
 * first read only (see versionCache.ts); who may read it is decided on every call.
 */
export async function readDossierVersion(
	ctx: ServerContext,
	user: SessionUser,
	id: string
): Promise<StoredVersion> {
	const cache = versionCacheOf(ctx.db);
	const kept = cache.get(id);
	if (kept) {
		if (!canReadFacility(user, kept.summary.facilityId)) throw unknownDossier();
		return kept;
	}
	const row = await ctx.db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirst();
	if (!row || !canReadFacility(user, row.facility_id)) throw unknownDossier();
	const dossier: Dossier = {
		...toSummary(row),
		snapshot: dossierSnapshotSchema.parse(snapshotWithWebLinks(JSON.parse(row.snapshot)))
	};
	const version = { summary: toSummary(row), json: JSON.stringify(dossier) };
	cache.set(id, version);
	return version;
}

export async function getDossier(ctx: ServerContext, user: SessionUser, id: string): Promise<Dossier> {
	// A copy of its own for each caller: the kept version is shared by all requests.
	return JSON.parse((await readDossierVersion(ctx, user, id)).json) as Dossier;
}

function checkMayHandIn(user: SessionUser, facilityId: string): void {
	if (canLeadFacility(user, facilityId)) return;
	if (canWriteFacility(user, facilityId)) throw forbidden('Nur die Leitung kann die Mappe abgeben.');
	if (canReadFacility(user, facilityId)) {
		throw forbidden('Die Mappe gibt die Leitung des Familienzentrums ab, nicht die Fachberatung.');
	}
	throw unknownFacility();
}

/**
 * Files the snapshot cites that its facility has not uploaded yet: the device uploads them first.
 * A file only another centre owns counts as missing, so a hand-in never makes it readable here.
 */
async function missingFiles(ctx: ServerContext, submission: DossierSubmission): Promise<string[]> {
	const cited = snapshotAttachments(submission.snapshot);
	const owned = await filesOfFacility(ctx, submission.facilityId, cited);
	return cited.filter((sha256) => !owned.has(sha256));
}

function isUniqueViolation(error: unknown): boolean {
	const code = (error as { code?: unknown } | null)?.code;
	return code === '23505' || (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT'));
}

async function findBySubmission(db: Kysely<Database>, submissionId: string): Promise<SummaryRow | undefined> {
	return db
		.selectFrom('dossiers')
		.select(summaryColumns)
		.where('submission_id', '=', submissionId)
		.executeTakeFirst();
}

/**
 * Stores a hand-in as the next version for its facility and period. Idempotent: the same submission
 * arriving again (a resend after a cut connection) answers the stored dossier with `created: false`.
 * Hand-ins of one facility arriving together take their versions one after another (see
 * `lockFacilityVersions`), however many there are.
 */
export async function submitDossier(
	ctx: ServerContext,
	user: SessionUser,
	submission: DossierSubmission
): Promise<DossierSubmitResponse> {
	checkMayHandIn(user, submission.facilityId);
	// The snapshot is stored as JSON text (a NUL in a note is harmless there); these become columns.
	const { catalogue } = submission.snapshot;
	if (hasControlCharacter(catalogue.id) || hasControlCharacter(catalogue.version)) {
		throw badRequest('Die Kennung des Katalogs in der Mappe enthält Steuerzeichen.');
	}
	const db = ctx.db;
	const before = await findBySubmission(db, submission.submissionId);
	if (before) return replayed(before, submission);

	const missing = await missingFiles(ctx, submission);
	if (missing.length > 0) {
		const names = submission.snapshot.evidence
			.filter((e) => e.attachment && missing.includes(e.attachment.sha256))
			.map((e) => `„${e.attachment!.fileName}“`);
		throw new ApiError(
			409,
			'missing_attachment',
			`Noch nicht alle Dateien sind auf dem Server (${[...new Set(names)].join(', ')}). Die Mappe wird nach dem Hochladen erneut gesendet.`
		);
	}

	try {
		const row = await insertNextVersion(ctx, user, submission);
		return { dossier: toSummary(row), created: true };
	} catch (error) {
		// The same submission sent twice at once: the other request stored it.
		if (!isUniqueViolation(error)) throw error;
		const stored = await findBySubmission(db, submission.submissionId);
		if (stored) return replayed(stored, submission);
		throw error;
	}
}

function replayed(row: SummaryRow, submission: DossierSubmission): DossierSubmitResponse {
	if (row.facility_id !== submission.facilityId) {
		throw new ApiError(
			409,
			'submission_exists',
			'Diese Abgabe ist schon für ein anderes Familienzentrum gespeichert.'
		);
	}
	return { dossier: toSummary(row), created: false };
}

/**
 * Holds the facility's dossier versions until the transaction ends, so a concurrent hand-in reads
 * the highest version only after this one is committed. PostgreSQL: a transaction-scoped advisory
 * lock on the facility (its name is apart from the sync's record locks, which are `table:id`).
 * SQLite runs one write transaction at a time, so there is nothing to lock.
 */
async function lockFacilityVersions(
	ctx: ServerContext,
	trx: Kysely<Database>,
	facilityId: string
): Promise<void> {
	if (ctx.dialectName !== 'postgres') return;
	await sql`select pg_advisory_xact_lock(hashtextextended(${`dossier versions ${facilityId}`}, 0))`.execute(
		trx
	);
}

async function insertNextVersion(
	ctx: ServerContext,
	user: SessionUser,
	submission: DossierSubmission
): Promise<SummaryRow> {
	const { snapshot } = submission;
	return ctx.db.transaction().execute(async (trx) => {
		await lockFacilityVersions(ctx, trx, submission.facilityId);
		const last = await trx
			.selectFrom('dossiers')
			.select((eb) => eb.fn.max('version').as('version'))
			.where('facility_id', '=', submission.facilityId)
			.where('period_key', '=', snapshot.period.key)
			.executeTakeFirst();
		const now = ctx.now();
		const row: DossiersTable = {
			id: randomUUID(),
			submission_id: submission.submissionId,
			facility_id: submission.facilityId,
			period_key: snapshot.period.key,
			version: Number(last?.version ?? 0) + 1,
			catalogue_id: snapshot.catalogue.id,
			catalogue_version: snapshot.catalogue.version,
			readiness_passes: snapshot.readiness.passes ? 1 : 0,
			submitted_by: user.id,
			submitted_by_name: user.displayName,
			prepared_at: snapshot.preparedAt,
			received_at: now.toISOString(),
			snapshot: JSON.stringify(snapshot)
		};
		await trx.insertInto('dossiers').values(row).execute();
		await writeAudit(trx, {
			at: now,
			userId: user.id,
			facilityId: submission.facilityId,
			action: 'dossier.submit',
			entity: 'dossier',
			entityId: row.id,
			detail: {
				periodKey: row.period_key,
				version: row.version,
				catalogue: `${row.catalogue_id}@${row.catalogue_version}`,
				statuses: snapshot.statuses.length,
				evidence: snapshot.evidence.length
			}
		});
		const { snapshot: _snapshot, ...summary } = row;
		return summary;
	});
}
