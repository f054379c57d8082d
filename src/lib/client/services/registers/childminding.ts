import { registerEntries } from './entries';

/** Kindertagespflege: information and mediation contacts, and standing arrangements. */
const contacts = registerEntries('childminderContacts');
const arrangements = registerEntries('childminderArrangements');

export const addChildminderContact = contacts.add;
export const updateChildminderContact = contacts.update;
export const deleteChildminderContact = contacts.remove;

export const addChildminderArrangement = arrangements.add;
export const updateChildminderArrangement = arrangements.update;
export const deleteChildminderArrangement = arrangements.remove;
