import type { ParamMatcher } from '@sveltejs/kit';
import { isRegisterSegment } from '$lib/domain/registers/descriptions/description';

/** `/register/<segment>` for the registers that have a description; other segments are a 404. */
export const match = ((param: string) => isRegisterSegment(param)) satisfies ParamMatcher;
