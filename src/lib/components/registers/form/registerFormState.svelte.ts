import { untrack } from 'svelte';
import type { z } from 'zod';
import type { AttachmentCheck, PreparedAttachment } from '$lib/client/media/attachment';
import { fieldErrorsFromSave, validateFields, type FieldErrors } from './formInput';

/** Runs a save the way the form's draft wants it (see `FormDraft.save`): null when saved. */
type Keep = (save: () => Promise<FieldErrors | null>) => Promise<FieldErrors | null>;

/** What the register screens hand every register form. */
export interface RegisterFormProps<Entry, Fields> {
	/** The entry to change; none for a new one. */
	initial?: Entry;
	today: string;
	unsavedKey: string;
	onsave: (fields: Fields) => Promise<void>;
	oncancel?: () => void;
}

/** The props of a form with a written agreement: its file goes with the save, no default date. */
export type AgreementFormProps<Entry, Fields> = Omit<RegisterFormProps<Entry, Fields>, 'onsave' | 'today'> & {
	prepareFile: (file: File) => Promise<AttachmentCheck>;
	onsave: (fields: Fields, file: PreparedAttachment | null) => Promise<void>;
};

/**
 * The state every register form keeps: its input as typed (strings, so nothing is lost when
 * validation fails), the field errors, a picked file, and the validate-and-save on submit.
 * `RegisterForm` shows it; the form only lays out its fields and maps its draft to the schema.
 */
export class RegisterFormState<Draft extends Record<string, unknown>, S extends z.ZodType> {
	draft: Draft = $state() as Draft;
	errors = $state<FieldErrors>({});
	/** A picked agreement file, not stored yet; it goes with the save. */
	file = $state<PreparedAttachment | null>(null);
	/**
	 * Verbund: the site the entry belongs to, '' for joint; undefined while the form shows no site
	 * field, and then the save leaves the entry's site as it is. Kept apart from the draft, so every
	 * register form gets the field from `RegisterForm` without mapping it itself.
	 */
	site = $state<string | undefined>(undefined);
	#startSite = $state<string | undefined>(undefined);
	readonly #start: string;
	readonly #schema: S;
	readonly #candidate: (draft: Draft) => unknown;
	readonly #save: (value: z.output<S>, file: PreparedAttachment | null) => Promise<unknown>;
	readonly #compared: (draft: Draft) => unknown;

	/**
	 * `start` reads the form's props once, untracked: a form starts from what it was opened with.
	 * `compared` is what of the draft counts for „changed“ (all of it unless said otherwise).
	 */
	constructor(
		start: () => Draft,
		schema: S,
		candidate: (draft: Draft) => unknown,
		save: (value: z.output<S>, file: PreparedAttachment | null) => Promise<unknown>,
		compared: (draft: Draft) => unknown = (draft) => draft
	) {
		this.draft = untrack(start);
		this.#compared = compared;
		this.#start = JSON.stringify(compared(this.draft));
		this.#schema = schema;
		this.#candidate = candidate;
		this.#save = save;
	}

	/** The form holds input that is not saved yet. */
	get dirty(): boolean {
		return (
			this.file !== null ||
			this.site !== this.#startSite ||
			JSON.stringify(this.#compared(this.draft)) !== this.#start
		);
	}

	/** Shows the site field, starting from the entry's site (null: joint or a new entry). */
	showSite(siteId: string | null | undefined): void {
		this.site = siteId ?? '';
		this.#startSite = this.site;
	}

	get hasErrors(): boolean {
		return Object.values(this.errors).some(Boolean);
	}

	/**
	 * Validates, then saves through `keep` (the form's draft, which is forgotten as the save starts);
	 * false when the input is invalid (the errors are then on the fields). Validation comes first,
	 * so its messages show at once and invalid input stays kept as a draft.
	 */
	submit = async (keep: Keep = (save) => save()): Promise<boolean> => {
		const checked = validateFields(this.#schema, this.#withSite(this.#candidate(this.draft)));
		if (!checked.ok) {
			this.errors = checked.errors;
			return false;
		}
		const failed = await keep(async () => {
			try {
				await this.#save(checked.value, this.file);
				return null;
			} catch (error) {
				const fromSave = fieldErrorsFromSave(error);
				if (!fromSave) throw error;
				return fromSave;
			}
		});
		this.errors = failed ?? {};
		if (failed !== null) return false;
		this.file = null;
		this.#startSite = this.site;
		return true;
	};

	#withSite(candidate: unknown): unknown {
		if (this.site === undefined || typeof candidate !== 'object' || candidate === null) return candidate;
		return { ...candidate, siteId: this.site === '' ? null : this.site };
	}
}

/** An empty choice means „nothing chosen“, for the schema's „bitte wählen“ message. */
export function chosen<T extends string>(value: T | ''): T | undefined {
	return value === '' ? undefined : value;
}
