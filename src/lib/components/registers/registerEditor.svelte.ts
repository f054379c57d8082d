import { reopenDrafts } from '$lib/client/state/formDraft.svelte';
import { openStoredFile } from '$lib/client/services/registers/agreementFile';
import { downloadCsv } from '$lib/client/services/registers/csvDownload';
import {
	draftedForm,
	registerDraftKey,
	registerDraftPrefix,
	type RegisterFormRef
} from '$lib/client/services/registers/registerDraftKeys';
import type { ReviewPeriod } from '$lib/domain/periods';
import type { AttachmentRef } from '$lib/domain/records';
import { csvFileName } from '$lib/domain/registers/csv/registers';
import {
	formKinds,
	type RegisterDescription,
	type RegisterTableDescription
} from '$lib/domain/registers/descriptions';
import type { RegisterData } from '$lib/domain/registers/registerData';
import type { RegisterSummaries } from '$lib/domain/registers/summaries/all';

/** Asks before deleting; a prop so tests (and jsdom, which has no dialogs) can answer. */
export type ConfirmFn = (message: string) => boolean;
export const confirmWithDialog: ConfirmFn = (message) => window.confirm(message);

/** Starts a CSV download; a prop so tests can capture the file instead. */
export type DownloadFn = (fileName: string, csv: string) => void;
export { downloadCsv };

/** The services' add and update of one register table. */
export interface EntryWrites<F> {
	add(facilityId: string, fields: F): Promise<unknown>;
	update(id: string, fields: F): Promise<unknown>;
}

/**
 * The edit state every register screen has: which form is open (a new entry or an existing one),
 * and what the last action reported. Create during component initialisation, with the screen's
 * props: it opens a form left half-filled (another page, a reload, a killed app) again with its draft.
 */
export class RegisterEditor {
	editing = $state<RegisterFormRef<string> | null>(null);
	/** Changes whenever a form opens afresh, so that `{#key}` starts a new one. */
	formKey = $state(0);
	status = $state('');
	warning = $state('');
	readonly description: RegisterDescription;
	readonly #screen: () => RegisterScreenProps;

	constructor(description: RegisterDescription, screen: () => RegisterScreenProps) {
		this.description = description;
		this.#screen = screen;
		const register = description.draftRegister;
		reopenDrafts(registerDraftPrefix(register), (keys) => {
			const form = draftedForm(register, formKinds(description), keys);
			if (form && !this.editing) this.open(form.kind, form.id);
		});
	}

	/** The description of the `kind` entries. */
	table(kind: string): RegisterTableDescription {
		const table = this.description.tables.find((t) => t.kind === kind);
		if (!table) throw new Error(`Register ${this.description.segment} has no ${kind} entries`);
		return table;
	}

	open(kind: string, id: string | null): void {
		this.editing = { kind, id };
		this.formKey++;
		this.status = '';
		this.warning = '';
	}

	close = (): void => {
		this.editing = null;
	};

	isOpen(kind: string): boolean {
		return this.editing?.kind === kind;
	}

	/** The id of the entry the `kind` form edits, if it edits one. */
	editedId(kind: string): string | undefined {
		return this.editing?.kind === kind ? (this.editing.id ?? undefined) : undefined;
	}

	/**
	 * The site (Verbund) of the entry the `kind` form edits; null for a new or a joint entry. Looked
	 * up by id among the screen's entries, where the screens find the entry they hand the form.
	 */
	editedSiteId(kind: string): string | null {
		const id = this.editedId(kind);
		if (!id) return null;
		for (const entries of Object.values(this.#screen().data)) {
			if (!Array.isArray(entries)) continue;
			const entry = (entries as { id: string; siteId?: string | null }[]).find((e) => e.id === id);
			if (entry) return entry.siteId ?? null;
		}
		return null;
	}

	/** What every register form is given besides its own props (and `today` for its default dates). */
	formProps<Entry, Save>(initial: Entry | undefined, onsave: Save) {
		return {
			initial,
			unsavedKey: this.editing ? registerDraftKey(this.description.draftRegister, this.editing) : '',
			onsave,
			oncancel: this.close
		};
	}

	/** The facility new entries go to; adding needs it, and the page has it once the workspace is loaded. */
	get facilityId(): string {
		const id = this.#screen().facilityId;
		if (!id) throw new Error('Das Familienzentrum ist noch nicht geladen.');
		return id;
	}

	/** Adds a new entry to the facility, or changes the edited one. */
	async store<F>(writes: EntryWrites<F>, fields: F): Promise<void> {
		const id = this.editing?.id;
		if (id) await writes.update(id, fields);
		else await writes.add(this.facilityId, fields);
	}

	/** After a save: closes the form, or with `again` opens a fresh one for the next entry. */
	saved(status: string, { again = false, warning = '' } = {}): void {
		if (again) this.formKey++;
		else this.editing = null;
		this.status = status;
		this.warning = warning;
	}

	/** Asks „… wirklich löschen?“, deletes and says how it went; `what` is „Der Plan“ or the like. */
	removeAs(what: string, remove: () => Promise<unknown>): Promise<void> {
		return this.remove(`${what} wirklich löschen?`, what, `${what} konnte nicht gelöscht werden.`, remove);
	}

	/** Asks, deletes and says how it went: `what` starts the sentences („Der Plan“, „„Kurs““). */
	async remove(question: string, what: string, failed: string, remove: () => Promise<unknown>) {
		const confirm = this.#screen().confirm ?? confirmWithDialog;
		if (!confirm(question)) return;
		try {
			await remove();
			this.status = `${what} wurde gelöscht.`;
		} catch {
			this.status = failed;
		}
	}

	/** Opens an agreement's stored file, or says that its bytes are not on this device. */
	async showFile(file: AttachmentRef): Promise<void> {
		this.warning = '';
		if (!(await openStoredFile(file))) {
			this.warning = `Die Datei „${file.fileName}“ ist auf diesem Gerät nicht gespeichert.`;
		}
	}

	/** Exports the `kind` entries as their description says, or nothing when it has no export. */
	exportCsv(kind: string): (() => void) | undefined {
		const csv = this.table(kind).csv;
		if (!csv) return undefined;
		return () => {
			const { data, period, today, download = downloadCsv } = this.#screen();
			download(csvFileName(csv.name, csv.periodic ? period : null), csv.build(data, period, today));
		};
	}
}

/** What the register route hands every register screen. */
export interface RegisterScreenProps {
	facilityId: string | undefined;
	period: ReviewPeriod;
	today: string;
	/** The registers for the period (dated entries of the period only, see `loadRegisterData`). */
	data: RegisterData;
	summaries: RegisterSummaries;
	download?: DownloadFn;
	confirm?: ConfirmFn;
}
