// Browser tests run against the production build: build once (skipped when build/ is fresh), start the
// adapter-node server on a free port with a throw-away DATA_DIR, hand its URL to the tests, stop it after.
import type { TestProject } from 'vitest/node';
import { ensureBuild } from '../../scripts/lib/build.js';
import { startServer } from '../../scripts/lib/server.js';

declare module 'vitest' {
	export interface ProvidedContext {
		/** Base URL of the running production server, e.g. http://127.0.0.1:41234 */
		baseUrl: string;
	}
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	await ensureBuild();
	const server = await startServer();
	project.provide('baseUrl', server.url);
	return () => server.stop();
}
