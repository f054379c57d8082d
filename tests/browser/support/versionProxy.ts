// A proxy in front of the app server that can pretend a new version was deployed: after
// `deployNewVersion()` it serves a changed service worker script, which the browser installs as an
// update. Everything else passes through unchanged.
import { createServer, request, type Server } from 'node:http';

export interface VersionProxy {
	url: string;
	deployNewVersion: () => void;
	close: () => Promise<void>;
}

export async function startVersionProxy(target: string): Promise<VersionProxy> {
	const upstream = new URL(target);
	let version = 1;
	const server: Server = createServer((incoming, outgoing) => {
		const headers = { ...incoming.headers, host: upstream.host, 'accept-encoding': 'identity' };
		const changedWorker = incoming.url?.split('?')[0] === '/sw.js' && version > 1;
		if (changedWorker) {
			// The browser revalidates the worker script; a 304 would hide the change.
			delete headers['if-none-match'];
			delete headers['if-modified-since'];
		}
		const forward = request(
			{
				hostname: upstream.hostname,
				port: upstream.port,
				path: incoming.url,
				method: incoming.method,
				headers
			},
			(response) => {
				if (!changedWorker) {
					outgoing.writeHead(response.statusCode ?? 502, response.headers);
					response.pipe(outgoing);
					return;
				}
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () => {
					const body = Buffer.concat([...chunks, Buffer.from(`\n// deployed version ${version}\n`)]);
					const changed = { ...response.headers, 'content-length': String(body.length) };
					delete changed.etag;
					delete changed['last-modified'];
					outgoing.writeHead(response.statusCode ?? 200, changed);
					outgoing.end(body);
				});
			}
		);
		forward.on('error', () => {
			outgoing.writeHead(502);
			outgoing.end();
		});
		incoming.pipe(forward);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return {
		url: `http://127.0.0.1:${port}`,
		deployNewVersion: () => {
			version += 1;
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
