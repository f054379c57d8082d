// The PouchDB peer of the push benchmark: express-pouchdb (PouchDB in Node with the in-memory
// adapter) on loopback, plus a blank page and PouchDB bundled for it, all on one origin so the
// browser's PouchDB replicates to it without CORS.
import { createRequire } from 'node:module';
import { join } from 'node:path';

// These CommonJS packages come without types; loaded through a plain function, they are `any`.
const load = /** @type {(id: string) => any} */ (createRequire(import.meta.url));

/**
 * Bundles pouchdb-browser with Vite as one IIFE that sets `globalThis.pouchBench.PouchDB`.
 * @param {string} root the project directory
 * @returns {Promise<string>} path of the bundle
 */
async function buildBundle(root) {
	const { build } = await import('vite');
	const outDir = join(root, 'tests/.tmp/pouch-bench');
	await build({
		configFile: false,
		root,
		logLevel: 'warn',
		// Node's `events`, which PouchDB extends, is not in the browser.
		resolve: { alias: { events: join(root, 'tests/bench/pouchPeer/events.js') } },
		build: {
			outDir,
			emptyOutDir: true,
			minify: true,
			target: 'es2022',
			lib: {
				entry: join(root, 'tests/bench/pouchPeer/entry.js'),
				name: 'pouchBench',
				formats: ['iife'],
				fileName: () => 'pouch.js'
			}
		}
	});
	return join(outDir, 'pouch.js');
}

/**
 * @typedef {object} PouchPeer
 * @property {string} url origin of the page; databases are under `${url}/db/`
 * @property {() => Promise<void>} stop
 */

/**
 * Starts the PouchDB server on a free loopback port.
 * @param {string} root the project directory
 * @returns {Promise<PouchPeer>}
 */
export async function startPouchPeer(root) {
	const bundle = await buildBundle(root);
	const PouchDB = load('pouchdb-core')
		.plugin(load('pouchdb-adapter-memory'))
		.plugin(load('pouchdb-adapter-http'))
		.plugin(load('pouchdb-replication'))
		.plugin(load('pouchdb-mapreduce'));
	const express = load('express');
	const expressPouchDB = load('express-pouchdb');
	const app = express();
	app.get('/', (/** @type {any} */ _request, /** @type {any} */ response) =>
		response.type('html').send('<!doctype html><html lang="de"><title>PouchDB-Vergleich</title></html>')
	);
	app.get('/pouch.js', (/** @type {any} */ _request, /** @type {any} */ response) =>
		response.sendFile(bundle)
	);
	app.use(
		'/db',
		expressPouchDB(PouchDB.defaults({ adapter: 'memory' }), {
			mode: 'minimumForPouchDB',
			inMemoryConfig: true,
			logPath: join(root, 'tests/.tmp/pouch-bench/log.txt')
		})
	);
	/** @type {import('node:http').Server} */
	const server = await new Promise((resolve) => {
		const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
	});
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	return {
		url: `http://127.0.0.1:${address.port}`,
		stop: () => new Promise((resolve) => server.close(() => resolve()))
	};
}

/**
 * Stores `docs` in a fresh local PouchDB (IndexedDB) on the page, then times its replication to a
 * fresh database on the server until the server has acknowledged every document.
 * @param {import('playwright-core').Page} page a page on the peer's origin with the bundle loaded
 * @param {Record<string, unknown>[]} docs
 * @param {string} name names the local and the server database
 * @returns {Promise<{ ms: number, written: number }>}
 */
export function timeReplication(page, docs, name) {
	return page.evaluate(
		async ({ docs, name }) => {
			const { PouchDB } = /** @type {any} */ (globalThis).pouchBench;
			const local = new PouchDB(`local-${name}`);
			for (let i = 0; i < docs.length; i += 1000) await local.bulkDocs(docs.slice(i, i + 1000));
			const remote = `${location.origin}/db/remote-${name}`;
			const start = performance.now();
			const result = await local.replicate.to(remote);
			const ms = performance.now() - start;
			await local.destroy();
			await new PouchDB(remote).destroy();
			return { ms, written: result.docs_written };
		},
		{ docs, name }
	);
}
