import { getDbError, getDbHealth, onDbHealthChange, type DbHealth } from '$lib/client/db';

export interface DbHealthMessage {
	title: string;
	detail: string;
}

/** What the app says in each state of the database (German UI text). */
export const dbHealthMessages: Record<DbHealth, DbHealthMessage> = {
	opening: {
		title: 'Die Mappe wird geöffnet …',
		detail: 'Die gespeicherten Daten werden geladen.'
	},
	ok: {
		title: 'Die Mappe ist bereit.',
		detail: 'Alle Eingaben werden auf diesem Gerät gespeichert.'
	},
	unavailable: {
		title: 'Dieser Browser lässt die App keine Daten speichern.',
		detail:
			'Das passiert oft in einem privaten Fenster oder wenn das Speichern von Websitedaten in den ' +
			'Browsereinstellungen blockiert ist. Bitte öffnen Sie die Gütesiegel-Mappe in einem normalen ' +
			'Fenster oder erlauben Sie das Speichern von Websitedaten für diese Seite.'
	},
	blocked: {
		title: 'Die App ist noch in einem anderen Tab geöffnet.',
		detail:
			'Eine neue Version muss die gespeicherten Daten umstellen. Bitte schließen Sie die anderen Tabs ' +
			'oder Fenster der Gütesiegel-Mappe; danach geht es hier von selbst weiter.'
	},
	stuck: {
		title: 'Die Mappe lässt sich gerade nicht öffnen.',
		detail:
			'Der Browser antwortet nicht beim Öffnen der gespeicherten Daten. Bitte tippen Sie auf „Erneut ' +
			'versuchen“. Hilft das nicht, schließen Sie den Browser ganz (auch aus der Liste der geöffneten ' +
			'Apps) und öffnen Sie die Gütesiegel-Mappe wieder; bleibt es dabei, starten Sie das Gerät neu. ' +
			'Ihre gespeicherten Daten bleiben erhalten.'
	},
	versionchange: {
		title: 'Die App wurde in einem anderen Tab aktualisiert.',
		detail:
			'Bitte laden Sie diese Seite neu, um weiterzuarbeiten. Alles Gespeicherte bleibt erhalten, auch ' +
			'was Sie gerade in ein Formular eingetragen haben.'
	}
};

/** The database's health as reactive state, for the banner that replaces a blank page. */
class DbHealthState {
	#current = $state<DbHealth>(getDbHealth());
	#error = $state.raw<unknown>(getDbError());

	constructor() {
		onDbHealthChange((health, error) => {
			this.#current = health;
			this.#error = error;
		});
	}

	get current(): DbHealth {
		return this.#current;
	}

	/** The underlying error when the database is unavailable (for a details line). */
	get error(): unknown {
		return this.#error;
	}

	get message(): DbHealthMessage {
		return dbHealthMessages[this.#current];
	}

	get ok(): boolean {
		return this.#current === 'ok';
	}

	/** Only a reload helps: the connection was closed for another tab's upgrade. */
	get needsReload(): boolean {
		return this.#current === 'versionchange';
	}
}

export const dbHealth = new DbHealthState();
