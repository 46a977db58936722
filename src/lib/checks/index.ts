// The checks API lessons are written against (`import { defineChecks } from 'wirelab/checks'`).
// A check reads what the run produced, the trace and the console, and says pass or fail in words the
// learner can act on.
import type { TraceEvent, HttpRequestEvent, HttpResponseEvent, SseEventEvent, WsFrameEvent } from '../sim/trace.ts'
import type { ServerStat } from '../sim/servers/types.ts'

/** one console call from the learner's code, its arguments as plain data */
export interface LoggedCall {
  level: 'log' | 'info' | 'warn' | 'error' | 'debug'
  /** simulated ms */
  t: number
  values: unknown[]
  /** the learner client that logged it ("Bob"), when the lesson runs several */
  client?: string
}

export interface RunRecord {
  trace: readonly TraceEvent[]
  console: readonly LoggedCall[]
  /** errors the learner's code raised, in words */
  errors: readonly string[]
  /** what the simulated server counted (requests served, empty answers …) */
  server: readonly ServerStat[]
}

export interface CheckOutcome {
  pass: boolean
  /** what the learner should know: why it passed, or what to change */
  message: string
}

export interface LessonCheck {
  /** stable id, e.g. "logs-three-scores" */
  id: string
  /** the requirement, shown before and after the run */
  title: string
  /** the claims of lessons/_claims.yml that passing this check proves the learner did (docs/curriculum.md) */
  claims?: number[]
  run(run: RunQuery): CheckOutcome
}

export interface CheckResult extends CheckOutcome {
  id: string
  title: string
}

/** convenient views of a run for check authors */
export class RunQuery {
  constructor(readonly record: RunRecord) {}

  requests(): HttpRequestEvent[] {
    return this.record.trace.filter((e): e is HttpRequestEvent => e.kind === 'http.request')
  }

  responses(): HttpResponseEvent[] {
    return this.record.trace.filter((e): e is HttpResponseEvent => e.kind === 'http.response')
  }

  sseEvents(): SseEventEvent[] {
    return this.record.trace.filter((e): e is SseEventEvent => e.kind === 'sse.event')
  }

  /** WebSocket frames, optionally only those from one end or of one opcode ("text", "close", "ping" …) */
  wsFrames(filter: { from?: 'client' | 'server'; opcode?: string } = {}): WsFrameEvent[] {
    return this.record.trace.filter(
      (e): e is WsFrameEvent => e.kind === 'ws.frame' && (!filter.from || e.from === filter.from) && (!filter.opcode || e.opcodeName === filter.opcode),
    )
  }

  /** console calls, all or only those of one client ("Bob") in a lesson with several */
  private calls(client?: string): readonly LoggedCall[] {
    return client === undefined ? this.record.console : this.record.console.filter((c) => c.client === client)
  }

  /** the values of every console.log / info / … call, first argument first (of one client, if named) */
  logged(client?: string): unknown[][] {
    return this.calls(client).map((c) => c.values)
  }

  /** each console call as one line of text, its values joined with spaces (as a console shows them) */
  loggedLines(client?: string): string[] {
    return this.calls(client).map((c) => c.values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(' '))
  }

  /** which of the `expected` lines were never logged, and which were logged more than once */
  compareLogged(expected: readonly string[]): { missing: string[]; repeated: string[] } {
    const lines = this.loggedLines()
    const count = (line: string) => lines.filter((l) => l === line).length
    return { missing: expected.filter((e) => count(e) === 0), repeated: expected.filter((e) => count(e) > 1) }
  }

  /** a number the server kept, e.g. serverStat('empty'), summed over the instances; 0 when the server does not count it */
  serverStat(id: string): number {
    return this.record.server.filter((s) => s.id === id).reduce((sum, s) => sum + s.value, 0)
  }

  /** events on the pub/sub broker: what instances published, and each delivery */
  brokerEvents(): Array<Extract<TraceEvent, { kind: 'pubsub.publish' | 'pubsub.deliver' }>> {
    return this.record.trace.filter(
      (e): e is Extract<TraceEvent, { kind: 'pubsub.publish' | 'pubsub.deliver' }> => e.kind === 'pubsub.publish' || e.kind === 'pubsub.deliver',
    )
  }

  /** the largest number of requests waiting at the same time (sent, not yet answered or closed) */
  maxConcurrentRequests(): number {
    const waiting = new Set<string>()
    let max = 0
    for (const e of this.record.trace) {
      if (e.kind === 'http.request') {
        waiting.add(e.conn)
        max = Math.max(max, waiting.size)
      } else if (e.kind === 'http.response' || e.kind === 'conn.close' || e.kind === 'conn.error') {
        waiting.delete(e.conn)
      }
    }
    return max
  }

  get errors(): readonly string[] {
    return this.record.errors
  }
}

export function defineChecks(checks: LessonCheck[]): LessonCheck[] {
  const ids = new Set<string>()
  for (const check of checks) {
    if (ids.has(check.id)) throw new Error(`Two checks share the id "${check.id}"`)
    ids.add(check.id)
  }
  return checks
}

/** run every check; a check that throws fails with the reason instead of breaking the page */
export function evaluateChecks(checks: readonly LessonCheck[], record: RunRecord): CheckResult[] {
  const query = new RunQuery(record)
  return checks.map((check) => {
    try {
      const outcome = check.run(query)
      return { id: check.id, title: check.title, pass: outcome.pass === true, message: String(outcome.message) }
    } catch (error) {
      return {
        id: check.id,
        title: check.title,
        pass: false,
        message: `This check could not be evaluated: ${error instanceof Error ? error.message : String(error)}`,
      }
    }
  })
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
