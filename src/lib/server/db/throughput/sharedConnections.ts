import type { Writable } from 'node:stream';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import pg from 'pg';

/**
 * A pool for Kysely's PostgreSQL dialect that hands every caller one of a few shared connections in
 * pg's pipeline mode. The single statements that every request runs (the session lookup, a pull)
 * then share them instead of waiting for a connection of their own, and all those issued in one
 * turn of the event loop reach the database in one write: on a small machine, each write to the
 * database and each wake-up of a database process costs more than the statement itself.
 *
 * Only for statements that stand alone (autocommit): a transaction on a shared connection would
 * take in other requests' statements, so BEGIN is refused.
 */
export function sharedConnections(config: pg.ClientConfig, count = 2): PostgresPool {
	const slots: (Promise<pg.Client> | null)[] = Array.from({ length: count }, () => null);
	let next = 0;
	let ending = false;

	const open = (slot: number): Promise<pg.Client> => {
		const client = new pg.Client({ ...config, pipeline: true });
		// A broken connection is replaced on next use; its pending statements fail on their own.
		const forget = () => {
			if (slots[slot] === opening) slots[slot] = null;
		};
		client.on('error', forget);
		client.on('end', forget);
		const opening = client.connect().then(
			() => client,
			(error: unknown) => {
				forget();
				throw error;
			}
		);
		slots[slot] = opening;
		return opening;
	};

	return {
		async connect(): Promise<PostgresPoolClient> {
			if (ending) throw new Error('The database connections are closed.');
			const slot = next;
			next = (next + 1) % count;
			return shared(await (slots[slot] ?? open(slot)));
		},
		async end() {
			ending = true;
			const clients = await Promise.allSettled(slots.filter((slot) => slot !== null));
			await Promise.all(
				clients.map((opened) => (opened.status === 'fulfilled' ? opened.value.end() : undefined))
			);
		}
	};
}

/**
 * The client's socket, to cork while several statements are written: pg writes each on its own.
 * (pg keeps it at `connection.stream`, not a documented API; without it statements go out singly.)
 */
export function socketOf(client: pg.Client): Writable | undefined {
	return (client as unknown as { connection?: { stream?: Writable } }).connection?.stream;
}

const wrappers = new WeakMap<pg.Client, PostgresPoolClient>();

/** What Kysely gets for a shared connection: one per connection, so it keeps its own state per client. */
function shared(client: pg.Client): PostgresPoolClient {
	let wrapper = wrappers.get(client);
	if (!wrapper) {
		wrapper = {
			query: ((text: string, values?: unknown[]) => {
				if (/^\s*(begin|start\s+transaction)\b/i.test(text)) {
					return Promise.reject(new Error('Transactions need a connection of their own.'));
				}
				writeWithTheRestOfThisTurn(client);
				return client.query(preparedOnce(client, text, values));
			}) as PostgresPoolClient['query'],
			release() {}
		};
		wrappers.set(client, wrapper);
	}
	return wrapper;
}

const corked = new WeakSet<pg.Client>();
const statementNames = new WeakMap<pg.Client, Map<string, string>>();
/** Per connection; statements beyond these few (all the hot ones fit) are planned each time. */
const MAX_PREPARED = 100;

/**
 * A statement PostgreSQL parses and plans once per connection, by name, and then only executes: the
 * hot statements (session lookup, pull, a push's steps) are a handful of texts run all the time.
 */
export function preparedOnce(client: pg.Client, text: string, values?: unknown[]): pg.QueryConfig {
	let names = statementNames.get(client);
	if (!names) statementNames.set(client, (names = new Map()));
	let name = names.get(text);
	if (name === undefined && names.size < MAX_PREPARED) {
		name = `s${names.size + 1}`;
		names.set(text, name);
	}
	return { text, values, ...(name ? { name } : {}) };
}

/** Holds the connection's writes until the event loop has run everything that is ready now. */
function writeWithTheRestOfThisTurn(client: pg.Client): void {
	if (corked.has(client)) return;
	const socket = socketOf(client);
	if (!socket) return;
	corked.add(client);
	socket.cork();
	setImmediate(() => {
		corked.delete(client);
		socket.uncork();
	});
}
