import { describe, expect, it } from 'vitest';
import { REQUEST_TIMEOUT_MS, timedFetch, transferTimeoutMs } from '$lib/client/api/timedFetch';

/** A server that takes the request and never answers, like a captive-portal Wi-Fi. */
const neverAnswers: typeof fetch = () => new Promise<Response>(() => {});

describe('timedFetch', () => {
	it('gives up on a request that never gets an answer with a TimeoutError', async () => {
		await expect(timedFetch(neverAnswers)('/api/sync/pull', { timeoutMs: 20 })).rejects.toMatchObject({
			name: 'TimeoutError'
		});
	});

	it('gives up when the answer stalls after its headers', async () => {
		const stalls: typeof fetch = async () =>
			new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{"re')) }), {
				status: 200
			});
		await expect(timedFetch(stalls)('/api/sync/pull', { timeoutMs: 20 })).rejects.toMatchObject({
			name: 'TimeoutError'
		});
	});

	it('passes a prompt answer on with its status, headers and body', async () => {
		const answers: typeof fetch = async () =>
			new Response('{"ok":true}', { status: 201, headers: { 'content-type': 'application/json' } });
		const response = await timedFetch(answers)('/api/team', { timeoutMs: 1000 });
		expect(response.status).toBe(201);
		expect(response.headers.get('content-type')).toBe('application/json');
		expect(await response.json()).toEqual({ ok: true });
		const empty = await timedFetch(async () => new Response(null, { status: 204 }))('/x');
		expect(empty.status).toBe(204);
	});

	it('counts a download’s bytes as they come and passes the whole body on', async () => {
		const parts = ['%PDF-', '1.7 ', 'Nachweis'].map((part) => new TextEncoder().encode(part));
		const streams: typeof fetch = async () =>
			new Response(
				new ReadableStream({
					start(controller) {
						for (const part of parts) controller.enqueue(part);
						controller.close();
					}
				}),
				{ headers: { 'content-type': 'application/pdf', 'content-length': '17' } }
			);
		const progress: [number, number | null][] = [];
		const response = await timedFetch(streams)('/api/sync/attachments/x', {
			onBodyProgress: (received, total) => progress.push([received, total])
		});
		expect(progress).toEqual([
			[0, 17],
			[5, 17],
			[9, 17],
			[17, 17]
		]);
		expect(response.headers.get('content-type')).toBe('application/pdf');
		expect(await response.text()).toBe('%PDF-1.7 Nachweis');
	});

	it('still lets the caller cancel a request itself', async () => {
		const controller = new AbortController();
		const request = timedFetch(neverAnswers)('/api/sync/pull', { signal: controller.signal });
		controller.abort();
		await expect(request).rejects.toMatchObject({ name: 'AbortError' });
	});

	it('gives a large file time for a slow connection, an ordinary request 30 seconds', () => {
		expect(transferTimeoutMs(0)).toBe(REQUEST_TIMEOUT_MS);
		expect(REQUEST_TIMEOUT_MS).toBe(30_000);
		// 25 MB at 50 kB/s: more than eight minutes on top.
		expect(transferTimeoutMs(25 * 1024 * 1024)).toBeGreaterThan(REQUEST_TIMEOUT_MS + 8 * 60_000);
	});
});
