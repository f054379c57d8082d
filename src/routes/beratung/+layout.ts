// The advisor's pages render once the session is known (routes/+layout.svelte), and the session
// parts are loaded by the root layout with `import()`. Named here, they come with these pages' own
// code instead of in a further round trip after it (tests/bench/reviewRender.js).
import '$lib/components/layout/sessionParts';
