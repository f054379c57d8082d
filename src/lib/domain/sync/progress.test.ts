import { describe, expect, it } from 'vitest';
import {
	describeChanges,
	describeFiles,
	describeFileState,
	emptyProgress,
	filePercent,
	formatBytes,
	formatBytesOf,
	retryableFiles,
	withFile,
	withFilesWaiting,
	type SyncProgress
} from './progress';

const sha = (n: number) => String(n).repeat(64).slice(0, 64);

function fiveFiles(): SyncProgress {
	return withFilesWaiting(
		emptyProgress(3),
		'upload',
		[1, 2, 3, 4, 5].map((n) => ({ sha256: sha(n), name: `f${n}.pdf`, size: 1_000_000 }))
	);
}

describe('formatBytes', () => {
	it('writes bytes in decimal units with a German comma', () => {
		expect(formatBytes(0)).toBe('0 Byte');
		expect(formatBytes(999)).toBe('999 Byte');
		expect(formatBytes(820_400)).toBe('820 KB');
		expect(formatBytes(3_149_000)).toBe('3,1 MB');
		expect(formatBytes(5_000_000)).toBe('5,0 MB');
		expect(formatBytes(2_500_000_000)).toBe('2,5 GB');
	});

	it('writes a part of a total in the total’s unit and never rounds up to it', () => {
		expect(formatBytesOf(3_100_000, 5_000_000)).toBe('3,1 MB von 5,0 MB');
		expect(formatBytesOf(400_000, 5_000_000)).toBe('0,4 MB von 5,0 MB');
		expect(formatBytesOf(4_999_999, 5_000_000)).toBe('4,9 MB von 5,0 MB');
		expect(formatBytesOf(120_000, 800_000)).toBe('120 KB von 800 KB');
	});
});

describe('describeFiles', () => {
	it('names the file being moved and the bytes of all files', () => {
		let progress = withFile(fiveFiles(), 'upload', sha(1), { state: 'done' });
		progress = withFile(progress, 'upload', sha(2), { state: 'transferring', transferred: 500_000 });
		expect(describeFiles(progress, 'upload')).toBe('Hochladen: Datei 2 von 5 – 1,5 MB von 5,0 MB');
		expect(describeFiles(progress, 'download')).toBeNull();
	});

	it('counts the last file once all are through, failed bytes not counted as moved', () => {
		let progress = fiveFiles();
		for (const n of [1, 2, 3, 4]) progress = withFile(progress, 'upload', sha(n), { state: 'done' });
		progress = withFile(progress, 'upload', sha(5), {
			state: 'failed',
			transferred: 700_000,
			reason: 'Server nicht erreichbar',
			retryable: true
		});
		expect(describeFiles(progress, 'upload')).toBe('Hochladen: Datei 5 von 5 – 4,0 MB von 5,0 MB');
	});

	it('leaves out bytes while no size is known (downloads before their answer)', () => {
		const progress = withFilesWaiting(emptyProgress(), 'download', [{ sha256: sha(1), name: '', size: 0 }]);
		expect(describeFiles(progress, 'download')).toBe('Herunterladen: Datei 1 von 1');
	});
});

describe('file states', () => {
	it('words each state and its percent', () => {
		const [waiting] = fiveFiles().files;
		expect(describeFileState(waiting)).toBe('wartet');
		const moving = withFile(fiveFiles(), 'upload', sha(1), { state: 'transferring', transferred: 425_000 });
		expect(describeFileState(moving.files[0])).toBe('wird übertragen 42 %');
		const done = withFile(fiveFiles(), 'upload', sha(1), { state: 'done' });
		expect(describeFileState(done.files[0])).toBe('fertig');
		expect(done.files[0].transferred).toBe(1_000_000);
		const failed = withFile(fiveFiles(), 'upload', sha(1), {
			state: 'failed',
			reason: 'Der Server antwortet nicht.',
			retryable: true
		});
		expect(describeFileState(failed.files[0])).toBe('Fehler: Der Server antwortet nicht.');
		expect(retryableFiles(failed).map((f) => f.sha256)).toEqual([sha(1)]);
	});

	it('clears a failure when the file goes again, and keeps bytes within the size', () => {
		let progress = withFile(fiveFiles(), 'upload', sha(1), { state: 'failed', reason: 'x', retryable: true });
		progress = withFile(progress, 'upload', sha(1), { state: 'transferring', transferred: 2_000_000 });
		expect(progress.files[0]).toMatchObject({ reason: null, retryable: false, transferred: 1_000_000 });
		expect(filePercent(progress.files[0])).toBe(100);
		expect(filePercent({ size: 0, transferred: 10 })).toBe(0);
	});

	it('lists a file once per direction', () => {
		const again = withFilesWaiting(fiveFiles(), 'upload', [{ sha256: sha(1), name: 'f1.pdf', size: 1 }]);
		expect(again.files).toHaveLength(5);
	});
});

describe('describeChanges', () => {
	it('counts changes sent of those waiting, in the right number', () => {
		expect(describeChanges(emptyProgress())).toBeNull();
		expect(describeChanges(emptyProgress(1))).toBe('Änderung: 0 von 1 gesendet');
		expect(describeChanges({ ...emptyProgress(500), changes: { done: 120, total: 500 } })).toBe(
			'Änderungen: 120 von 500 gesendet'
		);
	});
});
