import { describe, expect, it } from 'vitest';
import { criterionFeedbackId } from '../dossier/feedback';
import { criterionStatusId } from '../records';
import { registerCitationId } from '../registers/citations';
import { preventionProfileId } from '../registers/names';
import { facilityOfDerivedId } from './tables';

describe('ids made from the facility', () => {
	const mine = ['kita-a', 'kita-a2'];

	it('finds the facility of every id the app derives from it', () => {
		expect(facilityOfDerivedId('facilities', 'kita-a2', mine)).toBe('kita-a2');
		expect(facilityOfDerivedId('criterionStatuses', criterionStatusId('kita-a', '1.1'), mine)).toBe('kita-a');
		expect(facilityOfDerivedId('criterionFeedback', criterionFeedbackId('kita-a2', '2.3'), mine)).toBe(
			'kita-a2'
		);
		expect(facilityOfDerivedId('preventionProfiles', preventionProfileId('kita-a'), mine)).toBe('kita-a');
		const citation = registerCitationId('1.1', 'preventionProfiles', preventionProfileId('kita-a2'));
		expect(facilityOfDerivedId('registerCitations', citation, mine)).toBe('kita-a2');
	});

	it('names no facility for an id of another centre, or one that only looks alike', () => {
		expect(facilityOfDerivedId('facilities', 'kita-b', mine)).toBeNull();
		expect(facilityOfDerivedId('criterionStatuses', 'kita-b:1.1', mine)).toBeNull();
		expect(facilityOfDerivedId('criterionStatuses', 'kita-a', mine)).toBeNull();
		expect(facilityOfDerivedId('criterionStatuses', 'kita-a:', mine)).toBeNull();
		expect(facilityOfDerivedId('preventionProfiles', 'kita-a:praevention2', mine)).toBeNull();
		const foreign = registerCitationId('1.1', 'preventionProfiles', preventionProfileId('kita-b'));
		expect(facilityOfDerivedId('registerCitations', foreign, mine)).toBeNull();
	});

	it('leaves tables with random ids, and citations of other entries, to the stored owner', () => {
		expect(facilityOfDerivedId('evidence', 'kita-b:1.1', mine)).toBeUndefined();
		expect(facilityOfDerivedId('officeHourPlans', 'kita-b', mine)).toBeUndefined();
		const partner = registerCitationId('1.1', 'cooperationPartners', crypto.randomUUID());
		expect(facilityOfDerivedId('registerCitations', partner, mine)).toBeUndefined();
	});

	it('takes the longest facility id when one starts with another', () => {
		expect(facilityOfDerivedId('criterionStatuses', 'kita:x:1.1', ['kita', 'kita:x'])).toBe('kita:x');
	});
});
