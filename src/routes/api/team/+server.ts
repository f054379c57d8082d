import { getTeam, postTeamMember } from '$lib/server/api/team';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = getTeam;
export const POST: RequestHandler = postTeamMember;
