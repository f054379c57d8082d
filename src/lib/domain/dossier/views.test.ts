import { describe, expect, it } from 'vitest';
import { registerKeyFigures } from './views';

describe('register key figures of a dossier', () => {
	it('reads the sums it knows and leaves out what an older app did not send', () => {
		expect(
			registerKeyFigures({
				officeHours: { sessionsHeld: 10, minutes: 900, contacts: 25 },
				familyEducation: { offers: 3, sessions: 12, participants: 80 },
				partners: { partners: 4, byStatus: { valid: 3 } },
				prevention: { offersActive: [{}, {}] }
			})
		).toEqual([
			'Sprechstunden: 10 gehalten, 15 Std., 25 Kontakte',
			'Familienbildung: 3 Angebote, 12 Termine, 80 Teilnahmen',
			'Kooperationspartner: 4, davon 3 mit gültiger Vereinbarung',
			'Prävention: 2 laufende Angebote'
		]);
		expect(registerKeyFigures({ officeHours: 'kaputt' })).toEqual([]);
		expect(registerKeyFigures(null)).toEqual([]);
	});

	it('counts an agreement that ends before the re-certification as in force, as the register does', () => {
		expect(
			registerKeyFigures({
				partners: { partners: 1, inForce: 1, byStatus: { valid: 0, expiresBeforeRecertification: 1 } }
			})
		).toEqual(['Kooperationspartner: 1, davon 1 mit gültiger Vereinbarung']);
	});

	it('says „1 Angebot“, „1 Termin“, „1 Kontakt“ in the singular', () => {
		expect(
			registerKeyFigures({
				officeHours: { sessionsHeld: 1, minutes: 60, contacts: 1 },
				familyEducation: { offers: 1, sessions: 1, participants: 1 },
				childminding: { contacts: 1 },
				prevention: { offersActive: [{}] }
			})
		).toEqual([
			'Sprechstunden: 1 gehalten, 1 Std., 1 Kontakt',
			'Familienbildung: 1 Angebot, 1 Termin, 1 Teilnahme',
			'Kindertagespflege: 1 Kontakt',
			'Prävention: 1 laufendes Angebot'
		]);
	});
});
