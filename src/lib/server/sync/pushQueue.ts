import type { SessionUser } from '$lib/domain/accounts';
import { MAX_PUSH_BATCH, type PushRequest } from '$lib/domain/sync/protocol';
import type { ServerContext } from '$lib/server/context';
import { GroupCommit } from '$lib/server/db/throughput/groupCommit';
import { badRequest } from '$lib/server/http/errors';
import { pushGroup, type DevicePush, type PushOutcome } from './push';

/**
 * Processes one pushed batch (see docs/sync.md): refuses a gap in the device's sequence, acknowledges
 * what it processed before and applies the rest in order. Pushes arriving at the same moment are
 * stored together, in one transaction (group commit, see db/throughput/groupCommit.ts, and
 * `pushGroup` in push.ts).
 */
export async function pushChanges(
	ctx: ServerContext,
	user: SessionUser,
	request: PushRequest
): Promise<PushOutcome> {
	const first = request.changes[0].seq;
	if (request.changes.some((change, i) => change.seq !== first + i)) {
		throw badRequest('Die Änderungen müssen lückenlos und in Reihenfolge gesendet werden.');
	}
	return pushQueueOf(ctx).add({ user, request });
}

const queues = new WeakMap<ServerContext, GroupCommit<DevicePush, PushOutcome>>();

/**
 * The server's push queue (one per server context, so tests with servers of their own keep apart).
 * A group holds at most as many changes as one push may; a device's second push waits for the next.
 */
function pushQueueOf(ctx: ServerContext): GroupCommit<DevicePush, PushOutcome> {
	let queue = queues.get(ctx);
	if (!queue) {
		queue = new GroupCommit<DevicePush, PushOutcome>({
			storeGroup: (group) => pushGroup(ctx, group),
			keyOf: (push) => push.request.deviceId,
			sizeOf: (push) => push.request.changes.length,
			maxSize: MAX_PUSH_BATCH
		});
		queues.set(ctx, queue);
	}
	return queue;
}
