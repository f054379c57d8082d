/** A register form: which kind, and the entry it edits (null for a new one). */
export interface RegisterFormRef<K extends string> {
	kind: K;
	id: string | null;
}

/**
 * Draft keys of register forms: one per register, form kind and entry (`new` for a new entry), so
 * that a half-filled form opens again, and as the same form, when the user comes back.
 */
export function registerDraftKey<K extends string>(register: string, editing: RegisterFormRef<K>): string {
	return `register:${register}:${editing.kind}:${editing.id ?? 'new'}`;
}

/** The prefix of all draft keys of `register`. */
export function registerDraftPrefix(register: string): string {
	return `register:${register}:`;
}

/** The form a draft key of `register` belongs to, if it is one of `kinds`. */
export function editingFromDraftKey<K extends string>(
	register: string,
	kinds: readonly K[],
	key: string
): RegisterFormRef<K> | null {
	const prefix = registerDraftPrefix(register);
	if (!key.startsWith(prefix)) return null;
	const rest = key.slice(prefix.length);
	const split = rest.indexOf(':');
	if (split < 0) return null;
	const kind = rest.slice(0, split) as K;
	const id = rest.slice(split + 1);
	if (!kinds.includes(kind) || id === '') return null;
	return { kind, id: id === 'new' ? null : id };
}

/** The first form of `register` among stored draft keys, to open again when the page opens. */
export function draftedForm<K extends string>(
	register: string,
	kinds: readonly K[],
	keys: readonly string[]
): RegisterFormRef<K> | null {
	for (const key of keys) {
		const form = editingFromDraftKey(register, kinds, key);
		if (form) return form;
	}
	return null;
}
