import { syncStatus } from '$lib/client/state/syncStatus.svelte';
import type { ReviewPeriod } from '$lib/domain/periods';
import { queueDossier, type LocalSubmission } from '$lib/client/services/dossier/queue';
import { prepareDossier } from '$lib/client/services/dossier/prepare';
import { sendQueuedHandIns } from '$lib/client/services/dossier/sender';

/**
 * The Leitung hands in the dossier for a period: the snapshot is fixed and queued on the device at
 * once (so it works offline), then sync runs; the hand-in follows as soon as the files it cites are
 * on the server. The page shows its state from the queue.
 */
export async function handInDossier(period: ReviewPeriod): Promise<LocalSubmission> {
	const queued = await queueDossier(await prepareDossier(period));
	void sendSoon();
	return queued;
}

async function sendSoon(): Promise<void> {
	await syncStatus.syncNow();
	// When no sync ran (offline, or another tab is syncing), try the hand-in alone: it needs no upload
	// when its files are on the server already, and otherwise waits for the next sync.
	await sendQueuedHandIns();
}
