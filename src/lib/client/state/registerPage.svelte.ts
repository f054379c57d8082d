import { goto } from '$app/navigation';
import { page } from '$app/state';
import { readiness } from '$lib/client/state/readiness.svelte';
import { stateQuery } from '$lib/client/state/liveQuery.svelte';
import { workspace } from '$lib/client/state/workspace.svelte';
import type { LocalDate } from '$lib/domain/dates';
import type { ReviewPeriod } from '$lib/domain/periods';
import { PERIOD_PARAM, chosenPeriod, periodOptions } from '$lib/domain/registers/periodChoice';
import { emptyRegisterData, type RegisterData } from '$lib/domain/registers/registerData';
import { computeAllRegisterSummaries, type RegisterSummaries } from '$lib/domain/registers/summaries/all';
import { loadRegisterData } from '$lib/client/services/registers/registerData';

export { PERIOD_PARAM };

export interface RegisterPageState {
	readonly facilityId: string | undefined;
	readonly today: LocalDate;
	readonly period: ReviewPeriod;
	readonly periods: ReviewPeriod[];
	/** The registers for the period, kept current by liveQuery; empty until loaded. */
	readonly data: RegisterData;
	readonly loading: boolean;
	readonly summaries: RegisterSummaries;
	/** Shows another period; the choice lives in the address, so links and reloads keep it. */
	choosePeriod(key: string): Promise<void>;
}

/**
 * What every register page needs: the facility, the catalogue's kind of review period, the chosen
 * period and the registers' data and sums for it. Call during component initialisation.
 */
export function registerPage(): RegisterPageState {
	const facilityId = $derived(workspace.facility?.id);
	const today = $derived(readiness.today);
	const kind = $derived(workspace.catalogue.reviewPeriod);
	const period = $derived(chosenPeriod(kind, page.url.searchParams.get(PERIOD_PARAM), today));
	const periods = $derived(periodOptions(kind, today));
	const query = stateQuery(
		() => (facilityId ? loadRegisterData(facilityId, period) : emptyRegisterData()),
		() => [facilityId, period.key]
	);
	const data = $derived(query.current ?? emptyRegisterData());
	const summaries = $derived(computeAllRegisterSummaries(data, period, today));

	return {
		get facilityId() {
			return facilityId;
		},
		get today() {
			return today;
		},
		get period() {
			return period;
		},
		get periods() {
			return periods;
		},
		get data() {
			return data;
		},
		get loading() {
			return query.loading;
		},
		get summaries() {
			return summaries;
		},
		async choosePeriod(key: string) {
			// Same route, only the query changes; the pathname is already a resolved one.
			// eslint-disable-next-line svelte/no-navigation-without-resolve
			await goto(`${page.url.pathname}?${PERIOD_PARAM}=${encodeURIComponent(key)}`, {
				keepFocus: true,
				noScroll: true,
				replaceState: true
			});
		}
	};
}
