import type { Transaction } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import type { DemoDeployment } from '$lib/server/accounts/seed';
import { createServerRecords, type NewServerRecord } from './serverRecords';
import catalogue from '$lib/domain/catalogue/familienzentrum-nrw-2027-arbeitsfassung.json';

/**
 * Demo dossiers, so a tablet that logs in with a demo account pulls a centre in progress:
 * Sonnenblume halfway through its re-certification, Regenbogen just starting.
 */
export async function seedDemoData(
	trx: Transaction<Database>,
	demo: DemoDeployment,
	now: Date
): Promise<void> {
	const at = now.toISOString();
	const base = (facilityId: string, id: string) => ({
		id,
		facilityId,
		createdAt: at,
		updatedAt: at,
		updatedBy: 'Demo',
		deleted: false
	});
	const profile = (
		facilityId: string,
		name: string,
		city: string,
		sealValidUntil: string
	): NewServerRecord => ({
		table: 'facilities',
		record: {
			...base(facilityId, facilityId),
			name,
			traeger: 'Demo-Träger e. V.',
			jugendamt: `Jugendamt ${city}`,
			city,
			sealValidUntil,
			catalogueId: catalogue.id,
			catalogueVersion: catalogue.version
		}
	});
	const status = (facilityId: string, criterionId: string, value: string, note = ''): NewServerRecord => ({
		table: 'criterionStatuses',
		record: { ...base(facilityId, `${facilityId}:${criterionId}`), criterionId, status: value, note }
	});
	const sonnenblume = demo.facilities.sonnenblume;
	const regenbogen = demo.facilities.regenbogen;

	await createServerRecords(
		trx,
		[
			profile(sonnenblume, 'Familienzentrum Sonnenblume', 'Bochum', '2027-07-31'),
			status(sonnenblume, '1.1', 'erfuellt', 'Sprechstunde jeden ersten Dienstag im Monat'),
			status(sonnenblume, '1.2', 'erfuellt'),
			status(sonnenblume, '1.4', 'in_arbeit', 'Liste der Beratungsstellen wird aktualisiert'),
			status(sonnenblume, '2.3', 'erfuellt'),
			status(sonnenblume, '3.2', 'in_arbeit'),
			status(sonnenblume, '4.1', 'erfuellt'),
			status(sonnenblume, '5.1', 'in_arbeit', 'Sozialraumanalyse 2026 im Entwurf'),
			status(sonnenblume, '6.1', 'erfuellt'),
			status(sonnenblume, '7.3', 'erfuellt'),
			{
				table: 'evidence',
				record: {
					...base(sonnenblume, 'demo-ev-sprechstunde'),
					kind: 'note',
					title: 'Sprechstundenplan Erziehungsberatung 2026/27',
					note: 'Jeden ersten Dienstag, 9–11 Uhr, Raum Regenbogen. Aushang an der Infowand.',
					date: '2026-08-04',
					criterionIds: ['1.1', '7.3']
				}
			},
			{
				table: 'evidence',
				record: {
					...base(sonnenblume, 'demo-ev-website'),
					kind: 'link',
					title: 'Angebote auf der Website des Familienzentrums',
					url: 'https://example.org/familienzentrum-sonnenblume',
					date: '2026-09-15',
					criterionIds: ['7.3']
				}
			},
			profile(regenbogen, 'Familienzentrum Regenbogen', 'Herne', '2026-12-31'),
			status(regenbogen, '1.1', 'in_arbeit')
		],
		'demo'
	);
}
