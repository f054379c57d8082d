import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/**
 * A share normally never reaches the server: the service worker receives it and keeps the files on
 * the device. Without a worker (storage cleared by the browser) the files cannot be kept here, so
 * the page opens and says to share them again, instead of an error page.
 */
export const POST: RequestHandler = () => redirect(303, '/nachweis/neu?fehler=teilen');
