import { today as todayOf, type LocalDate } from '$lib/domain/dates';
import { expiringEvidence } from '$lib/domain/deadlines';
import { computeReadiness, type Readiness } from '$lib/domain/readiness';
import { countCitationsByCriterion } from '$lib/domain/registers/citationCounts';
import type { RequirementContext } from '$lib/domain/requirements';
import { partsMetReasons } from '$lib/domain/shownStatus';
import { readinessInput, readinessSites, roundVariant } from '$lib/domain/readiness/input';
import { countEvidenceByCriterion, statusValues } from './readinessInputs';
import { ReadinessRegisters } from './readinessRegisters.svelte';
import { workspace } from './workspace.svelte';

/**
 * What the Übersicht and the criteria list derive from the workspace. Each value is computed once
 * per change of what it reads (a status, the evidence, the profile), never per row or per card, so
 * a workspace with thousands of evidence items stays fast.
 */
class ReadinessState {
	/** Today's date; refreshed when the app comes back to the foreground (it may stay open overnight). */
	#today = $state<LocalDate>(todayOf());

	/** Statuses of criteria and of their sub-items (stored alike, by id). */
	readonly statusValues = $derived(statusValues(workspace.statuses));

	readonly chosenProfileAreas = $derived(workspace.facility?.chosenProfileAreas ?? []);

	/** The current round, its Prüfzeitraum and its registers (re-read only when a register changes). */
	readonly rounds = new ReadinessRegisters(() => this.#today);

	/** Verbund sites (own Kita first), or undefined for a single centre. */
	readonly sites = $derived(readinessSites(workspace.facility));

	/** What the requirement engine needs for one criterion's parts (criterion page, reminders). */
	readonly requirementContext: RequirementContext = $derived({
		statuses: this.statusValues,
		registers: this.rounds.registers,
		sites: this.sites,
		secondHalfStarts: workspace.catalogue.secondHalfStarts,
		variant: roundVariant(this.rounds.round)
	});

	readonly readiness: Readiness = $derived(
		computeReadiness(
			readinessInput({
				catalogue: workspace.catalogue,
				profile: workspace.facility,
				statuses: this.statusValues,
				round: this.rounds.round,
				registers: this.rounds.registers
			})
		)
	);

	/** Why each criterion readiness counts as met by its parts does so (the lists' „erfüllt“ marker). */
	readonly partsMet = $derived(
		partsMetReasons(workspace.catalogue.criteria, this.readiness.metByParts ?? [], this.requirementContext)
	);

	/** Evidence items plus cited register entries per criterion (the „ohne Nachweis“ filter). */
	readonly evidenceCounts = $derived(
		addCounts(countEvidenceByCriterion(workspace.evidence), countCitationsByCriterion(workspace.citations))
	);

	readonly areaTitles = $derived(new Map(workspace.catalogue.areas.map((a) => [a.id, a.title])));

	readonly expiring = $derived(expiringEvidence(workspace.evidence, this.#today));

	get today(): LocalDate {
		return this.#today;
	}

	refreshToday(now: Date = new Date()): void {
		const next = todayOf(now);
		if (next !== this.#today) this.#today = next;
	}
}

function addCounts(a: Map<string, number>, b: ReadonlyMap<string, number>): Map<string, number> {
	for (const [id, n] of b) a.set(id, (a.get(id) ?? 0) + n);
	return a;
}

export const readiness = new ReadinessState();
