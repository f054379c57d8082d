// Sync requests from 200 concurrent clients (autocannon), on SQLite and on PostgreSQL: 40 centres
// with 5 tablets each, every tablet logged in with a session of its own and its own device id.
// Each tablet repeats what a sync does when little has changed: a pull from its cursor, then a push
// of one small change (a note on an evidence item only it edits), on one keep-alive connection, as
// fast as the server answers (closed loop), for 15 s, three times (this machine's speed drifts by
// ±15 % from minute to minute): the figures are those of the median run by p95, with the spread of
// all three. p50/p95 latency and rate count only the time when all 200 connections are in (each
// connection's first answer, which waits while all 200 open in the same moment, is reported on its
// own), per kind, and what a request takes with one client alone.
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { percentile } from '../../scripts/lib/benchContext.js';
import {
	apiLogin,
	catalogueCriterionIds,
	criterionStatus,
	DEMO,
	evidenceNote,
	forEachDatabase,
	pullAll,
	pushRecords
} from './syncSetup.js';

export const name = 'Sync: 200 concurrent clients pulling and pushing (autocannon, SQLite and PostgreSQL)';

const centres = 40;
const tabletsPerCentre = 5;
const durationSeconds = 15;
const runs = 3;
const password = 'Bench-Passwort-2026';

/**
 * @typedef {object} Tablet
 * @property {string} cookie
 * @property {string} facilityId
 * @property {string} deviceId
 * @property {string} recordId the evidence item this tablet edits
 * @property {number} cursor
 * @property {number} revision of its evidence item, the base of its next edit
 * @property {number} nextSeq
 * @property {number} edits
 */

/**
 * Runs `work` over `items` with at most `parallel` at a time.
 * @template T
 * @param {T[]} items
 * @param {number} parallel
 * @param {(item: T, index: number) => Promise<void>} work
 */
async function inParallel(items, parallel, work) {
	let next = 0;
	await Promise.all(
		Array.from({ length: parallel }, async () => {
			while (next < items.length) {
				const index = next++;
				await work(items[index], index);
			}
		})
	);
}

/**
 * Centres, their team accounts, data and 200 logged-in tablets that have pulled once.
 * @param {string} url
 * @param {string[]} criteria
 * @returns {Promise<Tablet[]>}
 */
async function prepareTablets(url, criteria) {
	const admin = await apiLogin(url, DEMO.admin);
	const run = randomUUID().slice(0, 8);
	/** @type {Tablet[]} */
	const tablets = [];
	await inParallel(
		Array.from({ length: centres }, (_, i) => i),
		4,
		async (i) => {
			const { facility } = await admin.post('/api/admin/facilities', { name: `Bench-Kita ${i + 1}` });
			const email = `team-${run}-${i + 1}@bench.example`;
			const { link } = await admin.post('/api/admin/users', {
				email,
				displayName: `Team Kita ${i + 1}`,
				role: 'team',
				facilityIds: [facility.id]
			});
			const token = new URL(link.url).searchParams.get('token');
			const set = await fetch(`${url}/api/auth/set-password`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', origin: url },
				body: JSON.stringify({ token, password })
			});
			if (!set.ok) throw new Error(`set-password: ${set.status} ${await set.text()}`);
			const sessions = [];
			for (let k = 0; k < tabletsPerCentre; k++) sessions.push(await apiLogin(url, { email, password }));
			// The centre's data: every criterion's status, some evidence, and one item per tablet.
			const own = sessions.map((_, k) => `bench-load-${facility.id}-${k}`);
			await pushRecords(sessions[0], [
				...criteria.map((id) => ({
					table: 'criterionStatuses',
					record: criterionStatus(facility.id, id, 'in_arbeit')
				})),
				...Array.from({ length: 40 }, (_, n) => ({
					table: 'evidence',
					record: evidenceNote(facility.id, `bench-load-${facility.id}-note-${n}`, n, criteria)
				})),
				...own.map((id, n) => ({ table: 'evidence', record: evidenceNote(facility.id, id, n, criteria) }))
			]);
			for (const [k, session] of sessions.entries()) {
				const records = await pullAll(session);
				const mine = records.find((r) => r.recordId === own[k]);
				tablets.push({
					cookie: session.cookie,
					facilityId: facility.id,
					deviceId: randomUUID(),
					recordId: own[k],
					cursor: Math.max(...records.map((r) => r.revision)),
					revision: mine?.revision ?? 0,
					nextSeq: 1,
					edits: 0
				});
			}
		}
	);
	return tablets;
}

