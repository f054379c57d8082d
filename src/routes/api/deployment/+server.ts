import { getDeployment } from '$lib/server/http/deployment';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = getDeployment;
