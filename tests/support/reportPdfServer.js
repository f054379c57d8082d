// Builds tests/support/reportPdfPage with Vite (the report worker becomes its own chunk, as in the
// app's build) and serves it on localhost with the app's Content Security Policy for pages, so a PDF
// made there shows that pdfmake needs no 'unsafe-eval' and that worker-src 'self' admits the worker.
// Plain JavaScript: the benchmark (node, no TypeScript) uses it as well as the browser test.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';

const CSP =
	"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'";
/** @type {Record<string, string>} */
const types = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8'
};

/** @param {string} root the repository @returns {Promise<string>} the built folder */
export async function buildReportPdfPage(root) {
	const { build } = await import('vite');
	const outDir = join(root, 'tests/.tmp/report-pdf-page');
	await build({
		configFile: false,
		root: join(root, 'tests/support/reportPdfPage'),
		logLevel: 'warn',
		resolve: { alias: { $lib: join(root, 'src/lib') } },
		build: { outDir, emptyOutDir: true, minify: true, target: 'es2022', reportCompressedSize: false }
	});
	return outDir;
}

/**
 * @param {string} dir the built folder
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export async function serveReportPdfPage(dir) {
	const server = createServer((request, response) => {
		const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
		const file = join(dir, path === '/' ? 'index.html' : path);
		if (!file.startsWith(dir)) return void response.writeHead(404).end();
		readFile(file).then(
			(body) => {
				response.writeHead(200, {
					'content-type': types[extname(file)] ?? 'application/octet-stream',
					'content-security-policy': CSP,
					// Like the app's hashed chunks: once fetched, they load from the cache offline.
					'cache-control': path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'
				});
				response.end(body);
			},
			() => response.writeHead(404).end()
		);
	});
	await /** @type {Promise<void>} */ (
		new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
	);
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	return {
		url: `http://127.0.0.1:${address.port}`,
		stop: () => new Promise((resolve) => server.close(() => resolve(undefined)))
	};
}
