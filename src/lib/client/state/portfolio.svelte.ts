import {
	defaultPortfolioSort,
	noPortfolioFilter,
	type PortfolioFilter,
	type PortfolioSort
} from '$lib/domain/review/portfolio';

/**
 * How the advisor last filtered and sorted her portfolio. Kept for the tab's life, so that „← Alle
 * Zentren“ from a centre brings her back to the same rows, not to the top of 300.
 */
class PortfolioView {
	filter = $state<PortfolioFilter>({ ...noPortfolioFilter });
	sort = $state<PortfolioSort>({ ...defaultPortfolioSort });

	reset(): void {
		this.filter = { ...noPortfolioFilter };
		this.sort = { ...defaultPortfolioSort };
	}
}

export const portfolioView = new PortfolioView();
