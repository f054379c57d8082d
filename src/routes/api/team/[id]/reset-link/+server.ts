import { postTeamResetLink } from '$lib/server/api/team';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = postTeamResetLink;
