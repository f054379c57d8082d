import {
	fetchActiveCatalogue,
	fetchActiveCatalogueKey,
	fetchCatalogueVersion
} from '$lib/client/api/activeCatalogue';
import { db } from '$lib/client/db';
import { readActiveFacility } from '$lib/client/db/queries';
import {
	RecordNotFoundError,
	RecordValidationError,
	StorageFullError,
	isQuotaExceeded
} from '$lib/client/db/errors';
import {
	catalogueKey,
	findCatalogue,
	listCatalogues,
	loadCatalogue,
	saveImportedCatalogue,
	type InstalledCatalogue
} from '$lib/client/services/catalogue';
import {
	readServerCatalogueKey,
	writeServerCatalogueKey,
	type ServerCatalogueKey
} from '$lib/client/services/catalogueServerVersion';
import type { SessionUser } from '$lib/domain/accounts';
import type { Catalogue } from '$lib/domain/catalogue/schema';
import {
	diffCatalogues,
	planCarryOver,
	summarizeCarryOver,
	summarizeDiff,
	type CarryOverPlan,
	type CarryOverRecords,
	type CatalogueDiff
} from '$lib/domain/catalogueSwitch';

/**
 * Switching a centre to another catalogue version on the device: learning which version the server
 * has in force, the versions it may switch to, the preview of what changes, and the take-over.
 * Everything but learning works offline with the catalogues the device has (built in or imported).
 */

export type { ServerCatalogueKey } from '$lib/client/services/catalogueServerVersion';

export type LearnOutcome = 'unchanged' | 'learned' | 'none' | 'unreachable' | 'refused';

/**
 * Asks the server which version is in force and keeps it on the device: the whole catalogue only
 * when the device does not have it yet, stored like an imported one, so it can be taken over offline
 * later. Runs after every sync; the question is a few bytes.
 */
export async function learnActiveCatalogue(fetchFn?: typeof fetch): Promise<LearnOutcome> {
	const target = db;
	const key = await fetchActiveCatalogueKey(fetchFn);
	if (!key.ok) return 'unreachable';
	if (key.data === null) {
		await writeServerCatalogueKey(null, target);
		return 'none';
	}
	const known = await readServerCatalogueKey(target);
	let learned: ServerCatalogueKey = key.data;
	if (!(await findCatalogue(target, learned.catalogueId, learned.version))) {
		const full = await fetchActiveCatalogue(fetchFn);
		if (!full.ok) return 'unreachable';
		const saved = await saveImportedCatalogue(target, full.data);
		// Another content under the same version (imported here by hand): keep ours, say nothing new.
		if (!saved.ok) return 'refused';
		learned = { catalogueId: full.data.id, version: full.data.version };
	}
	await writeServerCatalogueKey(learned, target);
	return known?.catalogueId === learned.catalogueId && known.version === learned.version
		? 'unchanged'
		: 'learned';
}

/**
 * The version the active facility's profile names, fetched when this device lacks it: another
 * tablet of the team took it over, and its statuses arrived under the new criterion ids.
 */
export async function learnFacilityCatalogue(
	fetchFn?: typeof fetch
): Promise<'present' | 'learned' | 'unknown' | 'unreachable' | 'refused' | 'none'> {
	const target = db;
	const facility = await readActiveFacility(target);
	if (!facility) return 'none';
	const key = { catalogueId: facility.catalogueId, version: facility.catalogueVersion };
	if (await findCatalogue(target, key.catalogueId, key.version)) return 'present';
	const fetched = await fetchCatalogueVersion(key, fetchFn);
	if (!fetched.ok) return 'unreachable';
	// Not on the server (imported from a file on the other tablet): the file has to be imported here.
	if (fetched.data === null) return 'unknown';
	return (await saveImportedCatalogue(target, fetched.data)).ok ? 'learned' : 'refused';
}

/** What the device learns after a sync: the version in force, and the one its centre uses. */
export async function learnCatalogues(fetchFn?: typeof fetch): Promise<void> {
	if ((await learnActiveCatalogue(fetchFn)) === 'unreachable') return;
	await learnFacilityCatalogue(fetchFn);
}

export interface SwitchTarget extends InstalledCatalogue {
	/** The version the server has in force. */
	serverActive: boolean;
}

/** Compares version labels such as "2026.1-arbeitsfassung" with their numbers as numbers. */
export function compareVersions(a: string, b: string): number {
	return a.localeCompare(b, 'de', { numeric: true });
}

/**
 * The versions a centre working with `current` may switch to: the server's version in force, every
 * imported catalogue, and the built-in ones except older versions of the same catalogue (a way back
 * from an imported catalogue to the working one stays open). The server's first, then newest first.
 */
export async function listSwitchTargets(current: ServerCatalogueKey): Promise<SwitchTarget[]> {
	const target = db;
	const [installed, server] = await Promise.all([listCatalogues(target), readServerCatalogueKey(target)]);
	const currentKey = catalogueKey(current.catalogueId, current.version);
	const serverKey = server ? catalogueKey(server.catalogueId, server.version) : null;
	return installed
		.filter((entry) => entry.key !== currentKey)
		.filter(
			(entry) =>
				!entry.builtIn ||
				entry.key === serverKey ||
				entry.catalogue.id !== current.catalogueId ||
				compareVersions(entry.catalogue.version, current.version) > 0
		)
		.map((entry) => ({ ...entry, serverActive: entry.key === serverKey }))
		.sort(
			(a, b) =>
				Number(b.serverActive) - Number(a.serverActive) ||
				compareVersions(b.catalogue.version, a.catalogue.version)
		);
}

