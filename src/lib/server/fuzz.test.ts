import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getHealth } from '$lib/server/http/health';
import { createSession } from './auth/sessions';
import { getDossierById, getDossiers, postDossier } from '$lib/server/dossier/handlers';
import { sampleSubmission } from './dossier/testing/fixtures';
import { getAttachment, headAttachment, postPush, putAttachment } from '$lib/server/sync/handlers';
import { noteEvidence, statusRecord } from './sync/testing/syncFixtures';
import { send, type TestRequest, type TestResponse } from './testing/requests';
import { addTwoCentres, startTestServer, testDialects, type TestServer } from './testing/testServer';

/**
 * Property-based fuzz of the push, attachment and dossier APIs, through the real `handle` hook and
 * handlers: whatever arrives, malformed or hostile, the answer is a JSON 2xx or 4xx (a file, or no
 * body for HEAD, where that is the answer) within a time bound, and the server goes on answering.
 */

/** Generous: the machine is shared; a request that hangs or loops would take far longer. */
const TIME_BOUND_MS = 15_000;
const RUNS = 400;

const USERS = ['leitung-a', 'team-a', 'leitung-b', 'beratung', null] as const;
const DEVICES = [
	'0a0a0a0a-0000-4000-8000-00000000000a',
	'0b0b0b0b-0000-4000-8000-00000000000b',
	'not-a-uuid'
];
const TABLES = [
	'criterionStatuses',
	'evidence',
	'facilities',
	'syncConflicts',
	'criterionFeedback',
	'preventionProfiles',
	'registerCitations',
	'officeHourPlans',
	'__proto__',
	'constructor',
	'unbekannt'
];

/** Strings with the characters that break things: NUL, controls, lone surrogates, long ones. */
const nastyString = fc.oneof(
	fc.string({ unit: 'binary', maxLength: 40 }),
	fc.constantFrom('', '\u0000', 'a\u0000b', '\ud800', '../../etc/passwd', 'kita-a:1.1', 'kita-a', '1.1'),
	fc.constantFrom('x'.repeat(121), 'ü'.repeat(5000))
);

const jsonLike: fc.Arbitrary<unknown> = fc.oneof(
	{ depthSize: 'small' },
	fc.jsonValue({ maxDepth: 4 }),
	nastyString,
	fc.constantFrom(null, true, -1, 0, 1e308, Number.MAX_SAFE_INTEGER + 2, [], {})
);

/** A valid record with some fields replaced by anything. */
function mutated(record: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
	const field = fc.oneof(fc.constantFrom(...Object.keys(record)), fc.string({ maxLength: 12 }));
	return fc
		.array(fc.tuple(field, jsonLike), { maxLength: 3 })
		.map((replacements) => Object.assign({ ...record }, Object.fromEntries(replacements)));
}

/** A table with values of its kind, or of any kind. */
const tableAndValues: fc.Arbitrary<[string, Record<string, unknown>]> = fc.oneof(
	fc.tuple(fc.constant('criterionStatuses'), mutated(statusRecord('kita-a', '1.1', 'erfuellt'))),
	fc.tuple(fc.constant('criterionStatuses'), mutated(statusRecord('kita-b', '1.2', 'offen'))),
	fc.tuple(fc.constant('evidence'), mutated(noteEvidence('kita-a', 'ev-1'))),
	fc.tuple(fc.constant('evidence'), mutated(noteEvidence('kita-b', 'ev-2'))),
	fc.tuple(
		fc.oneof(fc.constantFrom(...TABLES), nastyString),
		fc.dictionary(fc.string({ maxLength: 10 }), jsonLike, { maxKeys: 4 })
	)
);

const clientChange = fc.record({
	seq: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.constantFrom(0, -1, 2 ** 53)),
	tableAndValues,
	recordId: fc.oneof(fc.constantFrom('kita-a:1.1', 'kita-b:1.1', 'ev-1', 'ev-2', 'kita-a'), nastyString),
	op: fc.constantFrom('put', 'put', 'delete', 'drop'),
	baseRevision: fc.oneof(fc.nat(5), fc.constant(-3)),
	changedAt: fc.constantFrom('2026-11-23T08:00:00.000Z', 'gestern', '')
});

/**
 * A push; often a coherent one (consecutive seqs, the record's own id, a valid envelope), so that
 * many changes get past the protocol checks into the merge, the rules and the database.
 */
