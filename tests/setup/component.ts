// Component tests run in jsdom with an in-memory IndexedDB, so Dexie behaves as in a browser.
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';

// Drafts are kept per form key in their own database; each test starts without another test's.
import { beforeEach } from 'vitest';
import { removeAllDrafts } from '$lib/client/db/drafts';
beforeEach(() => removeAllDrafts());
