import { format } from 'date-fns';
import type { z } from 'zod';
import type { SyncConflict } from './conflict';
import { isSyncedTableName, syncedTableSchemas } from './tables';

/** One side of a text conflict: the text, who wrote it and when (if known). */
export interface TextVersion {
	text: string;
	by: string;
	at: string | null;
}

function heading(version: TextVersion, fallback: string): string {
	const by = version.by.trim() ? `Fassung von ${version.by.trim()}` : fallback;
	const at = version.at ? `, ${format(new Date(version.at), 'dd.MM.yyyy HH:mm')}` : '';
	return `——— ${by}${at} ———`;
}

/**
 * Both texts of a conflict in one, each under a line naming its author, kept text first:
 * „——— Fassung von Anna, 05.12.2026 14:05 ———“. Nothing of either text is dropped.
 */
export function joinBothTexts(kept: TextVersion, other: TextVersion): string {
	return [
		heading(kept, 'Bisherige Fassung'),
		kept.text,
		'',
		heading(other, 'Andere Fassung'),
		other.text
	].join('\n');
}

/** The joined text of a conflict (see joinBothTexts). */
export function bothTextsOf(conflict: SyncConflict): string {
	return joinBothTexts(
		{ text: String(conflict.keptValue ?? ''), by: conflict.keptBy ?? '', at: conflict.keptAt ?? null },
		{ text: String(conflict.otherValue ?? ''), by: conflict.otherBy, at: conflict.otherAt }
	);
}

/** A plain text field of the table's schema (not a date, a choice or a number). */
function isFreeTextField(table: string, field: string): boolean {
	if (!isSyncedTableName(table)) return false;
	const shape = (syncedTableSchemas[table] as unknown as { shape?: Record<string, z.ZodType> }).shape;
	let schema = shape?.[field];
	while (schema && ['default', 'optional', 'nullable', 'prefault'].includes(schema._zod.def.type)) {
		schema = (schema._zod.def as unknown as { innerType: z.ZodType }).innerType;
	}
	return schema?._zod.def.type === 'string' && !(schema._zod.def as { format?: string }).format;
}

/**
 * Whether „beide behalten“ fits: two different non-empty texts of a free-text field, and the joined
 * text is still a valid record (within the field's length, for one).
 */
export function canKeepBoth(conflict: SyncConflict, record: Record<string, unknown> | undefined): boolean {
	const { keptValue, otherValue, table, field } = conflict;
	if (field === 'deleted' || !record) return false;
	if (typeof keptValue !== 'string' || typeof otherValue !== 'string') return false;
	if (!keptValue.trim() || !otherValue.trim() || keptValue === otherValue) return false;
	if (!isFreeTextField(table, field) || !isSyncedTableName(table)) return false;
	return syncedTableSchemas[table].safeParse({ ...record, [field]: bothTextsOf(conflict) }).success;
}
