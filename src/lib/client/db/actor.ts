import { z } from 'zod';

/** Who is working on this device: the display name goes into every record's `updatedBy`. */
export const localActorSchema = z.object({
	displayName: z.string().trim().min(1).max(120),
	/** The server account, once someone has signed in on this device. */
	userId: z.string().min(1).nullable().default(null)
});
export type LocalActor = z.infer<typeof localActorSchema>;
export type LocalActorInput = z.input<typeof localActorSchema>;
