/** A setting that keeps the server from starting; the message is German and names the variable. */
export class ConfigError extends Error {
	constructor(
		readonly variable: string,
		message: string
	) {
		super(message);
		this.name = 'ConfigError';
	}
}
