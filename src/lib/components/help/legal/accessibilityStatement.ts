/**
 * The facts of the Erklärung zur Barrierefreiheit, kept apart from its wording so that a new
 * evaluation changes one place. The limits are real ones of this app, checked when the statement
 * was prepared; remove one only when it is fixed.
 */
export const statementPrepared = '6. Dezember 2026';
export const statementReviewed = '6. Dezember 2026';

/** Where barriers remain (EU model statement: „Nicht barrierefreie Inhalte“). */
export const knownLimits: readonly { title: string; detail: string }[] = [
	{
		title: 'PDF-Bericht der Mappe',
		detail:
			'Der PDF-Bericht („Als PDF herunterladen“) ist nicht getaggt. Screenreader lesen ihn ohne Überschriften und Tabellenstruktur vor. Dieselben Angaben stehen barrierefrei auf der Seite „Mappe abgeben“ und in der Übersicht.'
	},
	{
		title: 'Hochgeladene Nachweise',
		detail:
			'Fotos und PDF-Dateien, die Nutzerinnen und Nutzer als Nachweis ablegen, prüft die App nicht auf Barrierefreiheit. Fotos haben als Textalternative nur ihren Titel.'
	},
	{
		title: 'Export für die Zertifizierungsstelle',
		detail:
			'Das Verzeichnis im ZIP-Export ist eine einfache Textdatei; die Dateien darin sind so barrierefrei wie die hochgeladenen Originale.'
	},
	{
		title: 'Leichte Sprache und Gebärdensprache',
		detail:
			'In Leichter Sprache gibt es nur die Hauptinformationen zur Bedienung. Die Kriterientexte des Gütesiegels gibt es nicht in Leichter Sprache. Videos in Deutscher Gebärdensprache gibt es nicht.'
	},
	{
		title: 'Prüfung mit Screenreadern',
		detail:
			'Die App wurde nicht systematisch mit Screenreadern (etwa NVDA, VoiceOver, TalkBack) geprüft. Es kann Stellen geben, an denen Ansagen fehlen oder unklar sind.'
	},
	{
		title: 'Kamera und Teilen',
		detail:
			'Fotos aufnehmen und Dateien aus anderen Apps teilen nutzt die Funktionen des Geräts; deren Barrierefreiheit hängt vom Betriebssystem ab.'
	}
];
