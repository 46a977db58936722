// Everything one run produced, as the lesson page shows it: the trace, the console's errors, the Output
// pane, the check results, the selection. A new run (or an opened trace) replaces the whole object, so
// nothing of the run before can linger beside it. LessonSession hands these out read-only.
import type { CheckResult, UiCall } from '../checks/index.ts'
import type { TraceEvent } from '../sim/trace.ts'
import type { ServerStat } from '../sim/servers/types.ts'
import type { LearnerError } from '../runner/run-output.ts'
import { applyUi, emptyOutput, type OutputView, type UiOperation } from '../runner/output-model.ts'

/** 'imported': a trace file opened for replay, not a run of this page */
export type RunStatus = 'idle' | 'starting' | 'running' | 'imported' | import('../runner/run-output.ts').RunEnd

export interface LeftOut {
  console: number
  ui: number
  errors: number
}

export class RunOnScreen {
  status = $state<RunStatus>('idle')
  simNow = $state(0)
  /** the Output pane, per client ('' in a lesson with one client) */
  outputs = $state.raw<Array<{ client: string; view: OutputView }>>([])
  errors = $state.raw<LearnerError[]>([])
  trace = $state.raw<readonly TraceEvent[]>([])
  results = $state.raw<CheckResult[] | null>(null)
  /** the results shown are from a run of an earlier visit, made then (ms since 1970); null: from this visit */
  resultsFrom = $state<number | null>(null)
  serverStats = $state.raw<ServerStat[]>([])
  selectedSeq = $state<number | null>(null)
  /** a problem that kept the run from starting at all (not the learner's fault) */
  runnerProblem = $state<string | null>(null)
  /** a step link pointed past the end of the run it made (it was made from other code) */
  stepProblem = $state<string | null>(null)
  /** what the learner's code sent past the run's caps, summed over its clients (not shown, only counted) */
  leftOut = $state.raw<LeftOut>({ console: 0, ui: 0, errors: 0 })
  /** the run's ui calls with their causes, for the checks (the Output pane shows the folded view) */
  readonly uiCalls: UiCall[] = []
  /** plain (not reactive): only `leftOut`, computed from it, is shown */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private readonly leftOutByClient = new Map<string, LeftOut>()

  constructor(status: RunStatus = 'idle') {
    this.status = status
  }

  addError(error: LearnerError): void {
    this.errors = [...this.errors, error]
  }

  /** the learner's code used the `ui` helper: the call is kept for the checks and folded into its client's pane */
  applyUi(client: string, operation: UiOperation, call: UiCall): void {
    this.uiCalls.push(call)
    const i = this.outputs.findIndex((o) => o.client === client)
    const previous = i >= 0 ? this.outputs[i]!.view : emptyOutput()
    const next = { client, view: applyUi(previous, operation, call.t) }
    this.outputs = i >= 0 ? this.outputs.map((o, j) => (j === i ? next : o)) : [...this.outputs, next].sort((a, b) => a.client.localeCompare(b.client))
  }

  /** a client's running totals of what its code sent past the caps */
  dropped(client: string, dropped: LeftOut): void {
    this.leftOutByClient.set(client, dropped)
    const all = [...this.leftOutByClient.values()]
    this.leftOut = { console: sum(all, 'console'), ui: sum(all, 'ui'), errors: sum(all, 'errors') }
  }
}

function sum<K extends string>(rows: ReadonlyArray<Record<K, number>>, key: K): number {
  return rows.reduce((n, row) => n + row[key], 0)
}
