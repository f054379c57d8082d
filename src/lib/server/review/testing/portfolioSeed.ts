import { randomUUID } from 'node:crypto';
import { writeAudit } from '$lib/server/accounts/audit';
import { builtInCatalogue } from '$lib/server/catalogue/catalogueFor';
import type { ServerContext } from '$lib/server/context';
import { sampleSnapshot } from '$lib/server/dossier/testing/fixtures';
import { saveRecords, type ServerRecord } from '$lib/server/sync/store';

/**
 * Many small centres assigned to one advisor, written straight into the server's tables, for the
 * portfolio's server tests and its benchmark. Centre `i` (from 0) gets a pattern of figures that
 * depends on `i`, so a test can say what each centre must show:
 * - statuses: the first `i % 5` criteria of the catalogue erfüllt;
 * - seal valid until 2027-02-28 when `i % 3 === 0`, else 2029-07-31;
 * - a round of 2026 with documents due 2027-01-31 and a site visit on 2027-03-15;
 * - feedback on criterion 1.1: `i % 4` 0 → nachbessern (open), 1 → Frage answered by the centre,
 *   2 → passt, 3 → none;
 * - a sync (push) at T0 when `i` is even; a dossier hand-in when `i % 5 === 0`.
 */

export const SEED_T0 = '2026-11-23T08:00:00.000Z';
const LATER = '2026-11-23T09:00:00.000Z';

export function seededCentreId(i: number): string {
	return `zentrum-${String(i).padStart(3, '0')}`;
}

function base(facilityId: string, id: string, at = SEED_T0) {
	return { id, facilityId, createdAt: at, updatedAt: at, updatedBy: 'Seed', deleted: false };
}

function stored(table: string, facilityId: string, record: Record<string, unknown>): ServerRecord {
	return {
		table,
		recordId: String(record.id),
		facilityId,
		record,
		revision: 1,
		fieldRevisions: Object.fromEntries(Object.keys(record).map((k) => [k, 1])),
		fieldWriters: Object.fromEntries(Object.keys(record).map((k) => [k, 'seed'])),
		deleted: false
	};
}

function centreRecords(facilityId: string, i: number): ServerRecord[] {
	const records: ServerRecord[] = [
		stored('facilities', facilityId, {
			...base(facilityId, facilityId),
			name: `Familienzentrum ${String(i).padStart(3, '0')}`,
			traeger: '',
			jugendamt: '',
			street: '',
			postalCode: '',
			city: '',
			verbundMembers: [],
			sealValidUntil: i % 3 === 0 ? '2027-02-28' : '2029-07-31',
			chosenProfileAreas: [],
			catalogueId: builtInCatalogue.id,
			catalogueVersion: builtInCatalogue.version
		}),
		stored('certificationRounds', facilityId, {
			...base(facilityId, `${facilityId}:runde-2026`),
			kind: 're',
			form: 'einzel',
			periodKind: 'kalenderjahr',
			periodStart: '2026-01-01',
			periodEnd: '2026-12-31',
			registrationDate: null,
			documentsDue: '2027-01-31',
			siteVisitDate: '2027-03-15',
			sealValidUntil: null,
			note: ''
		})
	];
	for (const criterion of builtInCatalogue.criteria.slice(0, i % 5)) {
		records.push(
			stored('criterionStatuses', facilityId, {
				...base(facilityId, `${facilityId}:${criterion.id}`),
				criterionId: criterion.id,
				status: 'erfuellt',
				note: ''
			})
		);
	}
	const verdict = (['nachbessern', 'frage', 'passt'] as const)[i % 4];
	if (verdict) {
		records.push(
			stored('criterionFeedback', facilityId, {
				...base(facilityId, `${facilityId}:1.1`),
				criterionId: '1.1',
				verdict,
				text: verdict === 'passt' ? '' : 'Bitte die Vereinbarung ergänzen.',
				reviewerName: 'Person beratung',
				dossierId: null,
				dossierVersion: null,
				periodKey: null,
				resolvedAt: null,
				resolvedBy: ''
			}),
			stored('feedbackMessages', facilityId, message(facilityId, 'fachberatung', verdict, SEED_T0))
		);
		if (verdict === 'frage') {
			records.push(stored('feedbackMessages', facilityId, message(facilityId, 'einrichtung', null, LATER)));
		}
	}
	return records;
}

function message(
	facilityId: string,
	author: 'fachberatung' | 'einrichtung',
	verdict: string | null,
	at: string
): Record<string, unknown> {
	return {
		...base(facilityId, `${facilityId}:msg:${author}`, at),
		criterionId: '1.1',
		author,
		authorName: author === 'fachberatung' ? 'Person beratung' : 'Lea Leitung',
		kind: author === 'fachberatung' ? 'rueckmeldung' : 'antwort',
		verdict,
		text: author === 'fachberatung' ? 'Bitte die Vereinbarung ergänzen.' : 'Ist hochgeladen.',
		dossierId: null,
		dossierVersion: null
	};
}

/** Adds `count` centres with their records and assigns them all to the advisor `advisorId`. */
export async function seedPortfolio(ctx: ServerContext, advisorId: string, count: number): Promise<string[]> {
	const ids = Array.from({ length: count }, (_, i) => seededCentreId(i));
	const records = ids.flatMap((id, i) => centreRecords(id, i));
	await ctx.db.transaction().execute(async (trx) => {
		for (let i = 0; i < ids.length; i += 100) {
			const chunk = ids.slice(i, i + 100);
			await trx
				.insertInto('facilities')
				.values(chunk.map((id) => ({ id, name: `Kita ${id}`, familienzentrum: id, created_at: SEED_T0 })))
				.execute();
			await trx
				.insertInto('advisor_assignments')
				.values(chunk.map((id) => ({ user_id: advisorId, facility_id: id })))
				.execute();
		}
		for (let i = 0; i < records.length; i += 200) await saveRecords(trx, records.slice(i, i + 200));
		for (const [i, id] of ids.entries()) {
			if (i % 2 === 0) {
				await writeAudit(trx, {
					at: new Date(SEED_T0),
					userId: null,
					facilityId: id,
					action: 'sync.push',
					entity: 'sync',
					entityId: null,
					detail: {}
				});
			}
			if (i % 5 === 0) await addDossier(trx, id);
		}
	});
	return ids;
}

async function addDossier(db: ServerContext['db'], facilityId: string): Promise<void> {
	const snapshot = sampleSnapshot(facilityId);
	await db
		.insertInto('dossiers')
		.values({
			id: randomUUID(),
			submission_id: randomUUID(),
			facility_id: facilityId,
			period_key: 'cy-2026',
			version: 1,
			catalogue_id: snapshot.catalogue.id,
			catalogue_version: snapshot.catalogue.version,
			readiness_passes: 0,
			submitted_by: 'seed',
			submitted_by_name: 'Lea Leitung',
			prepared_at: SEED_T0,
			received_at: LATER,
			snapshot: JSON.stringify(snapshot)
		})
		.execute();
}
