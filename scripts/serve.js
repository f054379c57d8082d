// Runs the built server (build/index.js, adapter-node): in this process, or on PostgreSQL in several
// worker processes (Node's cluster module; this process accepts the connections and hands them to the
// workers in turn), because one Node process answers requests on one core only. SQLite is opened by
// one process, so with it the server always runs in one. `node build` is the same server in one
// process; this script is `node build` times SERVER_PROCESSES. See docs/operations.md.
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { log } from './lib/log.js';

const entry = fileURLToPath(new URL('../build/index.js', import.meta.url));
/** More workers than this by default would mostly multiply the connections to PostgreSQL. */
const defaultMaxProcesses = 4;
/** More replacements than this within a minute mean a crash loop: the server stops instead. */
const restartWindowMs = 60_000;
const maxRestartsPerWindow = 5;

/**
 * How many processes serve: `SERVER_PROCESSES`, else one per core (at most four) on PostgreSQL and
 * one on SQLite.
 * @param {NodeJS.ProcessEnv} env
 * @returns {number}
 */
export function serverProcesses(env) {
	const onPostgres = Boolean(env.DATABASE_URL?.trim());
	const raw = env.SERVER_PROCESSES?.trim();
	if (!raw) return onPostgres ? Math.min(availableParallelism(), defaultMaxProcesses) : 1;
	const count = Number(raw);
	if (!Number.isInteger(count) || count < 1) {
		throw new Error(`SERVER_PROCESSES muss eine ganze Zahl ab 1 sein, nicht "${raw}".`);
	}
	if (count > 1 && !onPostgres) {
		throw new Error(
			'SERVER_PROCESSES über 1 braucht PostgreSQL (DATABASE_URL): die eingebettete SQLite-Datenbank öffnet nur ein Prozess.'
		);
	}
	return count;
}

/**
 * Starts the workers one after another: the first applies migrations and seeds the demo before it
 * listens, so the others find the database ready. A worker that dies later is replaced; one that dies
 * before it listens, or too often, stops the server with its exit code.
 * @param {number} count
 */
function runWorkers(count) {
	let stopping = false;
	/** @type {number[]} */
	const restarts = [];

	/** @param {number} index */
	const fork = (index) =>
		new Promise((resolve, reject) => {
			// Each worker knows its share of DATABASE_POOL_SIZE and whether it prints the demo logins.
			const worker = cluster.fork({ SERVER_PROCESSES: String(count), SERVER_PROCESS_INDEX: String(index) });
			let listening = false;
			worker.once('listening', () => {
				listening = true;
				resolve(worker);
			});
			worker.once('exit', (code, signal) => {
				if (stopping) return;
				if (!listening) {
					reject(code || 1);
					return;
				}
				const now = Date.now();
				restarts.push(now);
				while (restarts[0] < now - restartWindowMs) restarts.shift();
				if (restarts.length > maxRestartsPerWindow) {
					log.fatal('Serverprozesse beenden sich wiederholt; der Server wird beendet.');
					stop('SIGTERM', 1);
					return;
				}
				log.error(
					{ worker: worker.process.pid, code, signal },
					`Serverprozess ${worker.process.pid} beendet (${signal ?? `Code ${code}`}); er wird neu gestartet.`
				);
				fork(index).catch((exitCode) => stop('SIGTERM', exitCode));
			});
		});

	/**
	 * @param {NodeJS.Signals} signal
	 * @param {number} exitCode
	 */
	const stop = (signal, exitCode) => {
		stopping = true;
		const workers = Object.values(cluster.workers ?? {}).filter((worker) => worker !== undefined);
		if (workers.length === 0) process.exit(exitCode);
		for (const worker of workers) {
			worker.once('exit', () => {
				if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
			});
			worker.process.kill(signal);
		}
	};
	// adapter-node in each worker closes its server and database on these; this process waits for them.
	for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
		process.on(signal, () => stop(signal === 'SIGHUP' ? 'SIGTERM' : signal, 0));
	}

	cluster.setupPrimary({ exec: entry });
	(async () => {
		for (let index = 0; index < count; index++) await fork(index);
		log.info({ processes: count }, `Server läuft in ${count} Prozessen.`);
	})().catch((exitCode) => stop('SIGTERM', typeof exitCode === 'number' ? exitCode : 1));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	let count;
	try {
		count = serverProcesses(process.env);
	} catch (error) {
		log.fatal(
			{ variable: 'SERVER_PROCESSES' },
			`Start abgebrochen: ${error instanceof Error ? error.message : error}`
		);
		process.exit(1);
	}
	if (count === 1) await import(entry);
	else runWorkers(count);
}