const pushBody = fc.oneof(
	{
		weight: 4,
		arbitrary: fc
			.record({
				deviceId: fc.oneof(fc.uuid({ version: 4 }), fc.constantFrom(...DEVICES)),
				changes: fc.array(clientChange, { minLength: 1, maxLength: 4 }),
				coherent: fc.boolean()
			})
			.map(({ deviceId, changes, coherent }) => ({
				deviceId,
				changes: changes.map(({ tableAndValues: [table, values], ...change }, i) => ({
					...change,
					table,
					values,
					...(coherent
						? {
								seq: i + 1,
								recordId: typeof values.id === 'string' ? values.id : change.recordId,
								op: change.op === 'drop' ? 'put' : change.op,
								baseRevision: Math.max(0, change.baseRevision),
								changedAt: '2026-11-23T08:00:00.000Z'
							}
						: {})
				}))
			}))
	},
	{ weight: 1, arbitrary: jsonLike }
);

/** Bodies that are not JSON at all, or JSON too deep or with NUL. */
const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** A valid push and hand-in as JSON text, where a deep value is put in. */
const validPushText = JSON.stringify({
	deviceId: DEVICES[0],
	changes: [
		{
			seq: 1,
			table: 'evidence',
			recordId: 'ev-tief',
			op: 'put',
			values: noteEvidence('kita-a', 'ev-tief'),
			baseRevision: 0,
			changedAt: '2026-11-23T08:00:00.000Z'
		}
	]
});
const validDossierText = JSON.stringify(sampleSubmission('kita-a'));

