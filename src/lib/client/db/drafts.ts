import Dexie, { type Table } from 'dexie';

/**
 * What a form holds while the user types, kept in IndexedDB so that it survives a reload, the OS
 * ending the app in the background, and another tab upgrading the workspace database. Drafts live
 * in a small database of their own (not in a workspace database): an upgrade or a switch of the
 * workspace database never closes it, and the workspace schema stays untouched.
 */
export interface StoredDraft {
	/** The workspace database the form belongs to (one per user on a shared tablet). */
	workspace: string;
	/** The form instance, e.g. `criterion-note:1.1` or `evidence-form:<evidence id>`. */
	key: string;
	/** The form's state as plain data (structured-cloneable). */
	value: unknown;
	savedAt: string;
}

export const DRAFTS_DB_NAME = 'guetesiegel-entwuerfe';

class DraftDb extends Dexie {
	drafts!: Table<StoredDraft, [string, string]>;

	constructor(name: string) {
		super(name);
		this.version(1).stores({ drafts: '[workspace+key], workspace' });
	}
}

let draftDb: DraftDb | null = null;

function open(): DraftDb {
	draftDb ??= new DraftDb(DRAFTS_DB_NAME);
	return draftDb;
}

export async function readDraft(workspace: string, key: string): Promise<unknown> {
	const row = await open().drafts.get([workspace, key]);
	return row?.value;
}

export async function writeDraft(workspace: string, key: string, value: unknown): Promise<void> {
	await open().drafts.put({ workspace, key, value, savedAt: new Date().toISOString() });
}

export async function removeDraft(workspace: string, key: string): Promise<void> {
	await open().drafts.delete([workspace, key]);
}

/** The keys of a workspace's drafts that start with `prefix`, so a page can reopen their forms. */
export async function draftKeys(workspace: string, prefix = ''): Promise<string[]> {
	const rows = await open().drafts.where('workspace').equals(workspace).primaryKeys();
	return rows.map(([, key]) => key).filter((key) => key.startsWith(prefix));
}

/** Drops every draft on this device (all workspaces); component tests start each test with none. */
export async function removeAllDrafts(): Promise<void> {
	await open().drafts.clear();
}
