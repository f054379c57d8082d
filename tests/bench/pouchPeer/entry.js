// The benchmark's browser bundle: PouchDB as a tablet would use it (IndexedDB adapter).
import PouchDB from 'pouchdb-browser';

export { PouchDB };
