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
});
