/** An in-memory CacheStorage for tests of the worker's pieces (Node and jsdom have none). */
export function fakeCacheStorage(): CacheStorage {
	const stores = new Map<string, Map<string, Response>>();
	const open = async (name: string): Promise<Cache> => {
		let entries = stores.get(name);
		if (!entries) stores.set(name, (entries = new Map()));
		const store = entries;
		const key = (request: RequestInfo | URL) =>
			typeof request === 'string' ? request : request instanceof URL ? request.href : request.url;
		return {
			put: async (request: RequestInfo | URL, response: Response) => {
				store.set(key(request), response);
			},
			match: async (request: RequestInfo | URL) => store.get(key(request))?.clone(),
			keys: async () => [...store.keys()].map((url) => new Request(url)),
			delete: async (request: RequestInfo | URL) => store.delete(key(request))
		} as unknown as Cache;
	};
	return {
		open,
		has: async (name: string) => stores.has(name),
		delete: async (name: string) => stores.delete(name),
		keys: async () => [...stores.keys()],
		match: async () => undefined
	} as unknown as CacheStorage;
}
