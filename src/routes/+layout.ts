// The workspace lives in IndexedDB, so pages render in the browser only; the server serves the shell.
export const ssr = false;