/**
 * @param {string} url
 * @param {Tablet[]} tablets
 */
async function load(url, tablets, seconds = durationSeconds) {
	/** Answers after each connection's first, with when they came. */
	/** @type {{ at: number, kind: 'pull' | 'push', latency: number }[]} */
	const answers = [];
	/** Each connection's first answer: it waited while all connections opened at the same moment. */
	/** @type {number[]} */
	const rampUp = [];
	const connected = new WeakSet();
	/** When the last connection got its first answer: from then on all of them are in the loop. */
	let allConnectedAt = 0;
	/** @type {Record<string, number>} */
	const statuses = {};
	/** @type {'pull' | 'push'} */
	let answered = 'pull';
	/** Each connection's URL names its tablet, so every connection keeps its own session and device. */
	const tabletOf = (/** @type {string | undefined} */ path = '') =>
		tablets[Number(new URL(path, url).searchParams.get('tablet'))];
	/** @param {string} body */
	const parse = (body) => {
		try {
			return JSON.parse(body);
		} catch {
			return null;
		}
	};

	const instance = autocannon({
		url: tablets.map((_, i) => `${url}/api/sync/pull?tablet=${i}`),
		connections: tablets.length,
		duration: seconds,
		requests: [
			{
				setupRequest: (request, context) => {
					const tablet = tabletOf(request.path);
					context.tablet = tablet;
					return {
						...request,
						method: 'GET',
						path: `/api/sync/pull?cursor=${tablet.cursor}&limit=1000`,
						headers: { cookie: tablet.cookie }
					};
				},
				onResponse: (status, body, context) => {
					answered = 'pull';
					const tablet = /** @type {Tablet} */ (context.tablet);
					const answer = status === 200 ? parse(body) : null;
					// autocannon sends every connection's very first request with the buffer built last
					// (another tablet's): take the cursor only from an answer about this tablet's centre.
					if (answer?.facilityIds.includes(tablet.facilityId)) tablet.cursor = answer.cursor;
				}
			},
			{
				setupRequest: (request, context) => {
					const tablet = /** @type {Tablet} */ (context.tablet);
					const change = {
						seq: tablet.nextSeq,
						table: 'evidence',
						recordId: tablet.recordId,
						op: 'put',
						values: { note: `Stand ${tablet.edits + 1}: Angebot läuft, Teilnehmende gezählt.` },
						baseRevision: tablet.revision,
						changedAt: new Date().toISOString()
					};
					return {
						...request,
						method: 'POST',
						path: '/api/sync/push',
						headers: { cookie: tablet.cookie, origin: url, 'content-type': 'application/json' },
						body: JSON.stringify({ deviceId: tablet.deviceId, changes: [change] })
					};
				},
				onResponse: (status, body, context) => {
					answered = 'push';
					const tablet = /** @type {Tablet} */ (context.tablet);
					const answer = parse(body);
					if (status === 200 && answer) {
						tablet.nextSeq = answer.lastSeq + 1;
						tablet.revision = answer.results[0]?.revision ?? tablet.revision;
						tablet.edits += 1;
					} else if (status === 409 && answer?.expectedSeq) tablet.nextSeq = answer.expectedSeq;
				}
			}
		]
	});
	instance.on('response', (client, statusCode, _bytes, responseTime) => {
		statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
		if (connected.has(client)) answers.push({ at: performance.now(), kind: answered, latency: responseTime });
		else {
			connected.add(client);
			rampUp.push(responseTime);
			allConnectedAt = performance.now();
		}
	});
	const result = await instance;
	const ended = performance.now();
	// A saturated Node server accepts one new connection per turn of its event loop, so the last of
	// 200 connections opened at once may get in seconds late (or not within the run); until then
	// fewer clients load the server. Latencies and rate count only the time after the last got in.
	/** @type {Record<'pull' | 'push', number[]>} */
	const latencies = { pull: [], push: [] };
	for (const answer of answers) {
		if (answer.at >= allConnectedAt) latencies[answer.kind].push(answer.latency);
	}
	const steadySeconds = Math.max(0, (ended - allConnectedAt) / 1000);
	return { latencies, rampUp, statuses, result, steadySeconds };
}

const ms = (/** @type {number} */ value) => `${value.toFixed(0)} ms`;

