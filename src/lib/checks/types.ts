// What a check reads (RunRecord) and says (CheckOutcome, CheckResult). Plain data, so that the page,
// Node-side tests and the lesson tools all build and read it the same way.
import type { TraceEvent } from '../sim/trace.ts'
import type { ServerStat } from '../sim/servers/types.ts'
import type { RunQuery } from './run-query.ts'

/**
 * What the learner's code was handling when it made a call: its top level, a timer, or something the
 * browser delivered on connection `conn` (its name on the wire, e.g. "c1", "c1.2", "A1") by the trace
 * event whose seq is `event`: an SSE event (`sse-event`), the stream opening or failing (`sse-open`,
 * `sse-error`), a WebSocket event (`ws-event`: open, message, error or close), or a fetch response,
 * its body or its failure (`fetch`). What an `await` chain does in the same task counts as handling the
 * same thing.
 */
export interface CallCause {
  kind: 'top' | 'timer' | 'sse-event' | 'sse-open' | 'sse-error' | 'ws-event' | 'fetch'
  conn?: string
  event?: number
}

/** one console call from the learner's code, its arguments as plain data */
export interface LoggedCall {
  level: 'log' | 'info' | 'warn' | 'error' | 'debug'
  /** simulated ms */
  t: number
  values: unknown[]
  /** the learner client that logged it ("Bob"), when the lesson runs several */
  client?: string
  /** what the code was handling when it logged this */
  cause?: CallCause
}

/** one call of the `ui` helper (`op`: list, append, scoreboard, chat, clear) with its arguments */
export interface UiCall {
  t: number
  client?: string
  operation: { op: string } & Record<string, unknown>
  cause?: CallCause
}

/** how the run ended: `finished` at the lesson's duration, or stopped early, and why in plain words */
export interface RunEnd {
  status: 'finished' | 'stopped' | 'error' | 'hung'
  /** simulated ms */
  at: number
  /** why it did not finish, as the learner was told */
  reason?: string
}

export interface RunRecord {
  trace: readonly TraceEvent[]
  console: readonly LoggedCall[]
  /** errors the learner's code raised, in words */
  errors: readonly string[]
  /** what the simulated server counted (requests served, empty answers …) */
  server: readonly ServerStat[]
  ui?: readonly UiCall[]
  end?: RunEnd
  /** the run had a pub/sub broker between its server instances (the learner may switch it off) */
  broker?: boolean
}

export interface CheckOutcome {
  pass: boolean
  /** what the learner should know: why it passed, or what to change (say what is missing and where to look) */
  message: string
  /**
   * true when a fault the learner pressed explains this failure and the message says how ("You
   * restarted the server at 6.500 s: …"): the check is then reported as not judged, with this message
   */
  disturbed?: boolean
}

export interface CheckResult extends CheckOutcome {
  id: string
  title: string
  /** not judged on its merits: the run did not finish, or a fault the learner pressed got in the way */
  unjudged?: boolean
}

export interface LessonCheck {
  /** stable id, e.g. "logs-three-scores" */
  id: string
  /** the requirement, shown before and after the run */
  title: string
  /** the claims of lessons/_claims.yml that passing this check proves the learner did (docs/curriculum.md) */
  claims?: number[]
  /**
   * true when the check only holds for a run the learner did not disturb: if they pressed a fault
   * (drop, restart, offline), a failure is reported as "the run was disturbed", not as their mistake
   */
  undisturbed?: boolean
  run(run: RunQuery): CheckOutcome
}
