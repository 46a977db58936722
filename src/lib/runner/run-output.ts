// What a run of the learner's code produces besides the trace: console lines, errors, how it ended.
// The page's views, its state and the checks all read these types, so they live apart from the run
// coordinator (learner-run.ts).
import type { LogValue } from './log-value.ts'
import type { CodeLocation, ConsoleLevel } from './protocol.ts'

/**
 * What the learner's code was handling when it made a call: the top level, a timer, or something
 * delivered on connection `conn` (its name on the wire) by trace event `event` (its seq).
 */
export interface LineCause {
  kind: 'top' | 'timer' | 'sse-event' | 'sse-open' | 'sse-error' | 'ws-event' | 'fetch'
  conn?: string
  event?: number
}

export interface ConsoleEntry {
  level: ConsoleLevel
  /** simulated ms */
  t: number
  args: LogValue[]
  /** which learner client logged it ("Alice"), when the lesson runs several */
  client?: string
  /** that client's position: orders same-instant lines of several clients, whichever worker answered first */
  clientIndex?: number
  /** numbered by the page as lines arrive (the console's Clear hides lines up to a number) */
  seq?: number
  /** a hint from Wirelab, not something the learner's code logged (checks ignore it) */
  hint?: boolean
  /** what the learner's code was handling when it logged this */
  cause?: LineCause
}

export interface LearnerError {
  /** limit: a cap on network traffic; stopped: Wirelab ended the run for another reason (close(), tampering) */
  phase: 'syntax' | 'runtime' | 'rejection' | 'hang' | 'limit' | 'stopped'
  name: string
  message: string
  location: CodeLocation | null
  t: number
  /** which learner client it happened in, when the lesson runs several */
  client?: string
  /** in the server code the learner edits (the server.ts tab), not in the client code */
  inServerCode?: boolean
}

export type RunEnd = 'finished' | 'stopped' | 'error' | 'hung'
