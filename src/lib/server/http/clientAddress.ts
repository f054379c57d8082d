import type { RequestEvent } from '@sveltejs/kit';
import { logger } from '$lib/server/log/logger';
import { ApiError } from './errors';

/**
 * The client's address for rate limits. With `ADDRESS_HEADER` set, adapter-node reads it from that
 * header and throws when a request lacks it: a request that reached the app past the reverse proxy
 * (e.g. straight to the container's port). That is a set-up mistake, answered with a clear error
 * instead of a 500; falling back to one shared address would let one client lock everyone out.
 */
export function clientAddress(event: RequestEvent): string {
	try {
		return event.getClientAddress();
	} catch {
		logger.warn(
			{ route: event.route.id },
			'Anfrage ohne die Absenderadresse des Reverse-Proxys (ADDRESS_HEADER); sie kam nicht über den Proxy'
		);
		throw new ApiError(
			400,
			'client_address_missing',
			'Die Anfrage kam nicht über den eingerichteten Zugang des Servers. Bitte rufen Sie die App über ihre übliche Adresse (https://…) auf; besteht der Fehler, prüft die IT die Proxy-Einstellung (ADDRESS_HEADER).'
		);
	}
}
