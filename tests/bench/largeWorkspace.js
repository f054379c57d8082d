// A large workspace for the Übersicht benchmark, written straight into the app's IndexedDB (same
// database, stores and record shapes as src/lib/client/db/WorkspaceDb.ts and src/lib/domain/records.ts).

/**
 * @typedef {object} LargeWorkspaceSpec
 * @property {string[]} criterionIds every criterion of the catalogue
 * @property {number} evidenceCount evidence items in all (photos included)
 * @property {number} photoCount photos among them, each with its own stored file
 * @property {number} photoBytes size of each photo file
 */

/**
 * Runs inside the page (serialised by page.evaluate, so it must not use anything from outside).
 * Needs the app to have opened once, so that the database and the active facility exist.
 * @param {LargeWorkspaceSpec} spec
 * @returns {Promise<{ database: string, statuses: number, evidence: number, photos: number, megabytes: number }>}
 */
export async function seedLargeWorkspace(spec) {
	/** @template T @param {IDBRequest<T>} request @returns {Promise<T>} */
	const done = (request) =>
		new Promise((resolve, reject) => {
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
	/** @param {IDBTransaction} tx @returns {Promise<void>} */
	const committed = (tx) =>
		new Promise((resolve, reject) => {
			tx.oncomplete = () => resolve();
			tx.onerror = () => reject(tx.error);
			tx.onabort = () => reject(tx.error);
		});

	/** @type {IDBDatabase | undefined} */
	let db;
	/** @type {string | undefined} */
	let facilityId;
	for (const info of await indexedDB.databases()) {
		if (!info.name) continue;
		const candidate = await done(indexedDB.open(info.name));
		if (candidate.objectStoreNames.contains('meta') && candidate.objectStoreNames.contains('evidence')) {
			const entry = await done(candidate.transaction('meta').objectStore('meta').get('facilityId'));
			if (typeof entry?.value === 'string') {
				db = candidate;
				facilityId = entry.value;
				break;
			}
		}
		candidate.close();
	}
	if (!db || !facilityId)
		throw new Error('No workspace database with an active facility; open the app first.');

	// Deterministic pseudo-random numbers, so every run seeds the same workspace.
	let seed = 20260801;
	const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
	const pick = /** @template T @param {T[]} list @returns {T} */ (list) =>
		list[Math.floor(random() * list.length)];
	const now = new Date().toISOString();
	const base = { facilityId, createdAt: now, updatedAt: now, updatedBy: 'Benchmark', deleted: false };
	const day = (/** @type {number} */ offset) =>
		new Date(Date.now() - offset * 86_400_000).toISOString().slice(0, 10);

	const statusValues = ['erfuellt', 'erfuellt', 'erfuellt', 'in_arbeit', 'offen', 'nicht_zutreffend'];
	const statuses = spec.criterionIds.map((criterionId) => ({
		...base,
		id: `${facilityId}:${criterionId}`,
		criterionId,
		status: pick(statusValues),
		note: 'Stand besprochen im Team, Nachweise im Ordner.'
	}));

	// Photo files: incompressible bytes behind a JPEG header, as large as a downscaled photo.
	const attachments = [];
	const photoRefs = [];
	for (let i = 0; i < spec.photoCount; i++) {
		const bytes = new Uint8Array(spec.photoBytes);
		for (let at = 0; at < bytes.length; at += 65536) crypto.getRandomValues(bytes.subarray(at, at + 65536));
		bytes.set([0xff, 0xd8, 0xff, 0xe0]);
		const sha256 = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)), (b) =>
			b.toString(16).padStart(2, '0')
		).join('');
		const blob = new Blob([bytes], { type: 'image/jpeg' });
		attachments.push({ sha256, blob, mimeType: 'image/jpeg', size: bytes.length, createdAt: now });
		photoRefs.push({ sha256, mimeType: 'image/jpeg', size: bytes.length, fileName: `Aushang_${i + 1}.jpg` });
	}

	const evidence = [];
	for (let i = 0; i < spec.evidenceCount; i++) {
		const photo = i < spec.photoCount;
		const kind = photo ? 'photo' : i % 3 === 0 ? 'link' : 'note';
		const first = pick(spec.criterionIds);
		const second = pick(spec.criterionIds);
		const date = day(Math.floor(random() * 1400));
		evidence.push({
			...base,
			id: crypto.randomUUID(),
			kind,
			title: `${photo ? 'Foto' : kind === 'link' ? 'Link' : 'Notiz'} ${i + 1}: Angebot im Familienzentrum`,
			note: kind === 'note' ? 'Elterncafé mit 12 Teilnehmenden, Kooperation mit der Beratungsstelle.' : '',
			url: kind === 'link' ? `https://example.org/angebot/${i + 1}` : '',
			date,
			validUntil: i % 10 === 0 ? day(-Math.floor(random() * 400)) : null,
			criterionIds: first === second ? [first] : [first, second],
			attachment: photo ? photoRefs[i] : null
		});
	}

	const tx = db.transaction(['criterionStatuses', 'evidence', 'attachments'], 'readwrite');
	for (const row of statuses) tx.objectStore('criterionStatuses').put(row);
	for (const row of evidence) tx.objectStore('evidence').put(row);
	for (const row of attachments) tx.objectStore('attachments').put(row);
	await committed(tx);
	db.close();
	return {
		database: db.name,
		statuses: statuses.length,
		evidence: evidence.length,
		photos: attachments.length,
		megabytes: (spec.photoCount * spec.photoBytes) / 1024 / 1024
	};
}
