import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Catalogue } from '$lib/domain/catalogue/schema';
import type { CriterionFeedback } from '$lib/domain/dossier/feedback';
import type { FeedbackMessage } from '$lib/domain/dossier/feedbackThread';
import type { CriterionStatus, Evidence, FacilityProfile } from '$lib/domain/records';
import type { ChildminderArrangement, ChildminderContact } from '$lib/domain/registers/childminding';
import type { FamilyEducationOffer } from '$lib/domain/registers/familyEducation';
import type { OfficeHourPlan, OfficeHourSession } from '$lib/domain/registers/officeHours';
import type { CooperationPartner } from '$lib/domain/registers/partners';
import type { RegisterCitation } from '$lib/domain/registers/citations';
import type { PreventionOffer, PreventionProfile } from '$lib/domain/registers/prevention';
import type { Qualification } from '$lib/domain/registers/qualifications';
import type { CertificationRound } from '$lib/domain/rounds/schema';
import type { SyncConflict } from '$lib/domain/sync/conflict';
import { backfillRecordBase } from './upgrades';

/** The bytes of an evidence file, keyed by their SHA-256 so the same file is stored once. */
export interface StoredAttachment {
	sha256: string;
	blob: Blob;
	mimeType: string;
	size: number;
	createdAt: string;
}

/** One local change waiting to be synced; written in the same transaction as the record. */
export interface OutboxEntry {
	seq?: number;
	table: string;
	recordId: string;
	op: 'put' | 'delete';
	/**
	 * Fields the change touched, so the server can merge field by field: every field for a new
	 * record, otherwise only the data fields whose value changed (`updatedAt`/`updatedBy` are implied).
	 */
	fields: string[];
	createdAt: string;
	// Sync bookkeeping (src/lib/client/sync, docs/sync.md); absent until sync fills it in.
	/** The changed fields' values, fixed when the change is first sent or a pull overwrites the record. */
	values?: Record<string, unknown>;
	/** Server revision of the record the change was made on, fixed like `values`. */
	baseRevision?: number;
	/** This device's push sequence number, given when the change is first sent. */
	pushSeq?: number;
	/** Absent means pending. A rejected change stays here, with the server's reason, until dismissed. */
	status?: 'pending' | 'rejected';
	rejection?: { code: string; reason: string; at: string };
}

/** The server revision of a record as last pulled (records never pulled have none: revision 0). */
export interface SyncRevision {
	table: string;
	recordId: string;
	revision: number;
}

/** A file the server has confirmed it holds; the local copy stays. */
export interface UploadedAttachment {
	sha256: string;
	uploadedAt: string;
}

export interface MetaEntry {
	key: string;
	value: unknown;
}

export interface StoredCatalogue {
	/** `${id}@${version}` */
	key: string;
	catalogue: Catalogue;
	importedAt: string;
}

/** Name of the workspace database before any per-user name is chosen. */
export const DEFAULT_WORKSPACE_NAME = 'guetesiegel-mappe';

/**
 * The local workspace: one typed Dexie database. Keep every `version(n)` forever; a device that
 * skipped releases upgrades through all of them in order. Old versions have fixtures in tests.
 *
 * Adding a version (e.g. a register table):
 *   1. declare the table field below (`officeHours!: EntityTable<OfficeHours, 'id'>;`),
 *   2. add `this.version(n).stores({ officeHours: 'id, facilityId, updatedAt' });` — list only the
 *      tables that are new or whose indexes change; Dexie keeps the others,
 *   3. if it is a synced table, add it to `syncedTables` in `./changes.ts`,
 * and add a fixture of the previous version (see tests/fixtures/db/index.ts).
 */
