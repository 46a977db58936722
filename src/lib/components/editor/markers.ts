import type { LearnerError } from '../../runner/run-output.ts'

/** an editor marker for each error that has a place in the learner's code */
export interface CodeMarker {
  line: number
  column: number
  message: string
}

/** markers for the client code, or with `server` for the server code the learner edits */
export function markersFor(errors: readonly LearnerError[], server = false): CodeMarker[] {
  return errors.flatMap((e) =>
    e.location && (e.inServerCode ?? false) === server ? [{ line: e.location.line, column: e.location.column, message: `${e.name}: ${e.message}` }] : [],
  )
}
