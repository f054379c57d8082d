import { z } from 'zod';
import { db } from '$lib/client/db';
import { submitDossier } from '$lib/client/api/dossiers';
import { newId, nowIso } from '$lib/client/db/ids';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import { snapshotWithWebLinks } from '$lib/domain/dossier/projection';
import { dossierSnapshotSchema, type DossierSnapshot } from '$lib/domain/dossier/snapshot';
import { dossierSummarySchema } from '$lib/domain/dossier/versions';

/**
 * Hand-ins waiting for the server, kept in the workspace (one `meta` row each) so handing in works
 * offline and survives closing the app. A hand-in is sent again unchanged until the server confirms
 * it; the server stores a submission id once, so a resend never makes a second version. A hand-in
 * the server refuses for good stays, marked with the reason; nothing is dropped.
 */

const KEY_PREFIX = 'dossier.submission.';

export const localSubmissionSchema = z.object({
	submissionId: z.string(),
	facilityId: z.string(),
	// Queued before links were checked: sent with web addresses only, never dropped from the queue.
	snapshot: z.preprocess(snapshotWithWebLinks, dossierSnapshotSchema),
	queuedAt: z.string(),
	/** `queued` until the server answers; `sent` with its version; `refused` with the reason. */
	state: z.enum(['queued', 'sent', 'refused']),
	/** Why the last attempt did not go through (still queued), or why it was refused. */
	problem: z.string().nullable(),
	dossier: dossierSummarySchema.nullable()
});
export type LocalSubmission = z.infer<typeof localSubmissionSchema>;

async function save(submission: LocalSubmission, target: WorkspaceDb): Promise<void> {
	await target.meta.put({ key: `${KEY_PREFIX}${submission.submissionId}`, value: submission });
}

/** Queues a hand-in; it goes with the next sync (or at once, see `sendQueuedDossiers`). */
export async function queueDossier(
	snapshot: DossierSnapshot,
	target: WorkspaceDb = db
): Promise<LocalSubmission> {
	const submission: LocalSubmission = {
		submissionId: newId(),
		facilityId: snapshot.facility.id,
		snapshot,
		queuedAt: nowIso(),
		state: 'queued',
		problem: null,
		dossier: null
	};
	await save(submission, target);
	return submission;
}

/** This device's hand-ins of a facility, newest first. */
export async function listLocalSubmissions(
	facilityId: string,
	target: WorkspaceDb = db
): Promise<LocalSubmission[]> {
	const rows = await target.meta.where('key').startsWith(KEY_PREFIX).toArray();
	return rows
		.flatMap((row) => {
			const parsed = localSubmissionSchema.safeParse(row.value);
			return parsed.success && parsed.data.facilityId === facilityId ? [parsed.data] : [];
		})
		.sort((a, b) => b.queuedAt.localeCompare(a.queuedAt));
}

/** Hand-ins not yet confirmed by the server, of any facility (the logout warning counts them). */
export async function countQueuedDossiers(target: WorkspaceDb = db): Promise<number> {
	const rows = await target.meta.where('key').startsWith(KEY_PREFIX).toArray();
	return rows.filter((row) => localSubmissionSchema.safeParse(row.value).data?.state === 'queued').length;
}

export type SendOutcome = 'done' | 'needs-login' | 'unreachable';

/**
 * Sends every queued hand-in, oldest first. Stops at the first sign that the server cannot take any
 * (no connection, session expired); whatever was confirmed stays confirmed.
 */
export async function sendQueuedDossiers(
	fetchFn?: typeof fetch,
	target: WorkspaceDb = db
): Promise<SendOutcome> {
	const rows = await target.meta.where('key').startsWith(KEY_PREFIX).toArray();
	const queued = rows
		.flatMap((row) => {
			const parsed = localSubmissionSchema.safeParse(row.value);
			return parsed.success && parsed.data.state === 'queued' ? [parsed.data] : [];
		})
		.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
	for (const submission of queued) {
		const { submissionId, facilityId, snapshot } = submission;
		const result = await submitDossier({ submissionId, facilityId, snapshot }, fetchFn);
		if (result.ok) {
			await save({ ...submission, state: 'sent', problem: null, dossier: result.data }, target);
			continue;
		}
		const { status, message } = result.error;
		if (status === 0) return 'unreachable';
		if (status === 401) return 'needs-login';
		// Files still on their way (409) or a passing server problem (5xx, 429): try again later.
		const later = status === 409 || status === 429 || status >= 500;
		await save({ ...submission, state: later ? 'queued' : 'refused', problem: message }, target);
		if (later && status !== 409) return 'unreachable';
	}
	return 'done';
}