export class WorkspaceDb extends Dexie {
	facilities!: EntityTable<FacilityProfile, 'id'>;
	criterionStatuses!: EntityTable<CriterionStatus, 'id'>;
	evidence!: EntityTable<Evidence, 'id'>;
	attachments!: EntityTable<StoredAttachment, 'sha256'>;
	outbox!: EntityTable<OutboxEntry, 'seq'>;
	meta!: EntityTable<MetaEntry, 'key'>;
	catalogues!: EntityTable<StoredCatalogue, 'key'>;
	// Registers (issue 4): records about the centre's offers, synced like every other record.
	officeHourPlans!: EntityTable<OfficeHourPlan, 'id'>;
	officeHourSessions!: EntityTable<OfficeHourSession, 'id'>;
	familyEducationOffers!: EntityTable<FamilyEducationOffer, 'id'>;
	childminderContacts!: EntityTable<ChildminderContact, 'id'>;
	childminderArrangements!: EntityTable<ChildminderArrangement, 'id'>;
	cooperationPartners!: EntityTable<CooperationPartner, 'id'>;
	preventionProfiles!: EntityTable<PreventionProfile, 'id'>;
	preventionOffers!: EntityTable<PreventionOffer, 'id'>;
	// Sync (issue 3): conflicts are synced records; the other two are this device's bookkeeping.
	syncConflicts!: EntityTable<SyncConflict, 'id'>;
	syncRevisions!: Table<SyncRevision, [string, string]>;
	uploadedAttachments!: EntityTable<UploadedAttachment, 'sha256'>;
	// Review (issue 3): the Fachberatung's feedback per criterion, written on the server, pulled here.
	criterionFeedback!: EntityTable<CriterionFeedback, 'id'>;
	// Register entries a criterion cites as evidence (issue 4), synced like evidence.
	registerCitations!: EntityTable<RegisterCitation, 'id'>;
	// Issue 13: the staff's qualifications (a register) and the centre's certification rounds.
	qualifications!: EntityTable<Qualification, 'id'>;
	certificationRounds!: EntityTable<CertificationRound, 'id'>;
	// Issue 15: the conversation with the Fachberatung per criterion (answers written here, offline).
	feedbackMessages!: EntityTable<FeedbackMessage, 'id'>;

	constructor(name = DEFAULT_WORKSPACE_NAME) {
		super(name);
		this.version(1).stores({
			facilities: 'id',
			criterionStatuses: 'id, facilityId, criterionId',
			evidence: 'id, facilityId, *criterionIds, date, validUntil',
			attachments: 'sha256',
			outbox: '++seq, [table+recordId]',
			meta: 'key',
			catalogues: 'key'
		});
		// v2: `updatedAt` indexes ("zuletzt geändert", sync checks) and `attachment.sha256` on evidence
		// (which evidence cites a file: missing files, clean-up of unused ones).
		this.version(2)
			.stores({
				facilities: 'id, updatedAt',
				criterionStatuses: 'id, facilityId, criterionId, updatedAt',
				evidence: 'id, facilityId, *criterionIds, date, validUntil, updatedAt, attachment.sha256'
			})
			.upgrade((tx) => backfillRecordBase(tx, ['facilities', 'criterionStatuses', 'evidence']));
		// v3: the registers (issue 4). `[facilityId+date]` lets a review period be read as one key range;
		// `agreement.attachment.sha256` tells which stored files signed agreements still cite.
		this.version(3).stores({
			officeHourPlans: 'id, facilityId, updatedAt',
			officeHourSessions: 'id, facilityId, [facilityId+date], planId, updatedAt',
			familyEducationOffers: 'id, facilityId, partnerId, updatedAt',
			childminderContacts: 'id, facilityId, [facilityId+date], updatedAt',
			childminderArrangements: 'id, facilityId, updatedAt',
			cooperationPartners: 'id, facilityId, kind, updatedAt, agreement.attachment.sha256',
			preventionProfiles: 'id, facilityId, updatedAt, agreement.attachment.sha256',
			preventionOffers: 'id, facilityId, updatedAt'
		});
		// v4: sync. Conflicts found by the server (a synced table), the server revision of each pulled
		// record (the base of the next local edit) and which files the server has confirmed.
		this.version(4).stores({
			syncConflicts: 'id, facilityId, recordId, updatedAt',
			syncRevisions: '[table+recordId]',
			uploadedAttachments: 'sha256'
		});
		// v5: the Fachberatung's feedback (a synced table the devices only read).
		this.version(5).stores({ criterionFeedback: 'id, facilityId, criterionId, updatedAt' });
		// v6: register entries cited as evidence, read per facility (counts) and per criterion.
		this.version(6).stores({ registerCitations: 'id, facilityId, criterionId, updatedAt' });
		// v7 (issue 13): the qualifications register, certification rounds, and which catalogue
		// versions a centre has taken over (meta). Site ids on entries need no index: read per facility.
		this.version(7).stores({
			qualifications: 'id, facilityId, updatedAt, certificate.sha256',
			certificationRounds: 'id, facilityId, periodStart, updatedAt'
		});
		// v8 (issue 15): feedback threads, read per facility and per criterion.
		this.version(8).stores({ feedbackMessages: 'id, facilityId, criterionId, updatedAt' });
	}
}
