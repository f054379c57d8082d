import { z } from 'zod';
import { de } from 'zod/locales';
import { syncedTableSchemas, type SyncedTableName } from '$lib/domain/sync/tables';

const germanErrors = de().localeError;

export type RecordCheck = { ok: true; record: Record<string, unknown> } | { ok: false; reason: string };

/**
 * Checks a merged record against its table's schema, with German messages. The parsed record is
 * what gets stored: defaults filled in, unknown fields dropped.
 */
export function checkRecord(table: SyncedTableName, record: Record<string, unknown>): RecordCheck {
	const schema = syncedTableSchemas[table] as z.ZodType<Record<string, unknown>>;
	const result = schema.safeParse(record, { error: germanErrors });
	if (!result.success) return { ok: false, reason: rejectionReason(result.error) };
	// Every field has its limit, but a record is also stored, pulled and listed whole: cap it too.
	if (Buffer.byteLength(JSON.stringify(result.data)) > MAX_RECORD_BYTES) {
		return { ok: false, reason: 'Ungültige Angaben: Der Eintrag ist zu groß (höchstens 64 KB).' };
	}
	return { ok: true, record: result.data };
}

/** Largest record as stored (JSON, UTF-8); a full note of ordinary text takes at most 30 KB of it. */
export const MAX_RECORD_BYTES = 64 * 1024;

/** "Ungültige Angaben: title: Bitte einen Titel angeben; …" — at most three, so it stays readable. */
export function rejectionReason(error: z.ZodError): string {
	const parts = error.issues.slice(0, 3).map((issue) => {
		const where = issue.path.map(String).join('.');
		return where ? `${where}: ${issue.message}` : issue.message;
	});
	const more = error.issues.length > 3 ? ` (und ${error.issues.length - 3} weitere)` : '';
	// Paths echo the sender's field names: a stored reason is made storable where rejections are
	// saved (`storableText` in push.ts), for this reason and every other.
	return `Ungültige Angaben: ${parts.join('; ')}${more}`;
}
