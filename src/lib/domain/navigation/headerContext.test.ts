import { describe, expect, it } from 'vitest';
import { headerContextFor, offersWorkspaceSync, reviewedFacilityId } from './headerContext';

const facilities = [
	{ id: 'kita-a', name: 'Familienzentrum Sonnenblume' },
	{ id: 'kita-b', name: 'Familienzentrum Regenbogen' }
];

describe('what the header names', () => {
	it('names the Kita’s own centre for its team and Leitung', () => {
		expect(
			headerContextFor({
				role: 'leitung',
				pathname: '/',
				workspaceFacilityName: 'Familienzentrum Regenbogen'
			})
		).toEqual({ facilityName: 'Familienzentrum Regenbogen', backToPortfolio: false });
	});

	it('names no single centre for an advisor on her portfolio, whatever the workspace holds', () => {
		expect(
			headerContextFor({
				role: 'fachberatung',
				pathname: '/beratung',
				workspaceFacilityName: 'Familienzentrum Sonnenblume',
				facilities
			})
		).toEqual({ backToPortfolio: false });
	});

	it('names the centre an advisor is in and leads back to the portfolio', () => {
		for (const pathname of ['/beratung/kita-b', '/beratung/kita-b/mappe/d-1']) {
			expect(headerContextFor({ role: 'fachberatung', pathname, facilities })).toEqual({
				facilityName: 'Familienzentrum Regenbogen',
				backToPortfolio: true
			});
		}
	});

	it('names no centre for an admin', () => {
		expect(
			headerContextFor({
				role: 'admin',
				pathname: '/admin',
				workspaceFacilityName: 'Familienzentrum Sonnenblume'
			})
		).toEqual({ backToPortfolio: false });
	});

	it('reads the centre from the path, with a base path too', () => {
		expect(reviewedFacilityId('/beratung/kita%20a/mappe/x')).toBe('kita a');
		expect(reviewedFacilityId('/app/beratung/kita-a', '/app')).toBe('kita-a');
		expect(reviewedFacilityId('/beratung')).toBeNull();
		expect(reviewedFacilityId('/beratung/')).toBeNull();
		expect(reviewedFacilityId('/kriterien/1.1')).toBeNull();
	});

	it('offers the workspace sync to everyone but the admin', () => {
		expect(offersWorkspaceSync('admin')).toBe(false);
		expect(offersWorkspaceSync('leitung')).toBe(true);
		expect(offersWorkspaceSync('team')).toBe(true);
		expect(offersWorkspaceSync('fachberatung')).toBe(true);
	});
});
