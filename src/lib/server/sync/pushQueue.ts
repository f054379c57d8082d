import type { SessionUser } from '$lib/domain/accounts';
import { MAX_PUSH_BATCH, type PushRequest } from '$lib/domain/sync/protocol';
import type { ServerContext } from '$lib/server/context';
import { badRequest } from '$lib/server/http/errors';
import { pushGroup, type DevicePush, type PushOutcome } from './push';

/**
 * Processes one pushed batch (see docs/sync.md): refuses a gap in the device's sequence, acknowledges
 * what it processed before and applies the rest in order. Pushes arriving at the same moment are
 * stored together, in one transaction (`PushQueue`, and `pushGroup` in push.ts).
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
	return pushQueueOf(ctx).push({ user, request });
}

/**
 * Group commit for pushes: while one group of pushes is being stored, the pushes arriving meanwhile
 * wait and then go to the database together, in one transaction (`pushGroup`). A busy server thus
 * runs one transaction for many tablets instead of one each, which on PostgreSQL saves most of the
 * statements, round trips and commits a push costs; a quiet server stores each push at once, alone.
 *
 * Pushes go in order of arrival, a group holding at most as many changes as one push may (a device's
 * second push waits for the next group). When a group fails as a whole (the database refused a
 * statement), each of its pushes is tried again alone, so one push's trouble never becomes another's.
 */
export class PushQueue {
	private waiting: (DevicePush & { settle: (outcome: PushOutcome | Error) => void })[] = [];
	private storing = false;

	constructor(private readonly ctx: ServerContext) {}

	push(push: DevicePush): Promise<PushOutcome> {
		return new Promise<PushOutcome>((resolve, reject) => {
			this.waiting.push({
				...push,
				settle: (outcome) => (outcome instanceof Error ? reject(outcome) : resolve(outcome))
			});
			if (!this.storing) void this.storeWaiting();
		});
	}

	private async storeWaiting(): Promise<void> {
		this.storing = true;
		// Pushes arriving in this turn of the event loop join the first group.
		await new Promise((resolve) => setImmediate(resolve));
		try {
			while (this.waiting.length > 0) {
				const group = this.nextGroup();
				const outcomes = await this.store(group);
				group.forEach((push, i) => push.settle(outcomes[i]));
			}
		} finally {
			this.storing = false;
		}
	}

	/** The waiting pushes of different devices, oldest first, up to one full push's worth of changes. */
	private nextGroup(): typeof this.waiting {
		const group: typeof this.waiting = [];
		const devices = new Set<string>();
		let changes = 0;
		this.waiting = this.waiting.filter((push) => {
			const size = push.request.changes.length;
			const fits = group.length === 0 || changes + size <= MAX_PUSH_BATCH;
			const taken = devices.has(push.request.deviceId);
			// A device's later push never overtakes its earlier one, even one left for lack of room.
			devices.add(push.request.deviceId);
			if (!fits || taken) return true;
			group.push(push);
			changes += size;
			return false;
		});
		return group;
	}

	private async store(group: DevicePush[]): Promise<(PushOutcome | Error)[]> {
		try {
			return await pushGroup(this.ctx, group);
		} catch (error) {
			if (group.length === 1) return [asError(error)];
		}
		const alone: (PushOutcome | Error)[] = [];
		for (const push of group) {
			try {
				alone.push(...(await pushGroup(this.ctx, [push])));
			} catch (error) {
				alone.push(asError(error));
			}
		}
		return alone;
	}
}

function asError(error: unknown): Error {
	return error instanceof Error ? error : new Error(String(error));
}

const queues = new WeakMap<ServerContext, PushQueue>();

/** The server's push queue (one per server context, so tests with servers of their own keep apart). */
export function pushQueueOf(ctx: ServerContext): PushQueue {
	let queue = queues.get(ctx);
	if (!queue) queues.set(ctx, (queue = new PushQueue(ctx)));
	return queue;
}
