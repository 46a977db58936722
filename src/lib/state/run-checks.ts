// The lesson's checks, run on what a run produced once it has ended.
import { evaluateChecks, type CheckResult, type LessonCheck, type LoggedCall, type UiCall } from '../checks/index.ts'
import type { TraceEvent } from '../sim/trace.ts'
import type { ServerStat } from '../sim/servers/types.ts'
import type { ConsoleEntry, LearnerError, RunEnd } from '../runner/run-output.ts'
import { logValueToData } from '../runner/log-value.ts'
import { checkedEnd } from './run-end.ts'

export interface FinishedRun {
  trace: readonly TraceEvent[]
  /** every console line of the run (none dropped), Wirelab's hints among them */
  console: readonly ConsoleEntry[]
  errors: readonly LearnerError[]
  serverStats: ServerStat[]
  uiCalls: UiCall[]
  end: RunEnd
  /** simulated ms when it ended */
  at: number
  /** the run had a pub/sub broker between its instances */
  broker?: boolean
}

export function checkRun(checks: readonly LessonCheck[], run: FinishedRun): CheckResult[] {
  // Wirelab's own hints are not the learner's logging
  const console: LoggedCall[] = run.console
    .filter((e) => !e.hint)
    .map((e) => ({
      level: e.level,
      t: e.t,
      values: e.args.map(logValueToData),
      ...(e.client ? { client: e.client } : {}),
      ...(e.cause ? { cause: e.cause } : {}),
    }))
  return evaluateChecks(checks, {
    trace: run.trace,
    console,
    errors: run.errors.map((e) => `${e.name}: ${e.message}`),
    server: run.serverStats,
    ui: run.uiCalls,
    end: checkedEnd(run.end, run.at, run.errors),
    broker: run.broker ?? false,
  })
}
