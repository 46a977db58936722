import type { LearnerError } from '../../runner/run-output.ts'

/** an editor marker for each error that has a place in the learner's code */
export interface CodeMarker {
  line: number
  column: number
  message: string
}

export function markersFor(errors: readonly LearnerError[]): CodeMarker[] {
  return errors.flatMap((e) => (e.location ? [{ line: e.location.line, column: e.location.column, message: `${e.name}: ${e.message}` }] : []))
}
