import type { ClientChange, FieldConflict } from './protocol';

/** What the server holds for one synced record. */
export interface StoredRecordState {
	record: Record<string, unknown>;
	revision: number;
	/** For each field, the revision at which it last changed. */
	fieldRevisions: Record<string, number>;
	/** For each field, the device whose change set it last (absent for records from before). */
	fieldWriters: Record<string, string>;
	deleted: boolean;
}

/** Who made a change and which revision it gets if it applies anything. */
export interface ChangeContext {
	/** The revision the server gives the change. */
	revision: number;
	/** The device that made the change. */
	deviceId: string;
	/** Display name of the signed-in user; becomes `updatedBy` and a conflict's `otherBy`. */
	changedBy: string;
	/** The table's schema defaults (`tableDefaults`): values nobody chose. */
	defaults?: Readonly<Record<string, unknown>>;
}

export interface MergeOutcome {
	record: Record<string, unknown>;
	fieldRevisions: Record<string, number>;
	fieldWriters: Record<string, string>;
	deleted: boolean;
	/** Fields whose value the change set. */
	applied: string[];
	/** Fields edited on another device since the change's base: the server kept its value. */
	conflicts: FieldConflict[];
}

/** Set by the server from the session and the stored owner, never taken from a change. */
const FIXED_FIELDS = new Set(['id', 'facilityId', 'createdAt']);
/** Follow whichever change was applied last; never a conflict. */
const BOOKKEEPING_FIELDS = new Set(['updatedAt', 'updatedBy']);

/**
 * Merges one client change into the server's copy of a record, field by field.
 *
 * A field no other device has changed since the change's base revision takes the change's value.
 * A field another device changed since then keeps the server's value (first to reach the server
 * wins) and the change's value comes back as a conflict for a leader to resolve, so no edit is
 * silently lost. The device's own earlier changes never conflict with its later ones: they are
 * the same person's edits in order. Equal values never conflict. A delete is `deleted` set to true.
 *
 * Delete meets edit: a delete of a record another device changed since the delete's base is not
 * applied, and an edit of a record another device deleted since the edit's base is applied to the
 * deleted record; either way a conflict on `deleted` names the edited fields, and the Leitung
 * restores or deletes. Schema defaults are values nobody chose: a new record stores them as never
 * set (revision 0), and a device creating a record it has not seen on the server (base 0) does not
 * send them over anyone's values, so two tablets creating one deterministic record merge.
 */
export function mergeChange(
	current: StoredRecordState | null,
	change: ClientChange,
	context: ChangeContext
): MergeOutcome {
	const values: Record<string, unknown> =
		change.op === 'delete' ? { ...change.values, deleted: true } : change.values;
	const defaults = context.defaults ?? {};
	const isDefault = (field: string, value: unknown) =>
		Object.hasOwn(defaults, field) && sameValue(defaults[field], value);

	if (current === null) {
		const record: Record<string, unknown> = { ...values, updatedBy: context.changedBy };
		record.updatedAt ??= change.changedAt;
		const fieldRevisions: Record<string, number> = {};
		const fieldWriters: Record<string, string> = {};
		for (const field of Object.keys(record)) {
			if (isDefault(field, record[field])) {
				fieldRevisions[field] = 0;
				continue;
			}
			fieldRevisions[field] = context.revision;
			fieldWriters[field] = context.deviceId;
		}
		return {
			record,
			fieldRevisions,
			fieldWriters,
			deleted: record.deleted === true,
			applied: Object.keys(values),
			conflicts: []
		};
	}

	const record = { ...current.record };
	const fieldRevisions = { ...current.fieldRevisions };
	const fieldWriters = { ...current.fieldWriters };
	const applied: string[] = [];
	const conflicts: FieldConflict[] = [];
	const changedByOtherSinceBase = (field: string) =>
		(fieldRevisions[field] ?? 0) > change.baseRevision && fieldWriters[field] !== context.deviceId;
	const conflict = (field: string, keptValue: unknown, otherValue: unknown): FieldConflict => ({
		field,
		keptValue: keptValue ?? null,
		otherValue: otherValue ?? null,
		otherBy: context.changedBy,
		otherAt: change.changedAt
	});

	// Delete meets an edit it has not seen: keep the record, the Leitung decides.
	if (values.deleted === true && record.deleted !== true) {
		const edited = Object.keys(record).filter((f) => isDataField(f) && changedByOtherSinceBase(f));
		if (edited.length > 0) conflicts.push({ ...conflict('deleted', false, true), changedFields: edited });
	}

	for (const [field, value] of Object.entries(values)) {
		if (FIXED_FIELDS.has(field) || BOOKKEEPING_FIELDS.has(field)) continue;
		if (conflicts.some((c) => c.field === field)) continue;
		if (sameValue(record[field], value)) continue;
		// Created without the server's copy: a default is no choice, so it neither overwrites nor
		// conflicts with another device's value (the device's own earlier value it may reset).
		const othersValue = fieldWriters[field] !== context.deviceId;
		if (change.baseRevision === 0 && isDefault(field, value) && othersValue) continue;
		if (changedByOtherSinceBase(field)) {
			conflicts.push(conflict(field, record[field], value));
			continue;
		}
		record[field] = value;
		fieldRevisions[field] = context.revision;
		fieldWriters[field] = context.deviceId;
		applied.push(field);
	}

	// An edit meets a delete it has not seen: the edit is kept in the deleted record, so restoring shows it.
	const edited = applied.filter(isDataField);
	if (record.deleted === true && edited.length > 0 && changedByOtherSinceBase('deleted')) {
		const restore = conflicts.find((c) => c.field === 'deleted');
		if (restore) restore.changedFields = edited;
		else conflicts.push({ ...conflict('deleted', true, false), changedFields: edited });
	}

	if (applied.length > 0) {
		record.updatedBy = context.changedBy;
		record.updatedAt = laterTimestamp(record.updatedAt, values.updatedAt ?? change.changedAt);
		for (const field of BOOKKEEPING_FIELDS) {
			fieldRevisions[field] = context.revision;
			fieldWriters[field] = context.deviceId;
		}
	}

	return { record, fieldRevisions, fieldWriters, deleted: record.deleted === true, applied, conflicts };
}

/** A field a user edits (not identity, bookkeeping or the delete flag). */
function isDataField(field: string): boolean {
	return !FIXED_FIELDS.has(field) && !BOOKKEEPING_FIELDS.has(field) && field !== 'deleted';
}

function laterTimestamp(a: unknown, b: unknown): unknown {
	if (typeof a !== 'string') return b;
	if (typeof b !== 'string') return a;
	return Date.parse(b) >= Date.parse(a) ? b : a;
}

/** Structural equality for JSON values (records arrive as JSON, so no Dates or Maps). */
export function sameValue(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
		return (a ?? null) === (b ?? null);
	}
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	const aKeys = Object.keys(a as object);
	const bKeys = Object.keys(b as object);
	if (aKeys.length !== bKeys.length) return false;
	return aKeys.every((key) =>
		sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])
	);
}

/**
 * Lays the device's still-pending changes over a record just pulled from the server, so a pull
 * never hides edits that have not reached the server yet. Later changes win over earlier ones.
 */
export function overlayPendingChanges(
	pulled: Record<string, unknown>,
	pending: readonly Pick<ClientChange, 'op' | 'values'>[]
): Record<string, unknown> {
	const result = { ...pulled };
	for (const change of pending) {
		Object.assign(result, change.values);
		if (change.op === 'delete') result.deleted = true;
	}
	return result;
}
