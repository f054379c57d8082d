import { postTeamResetLink } from '$lib/server/accounts/handlers';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = postTeamResetLink;
