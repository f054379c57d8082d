import { beforeEach, describe, expect, it } from 'vitest';
import { freshWorkspace } from '../../../../../tests/fixtures/db/testWorkspace';
import { putRecord } from '$lib/client/db/changes';
import { loadAgreementAlerts } from './agreementAlerts';
import { deletePartner, savePartner } from './partners';
import { savePreventionProfile } from './prevention';

const FACILITY = 'fz-1';
const TODAY = '2026-03-02';

beforeEach(async () => {
	await freshWorkspace();
	await putRecord('facilities', {
		id: FACILITY,
		facilityId: FACILITY,
		name: 'Familienzentrum Regenbogen',
		catalogueId: 'familienzentrum-nrw',
		catalogueVersion: '2026.1-arbeitsfassung',
		sealValidUntil: '2027-07-31'
	});
});

const agreement = (validUntil: string | null) => ({ signedOn: '2023-01-01', validUntil, attachment: null });

describe('agreement alerts for the Übersicht', () => {
	it('come from the partners and the municipal agreement of this facility, soonest first', async () => {
		await savePartner(FACILITY, {
			name: 'Erziehungsberatung Nord',
			kind: 'erziehungsberatungsstelle',
			contactRole: '',
			agreement: agreement('2026-05-01')
		});
		await savePartner(FACILITY, {
			name: 'Grundschule am Park',
			kind: 'grundschule',
			contactRole: '',
			agreement: agreement('2029-07-31')
		});
		await savePartner('other-facility', {
			name: 'Anderes Jugendamt',
			kind: 'jugendamt',
			contactRole: '',
			agreement: agreement('2026-03-10')
		});
		await savePreventionProfile(FACILITY, {
			agreement: agreement('2026-12-31'),
			networkKind: 'fruehe_hilfen',
			networkName: 'Netzwerk Frühe Hilfen Musterstadt',
			role: 'anlaufstelle'
		});

		const alerts = await loadAgreementAlerts(FACILITY, TODAY);
		expect(alerts.map((a) => [a.title, a.status, a.daysLeft])).toEqual([
			['Erziehungsberatung Nord', 'expiringSoon', 60],
			['Netzwerk Frühe Hilfen Musterstadt', 'expiresBeforeRecertification', 304]
		]);
	});

	it('leave deleted partners out and follow the seal date', async () => {
		const { partner } = await savePartner(FACILITY, {
			name: 'Hebammenpraxis',
			kind: 'hebamme',
			contactRole: '',
			agreement: agreement('2027-06-30')
		});
		expect(await loadAgreementAlerts(FACILITY, TODAY)).toHaveLength(1);
		await putRecord('facilities', {
			id: FACILITY,
			facilityId: FACILITY,
			name: 'Familienzentrum Regenbogen',
			catalogueId: 'familienzentrum-nrw',
			catalogueVersion: '2026.1-arbeitsfassung',
			sealValidUntil: '2027-05-31'
		});
		expect(await loadAgreementAlerts(FACILITY, TODAY)).toEqual([]);
		await putRecord('facilities', {
			id: FACILITY,
			facilityId: FACILITY,
			name: 'Familienzentrum Regenbogen',
			catalogueId: 'familienzentrum-nrw',
			catalogueVersion: '2026.1-arbeitsfassung',
			sealValidUntil: '2027-07-31'
		});
		await deletePartner(partner.id);
		expect(await loadAgreementAlerts(FACILITY, TODAY)).toEqual([]);
	});
});
