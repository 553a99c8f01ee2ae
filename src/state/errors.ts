// Failures as data for the screens, which word them (src/ui/errors/describe.ts).
export type { ApiError } from '../door/types.ts';