/** The records of a facility that carry over (deleted ones included: the plan skips them). */
async function readCarriedRecords(facilityId: string): Promise<CarryOverRecords> {
	const target = db;
	const [statuses, evidence, citations, qualifications] = await Promise.all([
		target.criterionStatuses.where('facilityId').equals(facilityId).toArray(),
		target.evidence.where('facilityId').equals(facilityId).toArray(),
		target.registerCitations.where('facilityId').equals(facilityId).toArray(),
		target.qualifications.where('facilityId').equals(facilityId).toArray()
	]);
	return { statuses, evidence, citations, qualifications };
}

export interface SwitchPreview {
	from: Catalogue;
	to: Catalogue;
	diff: CatalogueDiff;
	plan: CarryOverPlan;
	/** German lines: what changes in the catalogue, and what happens to the centre's records. */
	changes: string[];
	carryOver: string[];
}

function preview(from: Catalogue, to: Catalogue, records: CarryOverRecords): SwitchPreview {
	const diff = diffCatalogues(from, to);
	const plan = planCarryOver(from, to, records);
	return { from, to, diff, plan, changes: summarizeDiff(diff), carryOver: summarizeCarryOver(plan) };
}

/** What switching the facility to `to` would change; null when the device lacks that version. */
export async function previewSwitch(
	facilityId: string,
	to: ServerCatalogueKey
): Promise<SwitchPreview | null> {
	const target = db;
	const facility = await target.facilities.get(facilityId);
	const next = await findCatalogue(target, to.catalogueId, to.version);
	if (!facility || facility.deleted || !next) return null;
	const from = await loadCatalogue(target, facility.catalogueId, facility.catalogueVersion);
	return preview(from, next, await readCarriedRecords(facilityId));
}

export type TakeOverResult = { ok: true; preview: SwitchPreview } | { ok: false; message: string };

/**
 * Switches the facility to another catalogue version: in one transaction, the carried-over records
 * are written through the synced write helpers (so they reach the server and the team's other
 * devices) and the profile names the new version. The plan is made again inside the transaction
 * from what is stored then, so an edit that came in since the preview is carried over too.
 * Dossiers already handed in or queued keep their own version: they hold a copy of it.
 */
export async function takeOverCatalogue(facilityId: string, to: ServerCatalogueKey): Promise<TakeOverResult> {
	const target = db;
	const next = await findCatalogue(target, to.catalogueId, to.version);
	if (!next) return { ok: false, message: 'Diese Katalogversion ist auf diesem Gerät nicht vorhanden.' };
	// Loaded before the transaction: waiting for a module inside it would end the transaction.
	const { putRecord, softDeleteRecord, updateRecord } = await import('$lib/client/db/changes');
	const scope = [
		target.facilities,
		target.criterionStatuses,
		target.evidence,
		target.registerCitations,
		target.qualifications,
		target.catalogues,
		target.outbox,
		target.meta
	];
	try {
		const done = await target.transaction('rw', scope, async () => {
			const facility = await target.facilities.get(facilityId);
			if (!facility || facility.deleted) throw new RecordNotFoundError('facilities', facilityId);
			const from = await loadCatalogue(target, facility.catalogueId, facility.catalogueVersion);
			const result = preview(from, next, await readCarriedRecords(facilityId));
			const { statuses, evidence, qualifications, citations } = result.plan;
			for (const move of statuses.moves) {
				const { id, criterionId, status, note } = move;
				await putRecord('criterionStatuses', { id, facilityId, criterionId, status, note });
			}
			for (const id of statuses.deletes) await softDeleteRecord('criterionStatuses', id);
			for (const { id, criterionIds } of evidence.updates)
				await updateRecord('evidence', id, { criterionIds });
			for (const { id, criterionIds } of qualifications.updates)
				await updateRecord('qualifications', id, { criterionIds });
			for (const move of citations.moves) {
				const { id, criterionId, registerTable, entryId } = move;
				await putRecord('registerCitations', { id, facilityId, criterionId, registerTable, entryId });
			}
			for (const id of citations.deletes) await softDeleteRecord('registerCitations', id);
			await updateRecord('facilities', facilityId, { catalogueId: next.id, catalogueVersion: next.version });
			return result;
		});
		return { ok: true, preview: done };
	} catch (error) {
		return { ok: false, message: takeOverMessage(error) };
	}
}

function takeOverMessage(error: unknown): string {
	if (error instanceof StorageFullError) return error.message;
	if (isQuotaExceeded(error)) return new StorageFullError(error).message;
	if (error instanceof RecordValidationError)
		return `Ein Eintrag ließ sich nicht übertragen (${error.message}). Es wurde nichts geändert.`;
	if (error instanceof RecordNotFoundError)
		return 'Das Familienzentrum wurde auf diesem Gerät nicht gefunden.';
	console.error('Taking over a catalogue version failed', error);
	return 'Die Katalogversion konnte nicht übernommen werden. Es wurde nichts geändert.';
}

/** Only a Leitung switches the centre's version; a local workspace nobody signed in to is its own. */
export function mayTakeOverCatalogue(user: Pick<SessionUser, 'role'> | null): boolean {
	return user === null || user.role === 'leitung';
}
