// A proxy in front of the app server that passes file uploads (PUT /api/sync/attachments/…) on at
// the pace of a slow line, so the browser's upload progress moves in steps; everything else passes
// through unchanged.
import { createServer, request, type Server } from 'node:http';
import { Transform } from 'node:stream';

export interface SlowUploadProxy {
	url: string;
	close: () => Promise<void>;
}

/** Passes at most `bytesPerSecond`, in pieces of 16 KB. */
function throttle(bytesPerSecond: number): Transform {
	const piece = 16 * 1024;
	return new Transform({
		highWaterMark: piece,
		transform(chunk: Buffer, _encoding, done) {
			const parts: Buffer[] = [];
			for (let at = 0; at < chunk.length; at += piece) parts.push(chunk.subarray(at, at + piece));
			const next = () => {
				const part = parts.shift();
				if (!part) return done();
				this.push(part);
				setTimeout(next, (part.length / bytesPerSecond) * 1000);
			};
			next();
		}
	});
}

export async function startSlowUploadProxy(target: string, bytesPerSecond: number): Promise<SlowUploadProxy> {
	const upstream = new URL(target);
	const server: Server = createServer((incoming, outgoing) => {
		const slow = incoming.method === 'PUT' && incoming.url?.startsWith('/api/sync/attachments/');
		const forward = request(
			{
				hostname: upstream.hostname,
				port: upstream.port,
				path: incoming.url,
				method: incoming.method,
				// The server knows its own origin only: requests through the proxy name that one.
				headers: {
					...incoming.headers,
					host: upstream.host,
					...(incoming.headers.origin ? { origin: upstream.origin } : {})
				}
			},
			(response) => {
				outgoing.writeHead(response.statusCode ?? 502, response.headers);
				response.pipe(outgoing);
			}
		);
		forward.on('error', () => outgoing.destroy());
		(slow ? incoming.pipe(throttle(bytesPerSecond)) : incoming).pipe(forward);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	if (!address || typeof address === 'string') throw new Error('The proxy has no port.');
	return {
		url: `http://127.0.0.1:${address.port}`,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
