// Entry of the small bundle the register benchmark loads into Chromium (see registerSummaries.js):
// the app's own summary code and the five-year bench data, nothing else.
export { makeFiveYearRegisterData } from '../fixtures/bench';
export { computeAllRegisterSummaries } from '$lib/domain/registers/summaries/all';
export { kindergartenYear, reviewPeriodsBetween } from '$lib/domain/periods';
