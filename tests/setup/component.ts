// Component tests run in jsdom with an in-memory IndexedDB, so Dexie behaves as in a browser.
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';

// Drafts are kept per form key in their own database; each test starts without another test's.
import { beforeEach, vi } from 'vitest';
import { removeAllDrafts } from '$lib/client/db/drafts';
beforeEach(() => removeAllDrafts());

// findBy… and waitFor wait 1 s by default; on a loaded 2-core machine a save through IndexedDB may
// take longer. A passing test still ends as soon as its condition holds.
import { configure } from '@testing-library/svelte';
configure({ asyncUtilTimeout: 15_000 });
// The same for vi.waitFor (1 s by default), unless a test names its own timeout.
const waitFor = vi.waitFor.bind(vi);
vi.waitFor = ((callback, options) =>
	waitFor(
		callback,
		typeof options === 'number' ? options : { timeout: 15_000, ...options }
	)) as typeof vi.waitFor;
