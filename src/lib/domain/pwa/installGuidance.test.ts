import { describe, expect, it } from 'vitest';
import { installGuidance, type InstallFacts } from './installGuidance';

const iPadSafari =
	'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15';
const iPhone =
	'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';
const androidChrome =
	'Mozilla/5.0 (Linux; Android 14; SM-X200) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';

const facts = (overrides: Partial<InstallFacts>): InstallFacts => ({
	userAgent: androidChrome,
	maxTouchPoints: 5,
	standalone: false,
	promptAvailable: false,
	...overrides
});

describe('installGuidance', () => {
	it('says the app is installed when it runs from the home screen, whatever else holds', () => {
		expect(installGuidance(facts({ standalone: true, promptAvailable: true }))).toBe('installed');
	});

	it('uses the browser’s own dialog when it offered one', () => {
		expect(installGuidance(facts({ promptAvailable: true }))).toBe('prompt');
	});

	it('tells an iPad that calls itself a Mac, and an iPhone, the Safari way', () => {
		expect(installGuidance(facts({ userAgent: iPadSafari, maxTouchPoints: 5 }))).toBe('ios');
		expect(installGuidance(facts({ userAgent: iPhone }))).toBe('ios');
	});

	it('points a real Mac and other browsers to their menu', () => {
		expect(installGuidance(facts({ userAgent: iPadSafari, maxTouchPoints: 0 }))).toBe('menu');
		expect(installGuidance(facts({}))).toBe('menu');
	});
});
