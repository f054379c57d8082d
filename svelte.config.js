import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build' }),
		// Test data (record factories, small catalogues, bench data) lives outside src/ so that it can
		// never be bundled into the app; tests under src/ import it as `$fixtures/…`.
		alias: { $fixtures: 'tests/fixtures' },
		// The service worker answers every navigation with the shell of `/`; absolute asset paths keep
		// that shell working at deeper routes such as /kriterien/1.1.
		paths: { relative: false },
		// SvelteKit builds the service worker (src/service-worker/) and @vite-pwa/sveltekit injects its
		// precache list; the update banner registers it, so that a new version waits for the user.
		serviceWorker: { register: false },
		version: { pollInterval: 0 },
		// src/instrumentation.server.ts runs before adapter-node reads its settings: `node build`
		// gets its defaults (BODY_SIZE_LIMIT) and refuses a wrong setting by name.
		experimental: { instrumentation: { server: true } },
		// The page's policy (API answers have their own, src/lib/server/http/security.ts). Hashes, not
		// nonces: the service worker answers every navigation with the precached shell, and a nonce
		// would be the same stale one forever. SvelteKit adds the hash of its inline start script.
		// No 'unsafe-inline' for styles: Svelte sets dynamic styles through the CSSOM, which CSP
		// allows, and the app has no style attributes in markup. The one style attribute is in
		// SvelteKit's own route announcer (Root.svelte, "position: absolute; … height: 1px"),
		// allowed by its hash; tests/browser/csp.test.ts fails if a SvelteKit update changes it.
		// See docs/security.md.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				'style-src-attr': ['unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
				// Photos and previews from IndexedDB are shown through blob: URLs; icons may be data:.
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				// The review page shows a centre's PDF in an <iframe> of the file route (`?inline=1`);
				// default-src allowed it already, named here so nobody narrows it by accident.
				'frame-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
