import { getTeam, postTeamMember } from '$lib/server/accounts/handlers';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = getTeam;
export const POST: RequestHandler = postTeamMember;
