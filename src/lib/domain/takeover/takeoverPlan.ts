import { plural } from '../plural';
import { criterionStatusLabels, type CriterionStatusValue } from '../records';

/**
 * Work done without an account (the demo workspace) that a Leitung or team member takes over into
 * her centre at login. This module decides what moves and shows it; the move itself is
 * `client/services/session/takeover.ts`.
 *
 * Rules:
 * - evidence, register entries and certification rounds move as they are, unless the centre already
 *   has a record with that id (a takeover that ran before and was interrupted): then they are left;
 * - a criterion's status and note move where the centre has none; where both differ it is a
 *   conflict, and by default the newer of the two stays (she may choose either per criterion);
 * - profile fields (Träger, address…) fill only what the centre's profile leaves empty.
 */

export interface StatusSnapshot {
	criterionId: string;
	status: CriterionStatusValue;
	note: string;
	updatedAt: string;
}

/** A record that moves as it is, with what the preview names it by. */
export interface MovingItem {
	/** The synced table it lives in. */
	table: string;
	id: string;
	title: string;
	/** A second line: the register, or the kind of evidence. */
	detail: string;
	/** The file that moves with it (evidence with a photo or PDF). */
	file?: { name: string; bytes: number };
}

export interface ProfileFieldFill {
	field: string;
	label: string;
	value: string;
}

export interface AnonymousWork {
	statuses: StatusSnapshot[];
	evidence: MovingItem[];
	registerEntries: MovingItem[];
	rounds: MovingItem[];
	/** Register entries cited by criteria: they move with their entries and are only counted. */
	citations: MovingItem[];
	profile: ProfileFieldFill[];
}

export interface CentreWork {
	statuses: StatusSnapshot[];
	/** Ids of every record the centre has (any table), to leave what is there already. */
	recordIds: ReadonlySet<string>;
	/** Profile fields the centre has filled. */
	filledProfileFields: ReadonlySet<string>;
}

export type ConflictChoice = 'centre' | 'anonymous';

export interface StatusConflict {
	criterionId: string;
	title: string;
	centre: StatusSnapshot;
	anonymous: StatusSnapshot;
	/** What stays unless she chooses: the newer value. */
	preset: ConflictChoice;
}

export interface StatusMove {
	criterionId: string;
	title: string;
	status: CriterionStatusValue;
	note: string;
}

export interface TakeoverPlan {
	statuses: StatusMove[];
	conflicts: StatusConflict[];
	evidence: MovingItem[];
	registerEntries: MovingItem[];
	rounds: MovingItem[];
	citations: MovingItem[];
	profile: ProfileFieldFill[];
	/** Records the centre has already (same id): left as they are. */
	alreadyThere: number;
	/** Statuses that are the same in both: nothing to do. */
	alreadySame: number;
}

/** A status with something in it: „Offen“ without a note is every criterion's start. */
export function hasContent(status: Pick<StatusSnapshot, 'status' | 'note'>): boolean {
	return status.status !== 'offen' || status.note.trim() !== '';
}

export function buildTakeoverPlan(
	work: AnonymousWork,
	centre: CentreWork,
	criterionTitle: (criterionId: string) => string
): TakeoverPlan {
	const centreStatuses = new Map(centre.statuses.map((s) => [s.criterionId, s]));
	const plan: TakeoverPlan = {
		statuses: [],
		conflicts: [],
		evidence: [],
		registerEntries: [],
		rounds: [],
		citations: [],
		profile: work.profile.filter((f) => !centre.filledProfileFields.has(f.field)),
		alreadyThere: 0,
		alreadySame: 0
	};
	for (const anonymous of work.statuses.filter(hasContent)) {
		const title = criterionTitle(anonymous.criterionId);
		const own = centreStatuses.get(anonymous.criterionId);
		if (!own || !hasContent(own)) {
			plan.statuses.push({
				criterionId: anonymous.criterionId,
				title,
				status: anonymous.status,
				note: anonymous.note
			});
		} else if (own.status === anonymous.status && own.note.trim() === anonymous.note.trim()) {
			plan.alreadySame += 1;
		} else {
			const preset: ConflictChoice = anonymous.updatedAt > own.updatedAt ? 'anonymous' : 'centre';
			plan.conflicts.push({ criterionId: anonymous.criterionId, title, centre: own, anonymous, preset });
		}
	}
	for (const group of ['evidence', 'registerEntries', 'rounds', 'citations'] as const) {
		for (const item of work[group]) {
			if (centre.recordIds.has(item.id)) plan.alreadyThere += 1;
			else plan[group].push(item);
		}
	}
	return plan;
}

/** The statuses to write: those without conflict, and each conflict as chosen (else its preset). */
export function statusesToWrite(
	plan: TakeoverPlan,
	choices: Readonly<Record<string, ConflictChoice>> = {}
): StatusMove[] {
	const chosen = plan.conflicts
		.filter((c) => (choices[c.criterionId] ?? c.preset) === 'anonymous')
		.map((c) => ({
			criterionId: c.criterionId,
			title: c.title,
			status: c.anonymous.status,
			note: c.anonymous.note
		}));
	return [...plan.statuses, ...chosen];
}

/** Whether there is anything to take over at all. */
export function planIsEmpty(plan: TakeoverPlan): boolean {
	return (
		plan.statuses.length +
			plan.conflicts.length +
			plan.evidence.length +
			plan.registerEntries.length +
			plan.rounds.length +
			plan.profile.length ===
		0
	);
}

/** „3 Kriterien mit Stand, 2 Nachweise (1 mit Datei), 1 Registereintrag“: the preview's first line. */
export function describePlan(plan: TakeoverPlan): string {
	const files = plan.evidence.filter((e) => e.file).length;
	const statuses = plan.statuses.length + plan.conflicts.length;
	return [
		statuses > 0 ? plural(statuses, 'Kriterium mit Stand', 'Kriterien mit Stand') : '',
		plan.evidence.length > 0
			? `${plural(plan.evidence.length, 'Nachweis', 'Nachweise')}${files > 0 ? ` (${files} mit Datei)` : ''}`
			: '',
		plan.registerEntries.length > 0
			? plural(plan.registerEntries.length, 'Registereintrag', 'Registereinträge')
			: '',
		plan.rounds.length > 0 ? plural(plan.rounds.length, 'Zertifizierungsrunde', 'Zertifizierungsrunden') : '',
		plan.profile.length > 0
			? plural(plan.profile.length, 'Angabe zur Einrichtung', 'Angaben zur Einrichtung')
			: ''
	]
		.filter(Boolean)
		.join(', ');
}

/** „Erfüllt – Aushang hängt“: a status and the start of its note, for the conflict choice. */
export function describeStatus(status: Pick<StatusSnapshot, 'status' | 'note'>): string {
	const note = status.note.trim();
	const short = note.length > 80 ? `${note.slice(0, 79)}…` : note;
	return short
		? `${criterionStatusLabels[status.status]} – „${short}“`
		: criterionStatusLabels[status.status];
}

/**
 * A short fingerprint of the anonymous work: a declined offer is made again only when it changed
 * (new work in the demo mode), never at every login.
 */
export function workFingerprint(work: AnonymousWork): string {
	const parts = [
		...work.statuses.filter(hasContent).map((s) => `s:${s.criterionId}:${s.updatedAt}`),
		...[...work.evidence, ...work.registerEntries, ...work.rounds].map((i) => `r:${i.id}`)
	].sort();
	let hash = 0;
	for (const char of parts.join('|')) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
	return `${parts.length}:${(hash >>> 0).toString(36)}`;
}
