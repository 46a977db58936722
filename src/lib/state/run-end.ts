// How a run ended, as the checks are told (checks/evaluate.ts says an unfinished run first). A run whose
// code could not start (a syntax error) still plays the scenario to its end with nothing on the client,
// so the runner reports it finished; for the checks it did not run at all.
import type { RunRecord } from '../checks/index.ts'
import type { LearnerError, RunEnd } from '../runner/run-output.ts'

export function checkedEnd(end: RunEnd, at: number, errors: readonly LearnerError[]): NonNullable<RunRecord['end']> {
  // why a run that did not finish stopped, as the console said it (a syntax error, the watchdog, a cap)
  const stop = errors.find((e) => e.phase !== 'runtime' && e.phase !== 'rejection')
  if (stop?.phase === 'syntax') {
    const where = stop.location ? ` (line ${stop.location.line})` : ''
    return { status: 'error', at: stop.t, reason: `your code could not start: ${stop.name}: ${stop.message}${where}` }
  }
  return { status: end, at, ...(stop ? { reason: stop.message } : {}) }
}
