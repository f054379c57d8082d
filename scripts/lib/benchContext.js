// What a benchmark measurement gets: the production server, Chromium, the app's TypeScript modules
// (through Vite) and a way to print a figure. Everything starts lazily and is shared by all
// measurements of one run.
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ensureBuild, root } from './build.js';
import { startServer } from './server.js';

const chromiumArgs = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];

/**
 * @typedef {object} Figure
 * @property {string} label what was measured
 * @property {number} value
 * @property {string} unit e.g. 'ms', 'KB'
 * @property {string} [target] the target on this machine, e.g. '≤ 300 ms'
 * @property {string} [detail] extra context (runs, spread)
 */

/**
 * @typedef {object} BenchContext
 * @property {string} root the project directory
 * @property {() => Promise<import('./server.js').RunningServer>} server the built app, served
 * @property {() => Promise<import('playwright-core').Browser>} browser headless Chromium
 * @property {(path: string) => Promise<Record<string, any>>} importModule loads a project module
 *   (TypeScript, `$lib` imports) through Vite, e.g. '/src/lib/domain/readiness/index.ts'
 * @property {(figure: Figure) => void} report prints one figure
 * @property {Figure[]} figures every figure reported so far
 */

/**
 * Whether a figure meets its target, for targets of the form '≤ 300 ms' or '≥ 50 MB/s' in the
 * figure's own unit (or none); null when the target says something else (e.g. 'linear: 5').
 * @param {Figure} figure
 * @returns {boolean | null}
 */
export function targetMet(figure) {
	const match = /^\s*([≤≥<>])\s*([\d.]+)\s*(.*?)\s*$/.exec(figure.target ?? '');
	if (!match || (match[3] !== '' && match[3] !== figure.unit)) return null;
	const [, relation, bound] = match;
	const limit = Number(bound);
	if (relation === '≤') return figure.value <= limit;
	if (relation === '≥') return figure.value >= limit;
	return relation === '<' ? figure.value < limit : figure.value > limit;
}

/** @param {Figure} figure */
function formatFigure(figure) {
	const value = Number.isInteger(figure.value)
		? String(figure.value)
		: figure.value.toFixed(figure.value < 10 ? 2 : 1);
	const met = targetMet(figure);
	const verdict = met === null ? '' : met ? ': met' : ': NOT met';
	const target = figure.target ? `   (target ${figure.target}${verdict})` : '';
	const detail = figure.detail ? `   ${figure.detail}` : '';
	return `  ${figure.label.padEnd(58)} ${`${value} ${figure.unit}`.padStart(12)}${target}${detail}`;
}

/** @returns {{ context: BenchContext, close: () => Promise<void> }} */
export function createBenchContext() {
	/** @type {Promise<import('./server.js').RunningServer> | undefined} */
	let server;
	/** @type {Promise<import('playwright-core').Browser> | undefined} */
	let browser;
	/** @type {Promise<import('vite').ViteDevServer> | undefined} */
	let vite;
	/** @type {Figure[]} */
	const figures = [];

	/** @type {BenchContext} */
	const context = {
		root,
		figures,
		server: () =>
			(server ??= ensureBuild({ log: (line) => console.log(`  ${line}`) }).then(() =>
				startServer({ env: { DEMO_SEED: '0' } })
			)),
		browser: () =>
			(browser ??= chromium.launch({
				executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
				headless: true,
				args: chromiumArgs
			})),
		importModule: async (path) => {
			vite ??= import('vite').then(({ createServer }) =>
				createServer({
					root,
					configFile: join(root, 'vite.config.ts'),
					logLevel: 'error',
					appType: 'custom',
					server: { middlewareMode: true, hmr: false, ws: false, watch: null }
				})
			);
			return (await vite).ssrLoadModule(path);
		},
		report: (figure) => {
			figures.push(figure);
			console.log(formatFigure(figure));
		}
	};

	const close = async () => {
		await Promise.allSettled([
			browser?.then((b) => b.close()),
			server?.then((s) => s.stop()),
			vite?.then((v) => v.close())
		]);
	};
	return { context, close };
}

/** Median of a list of numbers. @param {number[]} values */
export function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The value below which `p` percent of the values lie (nearest rank). @param {number[]} values @param {number} p */
export function percentile(values, p) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