/** @param {import('../../scripts/lib/benchContext.js').BenchContext} context */
export async function run(context) {
	const criteria = await catalogueCriterionIds(context.root);
	await forEachDatabase(async (database, server) => {
		const prepared = performance.now();
		const tablets = await prepareTablets(server.url, criteria);
		console.log(
			`  ${database}: server in ${server.processes === 1 ? 'one process' : `${server.processes} processes (SERVER_PROCESSES)`}; ${tablets.length} tablets of ${centres} centres logged in and synced once in ${((performance.now() - prepared) / 1000).toFixed(1)} s; load average ${loadavg()[0].toFixed(1)}`
		);
		// One tablet alone first: what a request costs the server when nothing waits in line.
		const alone = await load(server.url, tablets.slice(0, 1), 3);
		if (alone.latencies.pull.length === 0) throw new Error('one client alone got no answers');
		/** @type {{ p50: number, p95: number, rate: number, steadySeconds: number, connections: number, edits: number, latencies: Record<'pull' | 'push', number[]>, rampUp: number[], failed: string[], timeouts: number, errors: number }[]} */
		const measured = [];
		for (let run = 0; run < runs; run++) {
			const editsBefore = tablets.reduce((sum, t) => sum + t.edits, 0);
			const { latencies, rampUp, statuses, result, steadySeconds } = await load(server.url, tablets);
			const all = [...latencies.pull, ...latencies.push];
			if (all.length === 0) {
				throw new Error(
					`only ${rampUp.length} of ${tablets.length} connections were answered within ${durationSeconds} s`
				);
			}
			measured.push({
				p50: percentile(all, 50),
				p95: percentile(all, 95),
				rate: all.length / steadySeconds,
				steadySeconds,
				connections: rampUp.length,
				edits: tablets.reduce((sum, t) => sum + t.edits, 0) - editsBefore,
				latencies,
				rampUp,
				failed: Object.entries(statuses)
					.filter(([code]) => code !== '200')
					.map(([code, n]) => `${n}× ${code}`),
				timeouts: result.timeouts,
				errors: result.errors
			});
		}
		const byP95 = [...measured].sort((a, b) => a.p95 - b.p95);
		const median = byP95[Math.floor(runs / 2)];
		const spread = (/** @type {(m: typeof median) => number} */ figure, unit = ' ms') =>
			`${Math.min(...measured.map(figure)).toFixed(0)}–${Math.max(...measured.map(figure)).toFixed(0)}${unit}`;
		const failed = measured.flatMap((m) => m.failed);
		context.report({
			label: `${database}: 200 clients, p50 latency`,
			value: median.p50,
			unit: 'ms',
			detail: `pull ${ms(percentile(median.latencies.pull, 50))}, push ${ms(percentile(median.latencies.push, 50))}; one client alone: pull ${ms(percentile(alone.latencies.pull, 50))}, push ${ms(percentile(alone.latencies.push, 50))}`
		});
		context.report({
			label: `${database}: 200 clients, p95 latency (median of ${runs} runs)`,
			value: median.p95,
			unit: 'ms',
			target: '≤ 250 ms',
			detail: `runs ${spread((m) => m.p95)}; pull ${ms(percentile(median.latencies.pull, 95))}, push ${ms(percentile(median.latencies.push, 95))}; ${median.rate.toFixed(0)} requests/s (runs ${spread((m) => m.rate, '')}) over the last ${median.steadySeconds.toFixed(1)} s with ${median.connections === tablets.length ? `all ${tablets.length}` : `only ${median.connections} of ${tablets.length} (the others not let in within ${durationSeconds} s)`} connections in, ${median.edits} changes accepted${failed.length ? `, not 200: ${failed.join(', ')}` : ''}`
		});
		const rampUp = measured.flatMap((m) => m.rampUp);
		const timeouts = measured.reduce((sum, m) => sum + m.timeouts, 0);
		const errors = measured.reduce((sum, m) => sum + m.errors, 0);
		context.report({
			label: `${database}: first answer on 200 connections opened at once, p95`,
			value: percentile(rampUp, 95),
			unit: 'ms',
			detail: `all ${runs} runs: median ${ms(percentile(rampUp, 50))}, slowest ${ms(Math.max(...rampUp))}${timeouts ? `; ${timeouts} requests got no answer within 10 s` : ''}${errors > timeouts ? `; ${errors - timeouts} connection errors` : ''}`
		});
	});
}
