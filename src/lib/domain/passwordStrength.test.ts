import { describe, expect, it } from 'vitest';
import { weakPasswordMessage } from './passwordStrength';

describe('password strength', () => {
	const leitung = ['leitung@sonnenblume.example', 'Lea Leitner'];

	it.each(['1234567890', 'qwertzuiop1', 'Kindergarten123', 'sommerferien2026'])(
		'refuses %s as easy to guess, in German, with what to do instead',
		async (password) => {
			const message = await weakPasswordMessage(password, leitung);
			expect(message).toMatch(/^Dieses Passwort ist zu leicht zu erraten\./);
			expect(message).toContain('Tipp: drei oder vier Wörter');
		}
	);

	it.each([
		'leitung@sonnenblume.example',
		'LeaLeitner',
		'sonnenblume1234',
		'Leitner2026!',
		'passwort123',
		'Passwort1234!',
		'Gütesiegel2026'
	])('refuses %s for using her email, her name or an obvious word', async (password) => {
		expect(await weakPasswordMessage(password, leitung)).toMatch(
			/^Das Passwort enthält Ihre E-Mail-Adresse, Ihren Namen oder ein naheliegendes Wort wie „Passwort“ oder „Kita“ und ist so leicht zu erraten\. Tipp:/
		);
	});

	it.each([
		['Demo-Admin-2026', 'admin@demo.example', 'Demo Admin'],
		['Demo-Leitung-2026', 'leitung@demo.example', 'Lea Leitung'],
		['Demo-Team-2026', 'team@demo.example', 'Tom Team'],
		['Demo-Beratung-2026', 'beratung@demo.example', 'Berit Beratung'],
		['Demo-Regenbogen-2026', 'leitung.regenbogen@demo.example', 'Rita Regenbogen'],
		['richtig-geheim-1', 'leitung-a@test.example', 'Leitung A'],
		['Lindenblüte-Kastanie-42', 'neu@test.example', 'Neu']
	])('accepts %s for %s (the demo and test passwords)', async (password, email, name) => {
		expect(await weakPasswordMessage(password, [email, name])).toBeNull();
	});
});
