// The checks API lessons are written against (`import { defineChecks } from 'wirelab/checks'`).
// A check reads what the run produced (the trace, the console and ui calls with what the code was
// handling when it made each, how the run ended) and says pass or fail in words the learner can act on.
import type { LessonCheck } from './types.ts'

export type { CallCause, CheckOutcome, CheckResult, LessonCheck, LoggedCall, RunEnd, RunRecord, UiCall } from './types.ts'
export { RunQuery, lineOf } from './run-query.ts'
export { evaluateChecks, unfinishedReason } from './evaluate.ts'
export { carries, payloadOf } from './payload.ts'
export { firstDifference, normalize, sameText } from './text.ts'
export { formatSeconds } from './format.ts'

export function defineChecks(checks: LessonCheck[]): LessonCheck[] {
  const ids = new Set<string>()
  for (const check of checks) {
    if (ids.has(check.id)) throw new Error(`Two checks share the id "${check.id}"`)
    ids.add(check.id)
  }
  return checks
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
