// The part of autocannon's API the sync load benchmark uses (the package ships no types).
declare module 'autocannon' {
	interface RequestParams {
		method?: string;
		path?: string;
		headers?: Record<string, string>;
		body?: string;
	}
	interface Request {
		setupRequest?: (request: RequestParams, context: Record<string, unknown>) => RequestParams;
		onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
	}
	interface Options {
		url: string | string[];
		connections?: number;
		duration?: number;
		requests?: Request[];
	}
	interface Result {
		errors: number;
		timeouts: number;
	}
	interface Instance extends PromiseLike<Result> {
		on(
			event: 'response',
			listener: (client: object, statusCode: number, bytes: number, responseTime: number) => void
		): this;
	}
	function autocannon(options: Options): Instance;
	export default autocannon;
}
