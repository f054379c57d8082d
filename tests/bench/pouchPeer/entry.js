// The benchmark's browser bundle: PouchDB as a tablet would use it (IndexedDB adapter).
// @ts-expect-error pouchdb-browser comes without types; the bench only calls it from the page.
import PouchDB from 'pouchdb-browser';

export { PouchDB };
