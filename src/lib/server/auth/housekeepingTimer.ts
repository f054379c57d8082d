import type { ServerContext } from '$lib/server/context';
import { logger } from '$lib/server/log/logger';
import { removeExpiredAuthRows } from './housekeeping';

/** Expired rows harm nobody for an hour; sessions are checked for expiry on every request anyway. */
export const HOUSEKEEPING_INTERVAL_MS = 60 * 60 * 1000;

export interface Housekeeping {
	/** Stops the timer; a run under way finishes (await `idle`). */
	stop(): void;
	/** Resolves when no run is under way. */
	idle(): Promise<void>;
}

/**
 * Removes expired sessions, set-password links and login attempts every `intervalMs` (at start, too,
 * through start.ts). The timer is `unref()`'d: it never keeps a stopping process alive. A run that
 * fails is logged and the next one tries again; a run never overlaps the previous one.
 */
export function scheduleHousekeeping(
	ctx: ServerContext,
	intervalMs: number = HOUSEKEEPING_INTERVAL_MS
): Housekeeping {
	let running: Promise<void> | null = null;
	const run = () => {
		if (running) return;
		const started = performance.now();
		running = removeExpiredAuthRows(ctx)
			.then(() => logger.debug({ durationMs: Math.round(performance.now() - started) }, 'housekeeping done'))
			.catch((error: unknown) => logger.error({ err: error }, 'housekeeping failed'))
			.finally(() => {
				running = null;
			});
	};
	const timer = setInterval(run, intervalMs);
	timer.unref();
	return {
		stop: () => clearInterval(timer),
		idle: async () => {
			await running;
		}
	};
}
