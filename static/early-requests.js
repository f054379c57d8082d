// Starts the request of an advisor's page while the app's code still loads. The page's own load
// takes the answer (src/lib/client/api/earlyRequests.ts, which also names the pages and their
// requests); its test runs this file, so both stay in step. A plain script in app.html, not a
// module of the app: it runs as soon as the shell is parsed, long before the app's modules are
// loaded and evaluated, and its request overlaps with theirs. The server checks the session as
// for any request; a wrong guess costs one unused request, never data.
(function () {
	'use strict';
	try {
		if (localStorage.getItem('guetesiegel-mappe.logout-pending') === '1') return;
		var session = JSON.parse(localStorage.getItem('guetesiegel-mappe.session') || 'null');
		if (!session || !session.user || session.user.role !== 'fachberatung') return;
		var path = location.pathname;
		var review = /^\/beratung\/([^/]+)\/mappe\/([^/]+)\/?$/.exec(path);
		var centre = /^\/beratung\/([^/]+)\/?$/.exec(path);
		var url = /^\/beratung\/?$/.test(path)
			? '/api/review/facilities'
			: review
				? '/api/dossiers/' + review[2] + '/outline'
				: centre
					? '/api/review/facilities/' + centre[1]
					: null;
		if (!url) return;
		var request = fetch(url, { credentials: 'same-origin' });
		// Taken or not, a failed request must not be reported as unhandled.
		request.catch(function () {});
		window.__guetesiegelEarlyRequests = { url: url, at: performance.now(), response: request };
	} catch {
		// Storage blocked or a malformed entry: the page asks itself, as without this script.
	}
})();
