import { z } from 'zod';
import { criterionIdSchema, recordBaseSchema } from '../records';
import type { RegisterTableName } from './tables';

/**
 * A criterion citing a register entry as evidence (issue 4, part 6): a course, a partner agreement,
 * the office-hour plan… The citation points at the entry; the entry itself stays in its register.
 */

export const citableRegisterTableSchema = z.enum(
	[
		'officeHourPlans',
		'officeHourSessions',
		'familyEducationOffers',
		'childminderContacts',
		'childminderArrangements',
		'cooperationPartners',
		'preventionProfiles',
		'preventionOffers',
		'qualifications'
	],
	{ error: 'Bitte ein Register wählen' }
);
export type CitableRegisterTable = z.infer<typeof citableRegisterTableSchema>;
export const CITABLE_REGISTER_TABLES: readonly CitableRegisterTable[] = citableRegisterTableSchema.options;

// Every register table can be cited, and only those.
const _sameTables: [CitableRegisterTable, RegisterTableName] extends [RegisterTableName, CitableRegisterTable]
	? true
	: never = true;
void _sameTables;

export const registerCitationFields = z.object({
	criterionId: criterionIdSchema,
	registerTable: citableRegisterTableSchema,
	entryId: z.string({ error: 'Bitte einen Eintrag wählen' }).min(1, 'Bitte einen Eintrag wählen').max(120)
});
export type RegisterCitationFields = z.infer<typeof registerCitationFields>;

export const registerCitationSchema = recordBaseSchema.extend(registerCitationFields.shape);
export type RegisterCitation = z.infer<typeof registerCitationSchema>;

const TABLE_CODES: Record<CitableRegisterTable, string> = {
	officeHourPlans: 'ohp',
	officeHourSessions: 'ohs',
	familyEducationOffers: 'feo',
	childminderContacts: 'cmc',
	childminderArrangements: 'cma',
	cooperationPartners: 'cop',
	preventionProfiles: 'prp',
	preventionOffers: 'pro',
	qualifications: 'qua'
};

/**
 * One id per criterion and entry, so citing the same entry twice (or on two devices offline) meets
 * in one record, and citing it again after removing it revives that record. Entry ids are unique
 * across facilities (UUIDs, or derived from the facility), so the id needs no facility part.
 */
export function registerCitationId(
	criterionId: string,
	registerTable: CitableRegisterTable,
	entryId: string
): string {
	return `${criterionId}~${TABLE_CODES[registerTable]}~${entryId}`;
}
