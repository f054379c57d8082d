import { describe, expect, it } from 'vitest';
import { backupPercent, describeBackupProgress } from './progress';

describe('backup progress', () => {
	it('names the file being written and the bytes of all files', () => {
		const progress = { filesDone: 1, filesTotal: 5, bytesDone: 3_100_000, bytesTotal: 5_000_000 };
		expect(describeBackupProgress(progress)).toBe('Datei 2 von 5 – 3,1 MB von 5,0 MB');
		expect(backupPercent(progress)).toBe(62);
	});

	it('speaks of entries before the files and stays at the last file when done', () => {
		expect(describeBackupProgress({ filesDone: 0, filesTotal: 0, bytesDone: 0, bytesTotal: 0 })).toBe(
			'Einträge werden gesichert …'
		);
		expect(describeBackupProgress({ filesDone: 5, filesTotal: 5, bytesDone: 10, bytesTotal: 10 })).toBe(
			'Datei 5 von 5 – 10 Byte von 10 Byte'
		);
		expect(backupPercent({ filesDone: 1, filesTotal: 4, bytesDone: 0, bytesTotal: 0 })).toBe(25);
	});
});
