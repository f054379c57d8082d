import { loadDeployment, readStoredDeployment, type DeploymentSource } from '$lib/client/services/deployment';
import { emptyOperator, type OperatorDetails } from '$lib/domain/deployment/operator';

/**
 * The operator details the legal pages show. Each load starts from the device's copy, so the page
 * renders at once (and offline), then asks the server: a tiny public answer, and the operator may
 * have changed it since the last visit.
 */
class DeploymentDetails {
	#operator = $state<OperatorDetails>(emptyOperator());
	#source = $state<DeploymentSource | 'loading'>('loading');

	get operator(): OperatorDetails {
		return this.#operator;
	}

	/** `none`: never loaded on this device and no server now; the pages then say so. */
	get source(): DeploymentSource | 'loading' {
		return this.#source;
	}

	async load(): Promise<void> {
		this.#operator = readStoredDeployment()?.operator ?? emptyOperator();
		this.#source = 'loading';
		const { info, source } = await loadDeployment();
		if (info) this.#operator = info.operator;
		this.#source = source;
	}
}

export const deploymentDetails = new DeploymentDetails();
