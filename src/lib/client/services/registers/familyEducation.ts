import { registerEntries } from './entries';

/** Familienbildung: offers and courses with their sessions. */
const offers = registerEntries('familyEducationOffers');

export const addFamilyEducationOffer = offers.add;
export const updateFamilyEducationOffer = offers.update;
export const deleteFamilyEducationOffer = offers.remove;
