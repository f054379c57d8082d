import { z } from 'zod';
import { db } from '$lib/client/db';
import { nowIso } from '$lib/client/db/ids';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import { findCatalogue } from '$lib/client/services/catalogue';
import { catalogueSchema, type Catalogue } from '$lib/domain/catalogue/schema';
import type { DossierSnapshot } from '$lib/domain/dossier/snapshot';
import { dossierSchema, type Dossier } from '$lib/domain/dossier/versions';
import { listLocalSubmissions, type LocalSubmission } from './queue';

/**
 * Dossier versions this device can show without a connection (issue 14): its own hand-ins — sent,
 * waiting or refused — and a copy of each server version kept when it was last opened online. A
 * Leitung who handed in offline can open and export her dossier at once; an advisor who opened one
 * before losing the connection still has it.
 */

const KEPT_PREFIX = 'dossier.version.';

/** A dossier version as the dossier page shows it; `version`/`receivedAt` are null while waiting. */
export interface ShownDossier {
	/** The server's id, or the submission id of a hand-in not yet on the server. */
	id: string;
	version: number | null;
	submittedBy: string;
	preparedAt: string;
	receivedAt: string | null;
	snapshot: DossierSnapshot;
}

export type VersionOrigin =
	/** Just loaded from the server. */
	| { kind: 'server' }
	/** A hand-in of this device, not (yet) taken by the server. */
	| { kind: 'waiting'; state: 'queued' | 'refused'; problem: string | null }
	/** A hand-in of this device the server took (its answer holds version and time). */
	| { kind: 'handedIn' }
	/** The copy kept when the version was last opened online. */
	| { kind: 'kept'; keptAt: string };

/** A version with the catalogue it was assessed against and where this copy comes from. */
export interface LocalVersion {
	dossier: ShownDossier;
	catalogue: Catalogue;
	origin: VersionOrigin;
}

const keptVersionSchema = z.object({
	dossier: dossierSchema,
	catalogue: catalogueSchema,
	keptAt: z.string()
});

/** Keeps the server's copy of a version (with its catalogue) for the next time without connection. */
export async function keepServerVersion(
	dossier: Dossier,
	catalogue: Catalogue,
	target: WorkspaceDb = db
): Promise<void> {
	await target.meta.put({
		key: `${KEPT_PREFIX}${dossier.id}`,
		value: { dossier, catalogue, keptAt: nowIso() }
	});
}

/** Drops the kept copy: the server no longer has the version, or this user may no longer read it. */
export async function forgetServerVersion(id: string, target: WorkspaceDb = db): Promise<void> {
	await target.meta.delete(`${KEPT_PREFIX}${id}`);
}

async function keptVersion(id: string, target: WorkspaceDb): Promise<LocalVersion | null> {
	const row = await target.meta.get(`${KEPT_PREFIX}${id}`);
	const parsed = keptVersionSchema.safeParse(row?.value);
	if (!parsed.success) return null;
	const { dossier, catalogue, keptAt } = parsed.data;
	return { dossier, catalogue, origin: { kind: 'kept', keptAt } };
}

function shownSubmission(s: LocalSubmission): ShownDossier {
	return {
		id: s.dossier?.id ?? s.submissionId,
		version: s.dossier?.version ?? null,
		submittedBy: s.dossier?.submittedBy ?? s.snapshot.preparedBy,
		preparedAt: s.snapshot.preparedAt,
		receivedAt: s.dossier?.receivedAt ?? null,
		snapshot: s.snapshot
	};
}

/**
 * The version with this id on the device: a hand-in of this device (by the server's id once sent,
 * by its submission id while waiting or refused), else the kept server copy; null when neither.
 * A hand-in's catalogue is the device's copy of the one it was assessed against.
 */
export async function findLocalVersion(
	id: string,
	facilityIds: readonly string[],
	target: WorkspaceDb = db
): Promise<LocalVersion | null> {
	for (const facilityId of facilityIds) {
		const submissions = await listLocalSubmissions(facilityId, target);
		const own = submissions.find((s) => s.dossier?.id === id || s.submissionId === id);
		if (!own) continue;
		const { id: catalogueId, version } = own.snapshot.catalogue;
		const catalogue = await findCatalogue(target, catalogueId, version);
		if (!catalogue) break;
		const origin: VersionOrigin =
			own.state === 'sent'
				? { kind: 'handedIn' }
				: { kind: 'waiting', state: own.state, problem: own.problem };
		return { dossier: shownSubmission(own), catalogue, origin };
	}
	return keptVersion(id, target);
}
