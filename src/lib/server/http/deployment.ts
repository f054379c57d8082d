import type { DeploymentInfo } from '$lib/domain/deployment/operator';
import { endpoint, json } from '$lib/server/http/endpoint';

/**
 * Who runs this deployment, for the legal pages. Public (no session): the Impressum and the
 * Datenschutzerklärung must be readable before anyone logs in. Only what the operator chose to
 * publish through `OPERATOR_*`.
 */
export const getDeployment = endpoint(async (_event, ctx) => {
	const body: DeploymentInfo = { operator: { ...ctx.config.operator } };
	return json(body);
});
