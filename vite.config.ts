import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vitest/config';

/**
 * The service worker precaches the whole client build and serves the app shell for every navigation,
 * so each route opens with no network. The shell is the server's `/` response: the app is rendered
 * in the browser only (`ssr = false`), so that page is the same for every route.
 */
const pwa = SvelteKitPWA({
	strategies: 'generateSW',
	// A new version waits until the user accepts it in the update banner (never a silent reload).
	registerType: 'prompt',
	// The banner registers the worker through `virtual:pwa-register/svelte`.
	injectRegister: false,
	kit: {
		// Precache `/` (revision from `_app/version.json`, i.e. per build) and use it as navigate fallback.
		adapterFallback: '/',
		spa: true
	},
	manifest: {
		id: '/',
		name: 'Gütesiegel-Mappe',
		short_name: 'Gütesiegel',
		description:
			'Kriterien, Nachweise und Stand für das Gütesiegel Familienzentrum NRW – auch ohne Netz auf dem Tablet.',
		lang: 'de',
		dir: 'ltr',
		start_url: '/',
		scope: '/',
		display: 'standalone',
		orientation: 'any',
		theme_color: '#1d5c4d',
		background_color: '#f7f5ef',
		categories: ['productivity', 'education'],
		icons: [
			{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
			{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
			{ src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' }
		]
	},
	workbox: {
		// Everything the client build and `static/` hold, catalogue files included; not the build's
		// version stamp, which only matters online.
		globPatterns: ['client/**/*.{js,css,json,ico,png,svg,webp,woff,woff2,webmanifest}'],
		globIgnores: ['client/_app/version.json'],
		navigateFallback: '/',
		// The JSON API must always reach the server: never answer it from the cache or with the shell.
		navigateFallbackDenylist: [/^\/api(\/|$)/],
		// The first visit is controlled at once, so the app is offline-ready without a reload.
		clientsClaim: true,
		cleanupOutdatedCaches: true,
		// The bundled working catalogue makes one chunk larger than Workbox's 2 MiB default.
		maximumFileSizeToCacheInBytes: 5 * 1024 * 1024
	},
	devOptions: { enabled: false }
});

export default defineConfig({
	plugins: [sveltekit(), pwa],
	// scripts/otherNodes.js runs the suites on other Node versions with a better-sqlite3 built for each.
	resolve: process.env.BETTER_SQLITE3_PATH
		? { alias: { 'better-sqlite3': process.env.BETTER_SQLITE3_PATH } }
		: {},
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					environment: 'node',
					include: ['src/lib/domain/**/*.test.ts', 'src/lib/server/**/*.test.ts', 'scripts/**/*.test.ts'],
					globalSetup: ['./tests/setup/database-global.ts'],
					// Server tests hash passwords and run two databases side by side with the other suites:
					// on a loaded 2-core machine 5 s is not enough for the heavier ones.
					testTimeout: 20_000
				}
			},
			{
				extends: true,
				plugins: [svelteTesting()],
				test: {
					name: 'component',
					environment: 'jsdom',
					include: [
						'src/**/*.svelte.test.ts',
						'src/lib/client/**/*.test.ts',
						'src/service-worker/**/*.test.ts'
					],
					setupFiles: ['./tests/setup/component.ts'],
					// Large lists and many IndexedDB writes in jsdom: give them time on a loaded machine.
					testTimeout: 20_000
				}
			},
			{
				extends: true,
				test: {
					name: 'browser',
					environment: 'node',
					include: ['tests/browser/**/*.test.ts'],
					globalSetup: ['./tests/setup/browser-global.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000,
					fileParallelism: false
				}
			}
		]
	}
});
