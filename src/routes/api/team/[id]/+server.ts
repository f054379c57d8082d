import { patchTeamMember } from '$lib/server/api/team';
import type { RequestHandler } from './$types';

export const PATCH: RequestHandler = patchTeamMember;
