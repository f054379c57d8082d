/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { isShareTargetPost, receiveShare } from './shareTarget';

/**
 * The app's service worker (built by SvelteKit, precache list injected by @vite-pwa/sveltekit):
 * precaches the whole client build, answers every navigation with the shell of `/` so each route
 * opens offline, never touches the JSON API, and receives files shared from other apps.
 */
// Workbox's build replaces `self.__WB_MANIFEST` (this exact text) with the precache list.
declare let self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Parameters<typeof precacheAndRoute>[0] };
const sw = self;

// A new version waits until the user accepts it in the update banner (registerType 'prompt'),
// which posts this message; it never takes over on its own.
sw.addEventListener('message', (event) => {
	if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void sw.skipWaiting();
});

// Registered before Workbox's router, which only answers GET: the share arrives as a POST.
sw.addEventListener('fetch', (event) => {
	if (isShareTargetPost(event.request, sw.location.origin)) {
		event.respondWith(receiveShare(event.request, sw.location.origin));
	}
});

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// The JSON API must always reach the server: never answer it from the cache or with the shell.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/'), { denylist: [/^\/api(\/|$)/] }));
// The first visit is controlled at once, so the app is offline-ready without a reload.
clientsClaim();
