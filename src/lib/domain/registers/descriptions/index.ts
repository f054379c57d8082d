import { childmindingRegister } from './childminding';
import type { RegisterDescription, RegisterSegment } from './description';
import { familyEducationRegister } from './familyEducation';
import { officeHoursRegister } from './officeHours';
import { partnersRegister } from './partners';
import { preventionRegister } from './prevention';
import { qualificationsRegister } from './qualifications';

export * from './description';

/** The registers in the order the overview shows them. */
export const registerDescriptions: Record<RegisterSegment, RegisterDescription> = {
	sprechstunden: officeHoursRegister,
	familienbildung: familyEducationRegister,
	kindertagespflege: childmindingRegister,
	partner: partnersRegister,
	praevention: preventionRegister,
	qualifikationen: qualificationsRegister
};
