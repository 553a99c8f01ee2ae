// What happens after each admission, in one place: every screen that scans goes through the
// engine, so no screen can skip a step. A new step (the venue hub, a turnstile pulse) is one more
// entry in the list the engine is built with. Steps run after the verdict is on its way to the
// screen and never delay it; a step that fails never touches the others.
import type { ShowId } from '../domain/types.ts';

export interface RecordedAdmission {
  showId: ShowId;
  code: string;
  checkedAt: string;
}

export type AdmissionStep = (admission: RecordedAdmission) => void | Promise<void>;

export function runSteps(steps: readonly AdmissionStep[], admission: RecordedAdmission): void {
  for (const step of steps) {
    try {
      void Promise.resolve(step(admission)).catch(() => undefined);
    } catch {
      // A step's own failure is its business (each retries in its own way); the door goes on.
    }
  }
}
