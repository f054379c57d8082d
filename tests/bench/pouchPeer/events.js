// The few parts of Node's `events` that pouchdb-browser uses, for the benchmark's browser bundle
// (the npm `events` polyfill is not installed). Methods are assigned, not declared in a class:
// PouchDB copies `Object.keys(EventEmitter.prototype)` onto its constructor, which needs them
// enumerable.

/** @this {any} */
function EventEmitter() {
	this._events = new Map();
}

/** @param {any} emitter @param {string} type @returns {Function[]} */
function listenersOf(emitter, type) {
	emitter._events ??= new Map();
	if (!emitter._events.has(type)) emitter._events.set(type, []);
	return emitter._events.get(type);
}

/** @this {any} @param {string} type @param {Function} listener */
EventEmitter.prototype.on = function (type, listener) {
	listenersOf(this, type).push(listener);
	return this;
};
EventEmitter.prototype.addListener = EventEmitter.prototype.on;

/** @this {any} @param {string} type @param {Function} listener */
EventEmitter.prototype.once = function (type, listener) {
	/** @this {any} @param {...any} args */
	function wrapped(...args) {
		this.removeListener(type, wrapped);
		listener.apply(this, args);
	}
	wrapped.listener = listener;
	return this.on(type, wrapped);
};

/** @this {any} @param {string} type @param {Function} listener */
EventEmitter.prototype.removeListener = function (type, listener) {
	const list = listenersOf(this, type);
	const i = list.findIndex((/** @type {any} */ l) => l === listener || l.listener === listener);
	if (i >= 0) list.splice(i, 1);
	return this;
};
EventEmitter.prototype.off = EventEmitter.prototype.removeListener;

/** @this {any} @param {string} [type] */
EventEmitter.prototype.removeAllListeners = function (type) {
	if (type === undefined) this._events = new Map();
	else listenersOf(this, type).length = 0;
	return this;
};

/** @this {any} @param {string} type @param {...any} args */
EventEmitter.prototype.emit = function (type, ...args) {
	const list = [...listenersOf(this, type)];
	if (type === 'error' && list.length === 0) throw args[0];
	for (const listener of list) listener.apply(this, args);
	return list.length > 0;
};

/** @this {any} @param {string} type */
EventEmitter.prototype.listeners = function (type) {
	return listenersOf(this, type).map((/** @type {any} */ l) => l.listener ?? l);
};

/** @this {any} @param {string} type */
EventEmitter.prototype.listenerCount = function (type) {
	return listenersOf(this, type).length;
};

EventEmitter.prototype.setMaxListeners = function () {
	return this;
};

/** @param {any} emitter @param {string} type */
EventEmitter.listenerCount = (emitter, type) => listenersOf(emitter, type).length;
EventEmitter.EventEmitter = EventEmitter;

export default EventEmitter;
export { EventEmitter };
