import { registerEntries } from './entries';

/** Erziehungsberatung: the office-hour plan and the log of sessions held. */
export const officeHourPlans = registerEntries('officeHourPlans');
export const officeHourSessions = registerEntries('officeHourSessions');

export const addOfficeHourPlan = officeHourPlans.add;
export const updateOfficeHourPlan = officeHourPlans.update;
export const deleteOfficeHourPlan = officeHourPlans.remove;

export const addOfficeHourSession = officeHourSessions.add;
export const updateOfficeHourSession = officeHourSessions.update;
export const deleteOfficeHourSession = officeHourSessions.remove;
