// zod compiles fast object parsers with `new Function` when the page allows eval. The app's CSP
// does not (svelte.config.js), and zod's probe for it is reported as a CSP violation although it
// is caught; `jitless` skips the probe. zod keeps its settings in this global, read lazily, so
// setting it here needs no import of zod into the start bundle.
const zodHolder = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
(zodHolder.__zod_globalConfig ??= {}).jitless = true;
