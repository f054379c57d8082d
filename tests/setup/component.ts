// Component tests run in jsdom with an in-memory IndexedDB, so Dexie behaves as in a browser.
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
