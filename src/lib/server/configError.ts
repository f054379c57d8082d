/**
 * The exit code of a start refused for a setting (sysexits' EX_CONFIG): a service manager can tell
 * it from a crash and not restart in a loop (`RestartPreventExitStatus=78` in the systemd unit).
 */
export const CONFIG_EXIT_CODE = 78;

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
