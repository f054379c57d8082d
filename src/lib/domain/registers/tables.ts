import { childminderArrangementSchema, childminderContactSchema } from './childminding';
import { familyEducationOfferSchema } from './familyEducation';
import { officeHourPlanSchema, officeHourSessionSchema } from './officeHours';
import { cooperationPartnerSchema } from './partners';
import { preventionOfferSchema, preventionProfileSchema } from './prevention';
import { qualificationSchema } from './qualifications';

/**
 * The register tables of the workspace database with the schema each record is checked against.
 * Spread into `syncedTables` (client) so every write goes with an outbox entry and syncs generically.
 */
export const registerTables = {
	officeHourPlans: officeHourPlanSchema,
	officeHourSessions: officeHourSessionSchema,
	familyEducationOffers: familyEducationOfferSchema,
	childminderContacts: childminderContactSchema,
	childminderArrangements: childminderArrangementSchema,
	cooperationPartners: cooperationPartnerSchema,
	preventionProfiles: preventionProfileSchema,
	preventionOffers: preventionOfferSchema,
	qualifications: qualificationSchema
};

export type RegisterTableName = keyof typeof registerTables;
