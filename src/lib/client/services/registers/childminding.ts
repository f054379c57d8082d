import { registerEntries } from './entries';

/** Kindertagespflege: information and mediation contacts, and standing childminderArrangements. */
export const childminderContacts = registerEntries('childminderContacts');
export const childminderArrangements = registerEntries('childminderArrangements');

export const addChildminderContact = childminderContacts.add;
export const updateChildminderContact = childminderContacts.update;
export const deleteChildminderContact = childminderContacts.remove;

export const addChildminderArrangement = childminderArrangements.add;
export const updateChildminderArrangement = childminderArrangements.update;
export const deleteChildminderArrangement = childminderArrangements.remove;
