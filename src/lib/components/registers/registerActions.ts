import type { PreparedAttachment } from '$lib/client/media/attachment';
import type { RegisterFields } from '$lib/client/services/registers/entries';

/** Asks before deleting; a prop so tests (and jsdom, which has no dialogs) can answer. */
export type ConfirmFn = (message: string) => boolean;

export const confirmWithDialog: ConfirmFn = (message) => window.confirm(message);

/** Starts a CSV download; a prop so tests can capture the file instead. */
export type DownloadFn = (fileName: string, csv: string) => void;

/** What a register page's edit state can be: nothing open, a new entry, or an existing one. */
export type Editing<K extends string> = { kind: K; id: string | null } | null;

/**
 * What a register page can do with one table. The route binds these to the services in
 * `$lib/client/registers`; tests pass fakes, so the components never touch the database.
 */
export interface CrudActions<F> {
	add(fields: F): Promise<unknown>;
	update(id: string, fields: F): Promise<unknown>;
	remove(id: string): Promise<unknown>;
}

export interface OfficeHoursActions {
	plans: CrudActions<RegisterFields<'officeHourPlans'>>;
	sessions: CrudActions<RegisterFields<'officeHourSessions'>>;
}

export interface ChildmindingActions {
	contacts: CrudActions<RegisterFields<'childminderContacts'>>;
	arrangements: CrudActions<RegisterFields<'childminderArrangements'>>;
}

/** Saving returns a German message when the record was saved but its file could not be stored. */
export interface WithFileResult {
	attachmentError: string | null;
}

export interface PartnerActions {
	save(
		id: string | null,
		fields: RegisterFields<'cooperationPartners'>,
		file: PreparedAttachment | null
	): Promise<WithFileResult>;
	remove(id: string): Promise<unknown>;
}

export interface PreventionActions {
	saveProfile(
		fields: RegisterFields<'preventionProfiles'>,
		file: PreparedAttachment | null
	): Promise<WithFileResult>;
	offers: CrudActions<RegisterFields<'preventionOffers'>>;
}