/** Bodies that are not JSON at all, or JSON too deep or with NUL. */
const rawBody = fc.oneof(
	fc.string({ unit: 'binary', maxLength: 60 }),
	fc.integer({ min: 65, max: 200_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
	fc.integer({ min: 65, max: 200_000 }).map((depth) => `{"deviceId":${nested(depth)}}`),
	// Deep where a value is kept as it comes, so only serialising it would notice.
	fc
		.integer({ min: 65, max: 200_000 })
		.map((depth) => validPushText.replace('"note":""', `"note":${nested(depth)}`)),
	fc
		.integer({ min: 65, max: 200_000 })
		.map((depth) =>
			validDossierText.replace('"registerSummaries":{', `"registerSummaries":{"x":${nested(depth)},`)
		),
	fc.constant('{"deviceId":"\u0000","changes":[]}')
);

const sha256 = fc.oneof(
	fc.stringMatching(/^[0-9a-f]{64}$/),
	fc.constantFrom('0'.repeat(64), 'A'.repeat(64), 'zz', '%00', 'x'.repeat(300)),
	nastyString
);

function dossierBody(facilityId: string): fc.Arbitrary<unknown> {
	const submission = sampleSubmission(facilityId) as unknown as Record<string, unknown>;
	const snapshot = submission.snapshot as Record<string, unknown>;
	return fc.oneof(
		fc.constant(submission),
		mutated(submission),
		mutated(snapshot).map((changed) => ({ ...submission, snapshot: changed })),
		jsonLike
	);
}

type Call = {
	handler: (event: never) => Promise<Response>;
	request: Omit<TestRequest, 'token'>;
	user: string | null;
};

// Mostly the Leitung of kita-a, who may do most, so requests get past the permission checks.
const user = fc.oneof({ weight: 3, arbitrary: fc.constant('leitung-a') }, fc.constantFrom(...USERS));

/** For the URL only (a lone surrogate cannot be encoded); the handler gets the string as it is. */
const pathPart = (text: string) => encodeURIComponent(text.toWellFormed());

const call: fc.Arbitrary<Call> = fc.oneof(
	fc
		.record({
			user,
			body: pushBody
		})
		.map(({ user, body }) => ({ user, handler: postPush, request: { path: '/api/sync/push', body } })),
	fc
		.record({ user, raw: rawBody, type: fc.constantFrom('application/json', 'text/plain') })
		.map(({ user, raw, type }) => ({
			user,
			handler: postPush,
			request: { path: '/api/sync/push', method: 'POST', rawBody: raw, headers: { 'content-type': type } }
		})),
	fc
		.record({
			user,
			sha: sha256,
			bytes: fc.string({ unit: 'binary', maxLength: 200 }),
			method: fc.constantFrom('PUT', 'HEAD', 'GET')
		})
		.map(({ user, sha, bytes, method }) => ({
			user,
			handler: { PUT: putAttachment, HEAD: headAttachment, GET: getAttachment }[method],
			request: {
				method,
				path: `/api/sync/attachments/${pathPart(sha)}`,
				params: { sha256: sha },
				...(method === 'PUT'
					? { rawBody: `%PDF-1.4\n${bytes}`, headers: { 'content-type': 'application/octet-stream' } }
					: {})
			}
		})),
	fc.record({ user, body: fc.oneof(dossierBody('kita-a'), dossierBody('kita-b')) }).map(({ user, body }) => ({
		user,
		handler: postDossier,
		request: { path: '/api/dossiers', body }
	})),
	fc.record({ user, raw: rawBody }).map(({ user, raw }) => ({
		user,
		handler: postDossier,
		request: {
			path: '/api/dossiers',
			method: 'POST',
			rawBody: raw,
			headers: { 'content-type': 'application/json' }
		}
	})),
	fc.record({ user, id: nastyString }).map(({ user, id }) => ({
		user,
		handler: getDossierById,
		request: { path: `/api/dossiers/${pathPart(id)}`, params: { id } }
	})),
	fc.record({ user, facility: nastyString }).map(({ user, facility }) => ({
		user,
		handler: getDossiers,
		request: { path: `/api/dossiers?facility=${pathPart(facility)}` }
	}))
);

/** A stored push, a hand-in, a refused body and an unknown dossier: 200 accepted, 201, 400, 404. */
const everyKindOfAnswer: Call[] = [
	{
		user: 'leitung-a',
		handler: postPush,
		request: {
			path: '/api/sync/push',
			body: { ...JSON.parse(validPushText), deviceId: '0c0c0c0c-0000-4000-8000-00000000000c' }
		}
	},
	{
		user: 'leitung-a',
		handler: postDossier,
		request: { path: '/api/dossiers', body: sampleSubmission('kita-a') }
	},
	{
		user: 'leitung-a',
		handler: postPush,
		request: {
			path: '/api/sync/push',
			method: 'POST',
			rawBody: '{',
			headers: { 'content-type': 'application/json' }
		}
	},
	{
		user: 'leitung-a',
		handler: getDossierById,
		request: { path: '/api/dossiers/unbekannt', params: { id: 'unbekannt' } }
	}
];

function checkAnswer(request: Call['request'], response: TestResponse, ms: number): void {
	const method =
		request.method ?? (request.body === undefined && request.rawBody === undefined ? 'GET' : 'POST');
	const context = `${method} ${request.path} → ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`;
	expect(response.status, context).toBeGreaterThanOrEqual(200);
	expect(response.status, context).toBeLessThan(500);
	expect(ms, context).toBeLessThan(TIME_BOUND_MS);
	const isFile =
		method === 'GET' && request.path.startsWith('/api/sync/attachments/') && response.status === 200;
	if (method === 'HEAD' || isFile) return;
	expect(response.headers.get('content-type'), context).toContain('application/json');
	expect(typeof response.body, context).toBe('object');
	if (response.status >= 400) expect(typeof response.body.error?.message, context).toBe('string');
}

/** Status, and for a push whether it stored a change. */
function answerKind(response: TestResponse): string {
	const results = (response.body as { results?: { status: string }[] }).results;
	return results?.some((r) => r.status === 'accepted') ? `${response.status} accepted` : `${response.status}`;
}

describe.each(testDialects)('fuzzing push, attachments and hand-in on %s', (dialect) => {
	let server: TestServer;
	const tokens = new Map<string, string>();

	beforeAll(async () => {
		server = await startTestServer(dialect);
		await addTwoCentres(server.ctx);
		for (const id of USERS) if (id) tokens.set(id, (await createSession(server.ctx, id)).token);
	});
	afterAll(() => server.cleanup());

	it('answers every request with JSON 2xx or 4xx in time, and the server goes on', async () => {
		const seen = new Set<string>();
		await fc.assert(
			fc.asyncProperty(fc.array(call, { minLength: 1, maxLength: 4 }), async (calls) => {
				for (const { handler, request, user } of calls) {
					const started = performance.now();
					const response = await send(handler as never, {
						...request,
						token: user ? tokens.get(user) : undefined
					});
					checkAnswer(request, response, performance.now() - started);
					seen.add(answerKind(response));
				}
			}),
			// Known inputs first, so that every kind of answer is seen whatever the random ones are.
			{ numRuns: RUNS, examples: [[everyKindOfAnswer]] }
		);

		// The fuzz got past the checks too: some changes were stored, some hand-ins taken.
		expect([...seen], 'answers seen').toEqual(expect.arrayContaining(['200 accepted', '201', '400', '404']));

		const health = await send(getHealth, { path: '/api/health' });
		expect(health.status).toBe(200);
		expect(health.body).toMatchObject({ status: 'ok', database: dialect });
		// And it still takes an ordinary push from a new device.
		const pushed = await send(postPush, {
			path: '/api/sync/push',
			token: tokens.get('leitung-a'),
			body: {
				deviceId: '0d0d0d0d-0000-4000-8000-00000000000d',
				changes: [
					{
						seq: 1,
						table: 'evidence',
						recordId: 'ev-nach-dem-fuzz',
						op: 'put',
						values: noteEvidence('kita-a', 'ev-nach-dem-fuzz'),
						baseRevision: 0,
						changedAt: '2026-11-23T08:00:00.000Z'
					}
				]
			}
		});
		expect(pushed.body.results).toEqual([expect.objectContaining({ status: 'accepted' })]);
	}, 120_000);
});
