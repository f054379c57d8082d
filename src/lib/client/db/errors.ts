import type { z } from 'zod';

/** One problem with a record, in German, with the field it concerns (`verbundMembers.0.name`). */
export interface RecordIssue {
	path: string;
	message: string;
}

export function issuesFromZod(error: z.ZodError): RecordIssue[] {
	return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** A record failed its zod schema; nothing was written. `fieldErrors` feed the form. */
export class RecordValidationError extends Error {
	override readonly name = 'RecordValidationError';

	constructor(
		readonly table: string,
		readonly issues: RecordIssue[]
	) {
		super(issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('\n'));
	}

	/** Messages by top-level field, to show next to the form field. */
	get fieldErrors(): Record<string, string[]> {
		const byField: Record<string, string[]> = {};
		for (const issue of this.issues) {
			const field = issue.path.split('.')[0] ?? '';
			(byField[field] ??= []).push(issue.message);
		}
		return byField;
	}
}

/** The record to change does not exist (or was deleted, perhaps on another device). */
export class RecordNotFoundError extends Error {
	override readonly name = 'RecordNotFoundError';

	constructor(
		readonly table: string,
		readonly id: string
	) {
		super('Der Eintrag wurde nicht gefunden. Vielleicht wurde er inzwischen gelöscht.');
	}
}

/** What to do when the device is full, for every message about it. */
export const FREE_STORAGE_ADVICE =
	'Bitte Speicher freigeben, z. B. nicht mehr benötigte Fotos, Videos oder Apps auf dem Gerät löschen.';

/** The device's storage is full; what the user tried to save was not saved. */
export class StorageFullError extends Error {
	override readonly name = 'StorageFullError';

	constructor(readonly cause: unknown) {
		super(
			'Der Speicher dieses Geräts ist voll, die Änderung wurde nicht gespeichert. ' +
				`${FREE_STORAGE_ADVICE} Danach bitte erneut versuchen.`
		);
	}
}

/**
 * Runs a write the app can do without (bookkeeping such as the actor's name or when sync last ran):
 * on a full device it is skipped, so reading and syncing never need free space. Other errors throw.
 */
export async function unlessStorageFull(write: () => Promise<unknown>): Promise<boolean> {
	try {
		await write();
		return true;
	} catch (error) {
		if (!isQuotaExceeded(error)) throw error;
		console.warn(`Storage full: skipped a write the app can do without (${String(error)})`);
		return false;
	}
}

/**
 * True when `error` is (or wraps) a quota error. Dexie wraps the DOMException (`inner`), an aborted
 * transaction may carry it as its cause, Firefox once used its own name, old engines only the code 22.
 */
export function isQuotaExceeded(error: unknown, depth = 0): boolean {
	if (depth > 5 || typeof error !== 'object' || error === null) return false;
	const e = error as { name?: unknown; code?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
	if (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
	if (e.code === 22 && typeof DOMException !== 'undefined' && error instanceof DOMException) return true;
	if (Array.isArray(e.failures) && e.failures.some((f) => isQuotaExceeded(f, depth + 1))) return true;
	return isQuotaExceeded(e.inner, depth + 1) || isQuotaExceeded(e.cause, depth + 1);
}
