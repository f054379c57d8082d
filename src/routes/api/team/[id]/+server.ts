import { patchTeamMember } from '$lib/server/accounts/handlers';
import type { RequestHandler } from './$types';

export const PATCH: RequestHandler = patchTeamMember;
