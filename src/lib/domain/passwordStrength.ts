import type { ZxcvbnFactory, ZxcvbnResult } from '@zxcvbn-ts/core';

/**
 * Is a new password hard enough to guess? zxcvbn-ts estimates how many guesses an attacker with
 * lists of common passwords, German words and names, keyboard patterns and the user's own data
 * would need; score 3 means about 10^8, which the login throttle (auth/rateLimit.ts) keeps far out
 * of reach. The server decides; the dictionaries (about 1 MB) load on first use, never at start
 * and never in the app's initial bundle.
 */

/** zxcvbn score (0–4) a new password must reach. */
export const MIN_PASSWORD_SCORE = 3;

/** Words anyone would try first here; zxcvbn's lists rank them too low for this app. */
const OBVIOUS_WORDS = [
	'passwort',
	'password',
	'kennwort',
	'gütesiegel',
	'guetesiegel',
	'familienzentrum',
	'kita',
	'mappe'
];

let factory: Promise<ZxcvbnFactory> | undefined;

function loadFactory(): Promise<ZxcvbnFactory> {
	factory ??= Promise.all([
		import('@zxcvbn-ts/core'),
		import('@zxcvbn-ts/language-common'),
		import('@zxcvbn-ts/language-de')
	]).then(
		([core, common, de]) =>
			new core.ZxcvbnFactory({
				dictionary: { ...common.dictionary, ...de.dictionary },
				graphs: common.adjacencyGraphs,
				translations: de.translations
				// No Levenshtein matching: it takes seconds per check with these dictionaries.
			})
	);
	return factory;
}

/** The user's email, its parts and her name: what a colleague would try first. */
function personalWords(personal: string[]): string[] {
	const words = personal.flatMap((value) => [value, ...value.split(/[\s@._+-]+/)]);
	return [...new Set(words.map((w) => w.trim().toLowerCase()).filter((w) => w.length >= 3))];
}

function usesPersonalData(result: ZxcvbnResult): boolean {
	return result.sequence.some(
		(match) => 'dictionaryName' in match && match.dictionaryName === 'userInputs' && match.token.length >= 3
	);
}

/**
 * Null if the password is strong enough, otherwise a German message saying why and what to do.
 * `personal` are the user's email and name.
 */
export async function weakPasswordMessage(password: string, personal: string[]): Promise<string | null> {
	const zxcvbn = await loadFactory();
	const result = zxcvbn.check(password, [...personalWords(personal), ...OBVIOUS_WORDS]);
	if (result.score >= MIN_PASSWORD_SCORE) return null;
	const advice =
		'Tipp: drei oder vier Wörter, die nicht zusammengehören, mit Zeichen oder Ziffern dazwischen.';
	if (usesPersonalData(result)) {
		return `Das Passwort enthält Ihre E-Mail-Adresse, Ihren Namen oder ein naheliegendes Wort wie „Passwort“ oder „Kita“ und ist so leicht zu erraten. ${advice}`;
	}
	const why = result.feedback.warning ? ` ${result.feedback.warning}` : '';
	return `Dieses Passwort ist zu leicht zu erraten.${why} ${advice}`;
}
