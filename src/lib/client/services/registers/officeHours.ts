import { registerEntries } from './entries';

/** Erziehungsberatung: the office-hour plan and the log of sessions held. */
const plans = registerEntries('officeHourPlans');
const sessions = registerEntries('officeHourSessions');

export const addOfficeHourPlan = plans.add;
export const updateOfficeHourPlan = plans.update;
export const deleteOfficeHourPlan = plans.remove;

export const addOfficeHourSession = sessions.add;
export const updateOfficeHourSession = sessions.update;
export const deleteOfficeHourSession = sessions.remove;
