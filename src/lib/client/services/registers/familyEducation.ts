import { registerEntries } from './entries';

/** Familienbildung: offers and courses with their sessions. */
export const familyEducationOffers = registerEntries('familyEducationOffers');

export const addFamilyEducationOffer = familyEducationOffers.add;
export const updateFamilyEducationOffer = familyEducationOffers.update;
export const deleteFamilyEducationOffer = familyEducationOffers.remove;
