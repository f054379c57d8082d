import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import os from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * The service worker (`src/service-worker/`, built by SvelteKit; Workbox's precache list injected
 * here) precaches the whole client build and serves the app shell for every navigation, so each
 * route opens with no network. The shell is the server's `/` response: the app is rendered in the
 * browser only (`ssr = false`), so that page is the same for every route. Its own code receives
 * files shared from other apps (`share_target`), which a generated worker could not.
 */
const pwa = SvelteKitPWA({
	strategies: 'injectManifest',
	srcDir: 'src',
	// Served as /sw.js, as before the switch from generateSW, so installed apps keep their worker.
	filename: 'sw.js',
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
		],
		// Real screenshots of the built app, made by scripts/screenshots.js (run it after UI changes).
		screenshots: [
			{
				src: '/screenshots/uebersicht-schmal.png',
				sizes: '390x844',
				type: 'image/png',
				form_factor: 'narrow',
				label: 'Übersicht: Stand des Familienzentrums auf dem Telefon'
			},
			{
				src: '/screenshots/kriterium-schmal.png',
				sizes: '390x844',
				type: 'image/png',
				form_factor: 'narrow',
				label: 'Ein Kriterium mit Status und Nachweisen'
			},
			{
				src: '/screenshots/uebersicht-breit.png',
				sizes: '1280x800',
				type: 'image/png',
				form_factor: 'wide',
				label: 'Übersicht: Stand des Familienzentrums auf dem Tablet'
			},
			{
				src: '/screenshots/kriterien-breit.png',
				sizes: '1280x800',
				type: 'image/png',
				form_factor: 'wide',
				label: 'Alle Kriterien mit Filtern'
			}
		],
		shortcuts: [
			{
				name: 'Foto-Nachweis aufnehmen',
				short_name: 'Foto-Nachweis',
				description: 'Ein Foto aufnehmen und einem Kriterium zuordnen',
				url: '/nachweis/neu?aufnahme=foto',
				icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }]
			},
			{
				name: 'Kriterien',
				description: 'Alle Kriterien und ihr Stand',
				url: '/kriterien',
				icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }]
			},
			{
				name: 'Termine',
				description: 'Termine und Fristen',
				url: '/kalender',
				icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }]
			}
		],
		// A PDF or photo shared from another app arrives as new evidence: the service worker keeps
		// the files on the device and opens the page where the Leitung picks the criterion.
		share_target: {
			action: '/nachweis/neu',
			method: 'POST',
			enctype: 'multipart/form-data',
			params: {
				title: 'titel',
				text: 'text',
				url: 'adresse',
				files: [
					{
						name: 'dateien',
						accept: ['application/pdf', '.pdf', 'image/*', '.jpg', '.jpeg', '.png', '.webp', '.heic']
					}
				]
			}
		}
	},
	injectManifest: {
		// Everything the client build and `static/` hold, catalogue files included; not the build's
		// version stamp, which only matters online.
		globPatterns: ['client/**/*.{js,css,json,ico,png,svg,webp,woff,woff2,webmanifest}'],
		// Nor the manifest screenshots: only the install dialog shows them, online.
		globIgnores: ['client/_app/version.json', 'client/screenshots/**'],
		// The bundled working catalogue makes one chunk larger than Workbox's 2 MiB default.
		maximumFileSizeToCacheInBytes: 5 * 1024 * 1024
	},
	devOptions: { enabled: false }
});

/**
 * Vitest's default is one worker per core but one; on a 2-core machine (CI's) that is a single
 * worker, and the unit and component suites, whose time goes mostly into each file's imports and
 * jsdom, would leave a core idle. They run two files at a time at least; the browser suite still
 * runs alone after them (one file at a time, in its own group), so Chromium is not slowed down.
 */
const suiteWorkers = Math.max(2, os.availableParallelism() - 1);

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
					maxWorkers: suiteWorkers,
					include: ['src/lib/domain/**/*.test.ts', 'src/lib/server/**/*.test.ts', 'scripts/**/*.test.ts'],
					globalSetup: ['./tests/setup/database-global.ts'],
					// The server's JSON log lines would bury the test report; log tests set their level.
					env: { LOG_LEVEL: 'silent' },
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
					maxWorkers: suiteWorkers,
					// Worker threads, not processes: a fresh one per file costs less to start (about a tenth
					// of this suite's CPU time), and nothing here needs a process of its own (no native
					// modules, no chdir).
					pool: 'threads',
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
