/**
 * The root layout's session, sync and account parts. The layout loads them with `import()` after the
 * first paint (or before it, when someone is signed in): they bring zod and the sync code along,
 * which the Übersicht does not need to show.
 */
export { landingPathFor, session } from '$lib/client/state/session.svelte';
export { default as SessionBanner } from '$lib/components/session/SessionBanner.svelte';
export { default as HeaderStatus } from '$lib/components/layout/HeaderStatus.svelte';
