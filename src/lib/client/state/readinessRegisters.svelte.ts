import { liveQuery } from 'dexie';
import { untrack } from 'svelte';
import { db } from '$lib/client/db';
import { loadRegisterData } from '$lib/client/services/registers/registerData';
import type { LocalDate } from '$lib/domain/dates';
import type { ReviewPeriod } from '$lib/domain/periods';
import type { RegisterData } from '$lib/domain/registers/registerData';
import { currentRound } from '$lib/domain/rounds/current';
import type { CertificationRound } from '$lib/domain/rounds/schema';
import { thresholdPeriod } from '$lib/domain/readiness/input';
import { workspace } from './workspace.svelte';

/**
 * The readiness engine's view of the registers and rounds: the centre's certification rounds, the
 * current one, and the registers of its Prüfzeitraum. Kept apart from the statuses on purpose: a
 * status tap does not touch a register table, so Dexie does not re-read the registers, the register
 * data object stays the same and the requirement engine reuses its threshold counts (it remembers
 * them per data object). The registers are re-read only when a register, the facility or the period
 * changes.
 */
export class ReadinessRegisters {
	#rounds = $state.raw<readonly CertificationRound[]>([]);
	#data = $state.raw<RegisterData | null>(null);
	#loadedFor = $state.raw<string | null>(null);
	readonly #today: () => LocalDate;

	readonly round: CertificationRound | null = $derived(currentRound(this.#rounds, this.#todayValue()));

	readonly period: ReviewPeriod = $derived(
		thresholdPeriod(this.round, workspace.catalogue.reviewPeriod, this.#todayValue())
	);

	readonly #facilityId = $derived(workspace.facility?.id ?? null);

	/** A string that changes only when the registers must be read again. */
	readonly #loadKey = $derived(
		this.#facilityId ? `${this.#facilityId}|${this.period.start}|${this.period.end}` : null
	);

	constructor(today: () => LocalDate) {
		this.#today = today;
		$effect.root(() => {
			$effect(() => {
				const facilityId = this.#facilityId;
				if (!facilityId) {
					this.#rounds = [];
					return;
				}
				const sub = liveQuery(() => db.certificationRounds.where({ facilityId }).toArray()).subscribe({
					next: (rounds) => (this.#rounds = rounds),
					error: () => (this.#rounds = [])
				});
				return () => sub.unsubscribe();
			});
			$effect(() => {
				const key = this.#loadKey;
				// Only the key is tracked: a new period object with the same days must not re-read.
				const facilityId = untrack(() => this.#facilityId);
				const period = untrack(() => this.period);
				if (!key || !facilityId) {
					this.#data = null;
					return;
				}
				const sub = liveQuery(() => loadRegisterData(facilityId, period)).subscribe({
					next: (data) => {
						this.#data = data;
						this.#loadedFor = key;
					},
					// Without registers no threshold is reached: readiness still shows the marks.
					error: () => (this.#data = null)
				});
				return () => sub.unsubscribe();
			});
		});
	}

	#todayValue(): LocalDate {
		return this.#today();
	}

	/** The registers of the current Prüfzeitraum, once loaded for it; else undefined. */
	get registers(): { data: RegisterData; period: ReviewPeriod; today: LocalDate } | undefined {
		const data = this.#data;
		if (!data || this.#loadedFor !== this.#loadKey) return undefined;
		return { data, period: this.period, today: this.#todayValue() };
	}
}
