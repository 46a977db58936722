// The state of one open lesson: the learner's code, the current run and what it produced. Components
// render it and call its methods; it holds no DOM.
import type { LessonContent } from '../lesson/types.ts'
import type { LessonCheck, CheckResult, LoggedCall, UiCall } from '../checks/index.ts'
import { evaluateChecks } from '../checks/index.ts'
import type { TraceEvent } from '../sim/trace.ts'
import type { Fault } from '../sim/simulation.ts'
import type { ServerStat } from '../sim/servers/types.ts'
import type { ConsoleEntry, LearnerError, RunEnd } from '../runner/run-output.ts'
import { logValueToData } from '../runner/log-value.ts'
import { Playback } from './playback.svelte.ts'
import { ConsoleLog } from './console-log.svelte.ts'
import { QuestionAnswers } from './question-answers.svelte.ts'
import { applyUi, emptyOutput, type OutputView, type UiOperation } from '../runner/output-model.ts'
import type { CodeStore } from './code-store.ts'
import { loadSpeed, saveSpeed } from './speed.ts'
import { offlineUntil } from '../sim/offline.ts'
import { pressedFaults } from './pressed-faults.ts'
import { checkedEnd } from './run-end.ts'
import { lessonCompletion } from '../lesson/questions.ts'
import { browserProgressStore, type ProgressStore } from './progress-store.ts'
import { restoredResults, type LessonProgress } from './progress-record.ts'
import { LessonProgressKeeper } from './lesson-progress.svelte.ts'

/** 'imported': a trace file opened for replay, not a run of this page */
export type RunStatus = 'idle' | 'starting' | 'running' | 'imported' | RunEnd

const loadRunner = () => Promise.all([import('../runner/learner-run.ts'), import('./create-simulation.ts'), import('./run-host.ts')])

export class LessonSession {
  code = $state('')
  status = $state<RunStatus>('idle')
  simNow = $state(0)
  /** the learner's last choice in this browser (a deep link's skip ahead is not a choice) */
  speed = $state(loadSpeed())
  /** time moves only when the learner presses Step */
  paused = $state(false)
  /** start each run paused, to follow it step by step */
  startPaused = $state(false)
  /** the console pane of the current run */
  readonly console: ConsoleLog
  /** the Output pane, per client ('' in a lesson with one client) */
  outputs = $state.raw<Array<{ client: string; view: OutputView }>>([])
  errors = $state.raw<LearnerError[]>([])
  trace = $state.raw<readonly TraceEvent[]>([])
  results = $state.raw<CheckResult[] | null>(null)
  serverStats = $state.raw<ServerStat[]>([])
  selectedSeq = $state<number | null>(null)
  saveProblem = $state<string | null>(null)
  /** the pub/sub broker between server instances, for the next run (lessons with several instances) */
  brokerOn = $state(false)
  /** whether the run on screen has a broker (brokerOn may change before the next Run) */
  brokerInRun = $state(false)
  /** serve over HTTP/2 in the next run (lessons that offer the choice: scenario.httpChoice) */
  http2On = $state(false)
  /** a problem that kept the run from starting at all (not the learner's fault) */
  runnerProblem = $state<string | null>(null)
  /** a step link pointed past the end of the run it made (it was made from other code) */
  stepProblem = $state<string | null>(null)
  /** the code another tab saved for this lesson while this one has other code: the learner chooses */
  otherTabCode = $state<string | null>(null)
  /** what the learner's code sent past the run's caps, summed over its clients (not shown, only counted) */
  leftOut = $state.raw({ console: 0, ui: 0, errors: 0 })
  /** plain (not reactive): only `leftOut`, computed from it, is shown */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private readonly leftOutByClient = new Map<string, { console: number; ui: number; errors: number }>()
  private readonly unwatch: () => void
  /** the run's ui calls with their causes, for the checks (the Output pane shows the folded view) */
  private uiCalls: UiCall[] = []

  /** the learner's answers to the lesson's questions (they count with the checks) */
  readonly answers: QuestionAnswers
  /** check results, answers, solved and last visited: kept across visits and tabs */
  readonly progress: LessonProgressKeeper
  /** the results shown are from a run of an earlier visit, made then (ms since 1970); null: from this visit */
  resultsFrom = $state<number | null>(null)

  /** the replay cursor all views read (null: show everything, following the run) */
  readonly playback = new Playback(() => this.trace)

  readonly selected = $derived(this.trace.find((e) => e.seq === this.selectedSeq) ?? null)
  readonly running = $derived(this.status === 'starting' || this.status === 'running')
  /** the faults the learner pressed during the run on screen, for the run bar */
  readonly faultsPressed = $derived(pressedFaults(this.trace))
  /** while a run is live and an offline fault has the network down: when it is back (simulated ms) */
  readonly offlineUntil = $derived(this.running ? offlineUntil(this.trace, this.simNow) : null)

  private frameQueued = false
  /** copies the running simulation's trace and counters into the view state */
  private copyRun: (() => void) | null = null
  private current: {
    stop(): void
    pause(): void
    resume(): void
    step(): Promise<number | null>
    fault(fault: Fault): void
  } | null = null
  private saveTimer: ReturnType<typeof setTimeout> | null = null
  /** a deep link's step, shown when the run it started ends */
  private replayStep: number | null = null
  private speedBeforeReplay = 1

  constructor(
    readonly lesson: LessonContent,
    readonly checks: readonly LessonCheck[],
    private readonly store: CodeStore,
    progressStore: ProgressStore = browserProgressStore(),
  ) {
    this.code = store.load(lesson.slug) ?? lesson.starter
    this.console = new ConsoleLog(lesson.meta.scenario.clients.length > 1)
    this.answers = new QuestionAnswers(lesson.meta.questions, () => this.saveProgress({ answers: this.answers.saved() }))
    this.progress = new LessonProgressKeeper(lesson.slug, progressStore)
    this.restoreProgress()
    this.brokerOn = lesson.meta.scenario.broker !== null
    this.brokerInRun = this.brokerOn
    this.http2On = lesson.meta.scenario.http === '2'
    this.unwatch = store.watch(lesson.slug, (saved) => {
      const code = saved ?? lesson.starter
      this.otherTabCode = code === this.code ? null : code
    })
  }

  /** the page goes away */
  destroy(): void {
    this.flush()
    this.unwatch()
    this.progress.destroy()
    this.stop()
  }

  /** every check passed (once) with every question answered right */
  get solved(): boolean {
    return this.progress.solved
  }

  /** the last run's results and the answers of an earlier visit, shown again; this visit is noted */
  private restoreProgress(): void {
    const kept = this.progress.progress
    const results = restoredResults(
      kept,
      this.checks.map((c) => c.id),
    )
    if (results) {
      this.results = results.map((r, i) => ({ ...r, title: this.checks[i]!.title }))
      this.resultsFrom = kept.lastRun!.at
    }
    this.answers.restore(kept.answers)
    this.saveProgress({ visitedAt: Date.now() })
  }

  /** saves a change of progress, and marks the lesson solved when the checks and questions are all right */
  private saveProgress(change: Partial<LessonProgress>): void {
    const complete = lessonCompletion(this.results, this.checks.length, this.answers.results, this.answers.questions.length).complete
    this.progress.update(complete && !this.progress.solved ? { ...change, solvedAt: Date.now() } : change)
  }

  /** take the code the other tab saved (the editor keeps this tab's code in its undo history) */
  useOtherTabCode(): void {
    const code = this.otherTabCode
    if (code === null) return
    this.otherTabCode = null
    this.edit(code)
    this.flush()
  }

  /** keep this tab's code: it is saved now, and the other tab is asked in turn */
  keepThisTabCode(): void {
    this.otherTabCode = null
    this.flush()
  }

  /** the server instances behind the load balancer (1: none) */
  get instances(): number {
    return this.lesson.meta.scenario.instances
  }

  get durationMs(): number {
    // ?wirelab-duration=N ends runs after N simulated ms at most: a test knob, like wirelab-noise
    const cap = Number(/[?&]wirelab-duration=(\d+)/.exec(location.search)?.[1] ?? Infinity)
    return Math.min(this.lesson.meta.scenario.durationMs, cap)
  }

  /** the learner typed: keep it, and save it shortly after they pause */
  edit(code: string): void {
    this.code = code
    if (this.saveTimer) clearTimeout(this.saveTimer)
    this.saveTimer = setTimeout(() => this.flush(), 300)
  }

  flush(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer)
    this.saveTimer = null
    // another tab saved this lesson: nothing is overwritten until the learner has chosen
    if (this.otherTabCode !== null) return
    this.saveProblem = this.code === this.lesson.starter ? (this.store.clear(this.lesson.slug), null) : this.store.save(this.lesson.slug, this.code)
  }

  /**
   * Load the runner and start msw while the learner reads, so that Run answers at once. Failures are
   * ignored here: Run tries again and shows them.
   */
  warmUp(): void {
    void loadRunner()
      .then(([, , host]) => host.ensureMockStarted())
      .catch(() => undefined)
  }

  /** replay a saved trace: no run, no checks; the views and the replay controls read it */
  loadTrace(events: TraceEvent[]): void {
    this.stop()
    this.trace = events
    this.console.reset()
    this.errors = []
    this.results = null
    this.resultsFrom = null
    this.serverStats = []
    this.selectedSeq = null
    this.simNow = events.reduce((max, e) => Math.max(max, e.arrives), 0)
    this.status = 'imported'
    this.playback.goTo(0)
  }

  /** the learner picks a speed: it applies at once, to a running run too, and is remembered */
  chooseSpeed(speed: number): void {
    this.speed = speed
    saveSpeed(speed)
  }

  /** a link to a step: run the code again at skip-ahead speed (same code, same trace), then show that step */
  async replayTo(step: number): Promise<void> {
    if (this.running) return
    this.replayStep = step
    this.speedBeforeReplay = this.speed
    this.speed = Infinity
    await this.run()
  }

  async run(): Promise<void> {
    let unregister = () => {}
    this.stop()
    this.flush()
    this.status = 'starting'
    this.console.reset()
    this.outputs = []
    this.errors = []
    this.trace = []
    this.playback.follow()
    this.results = null
    this.resultsFrom = null
    this.selectedSeq = null
    this.simNow = 0
    this.serverStats = []
    this.runnerProblem = null
    this.stepProblem = null
    this.leftOut = { console: 0, ui: 0, errors: 0 }
    this.leftOutByClient.clear()
    this.uiCalls = []
    try {
      const [{ LearnerRun }, { createSimulation }, host] = await loadRunner()
      const runId = await host.nextRunId()
      const scenario = this.lesson.meta.scenario
      const broker = this.brokerOn ? (scenario.broker ?? { latencyMs: 1 }) : null
      this.brokerInRun = broker !== null
      const http = scenario.httpChoice ? (this.http2On ? '2' : '1.1') : scenario.http
      const sim = createSimulation({ ...scenario, broker, http }, location.host, this.lesson.servers)
      this.copyRun = () => {
        this.trace = sim.trace.events.slice()
        this.serverStats = sim.serverStats()
      }
      sim.trace.subscribe(() => this.queueFrame())
      const run = new LearnerRun({
        runId,
        code: this.code,
        language: this.lesson.language,
        sim,
        durationMs: this.durationMs,
        clients: scenario.clients.length > 1 ? scenario.clients.map((c) => c.name) : undefined,
        speed: () => this.speed,
        startPaused: this.startPaused,
        limits: this.lesson.meta.scenario.limits,
        // ?wirelab-noise=30 delays the transport randomly by up to 30 ms: the determinism tests use it
        noiseMs: Number(/[?&]wirelab-noise=(\d+)/.exec(location.search)?.[1] ?? 0),
        onConsole: (entry) => this.addConsole(entry),
        onUi: (client, operation, t, cause) => {
          this.uiCalls.push({ t, operation, cause, ...(client ? { client } : {}) })
          this.applyUi(client, operation, t)
        },
        onError: (error) => (this.errors = [...this.errors, error]),
        onProgress: (now) => (this.simNow = now),
        onDropped: (dropped, client) => {
          this.leftOutByClient.set(client ?? '', dropped)
          const all = [...this.leftOutByClient.values()]
          this.leftOut = { console: sum(all, 'console'), ui: sum(all, 'ui'), errors: sum(all, 'errors') }
        },
        onEnd: (why) => {
          unregister()
          this.flushFrame()
          this.copyRun = null
          this.simNow = sim.now
          this.status = why
          this.current = null
          this.evaluate(why, sim.now)
          if (this.replayStep !== null) {
            this.speed = this.speedBeforeReplay
            this.showStep(this.replayStep)
            this.replayStep = null
          }
        },
      })
      unregister = host.registerRun(runId, run)
      this.current = run
      this.paused = this.startPaused
      this.status = 'running'
      await run.start()
    } catch (error) {
      unregister()
      this.status = 'error'
      this.current = null
      this.runnerProblem = error instanceof Error ? error.message : String(error)
    }
  }

  stop(): void {
    this.current?.stop()
  }

  /** a link's step, once the run is made; one past the end is said, never swapped for another step */
  private showStep(step: number): void {
    const total = this.trace.length
    if (step <= total) {
      this.playback.goTo(step)
      return
    }
    this.playback.follow()
    this.stepProblem = `The link points to step ${step}, but this run has only ${total} step${total === 1 ? '' : 's'}: the link was made from other code (a share link carries its code, a step link does not). The whole run is shown instead.`
  }

  /** a fault on demand (the toolbar, or a connection picked in the inspector) */
  fault(fault: Fault): void {
    this.current?.fault(fault)
  }

  pause(): void {
    this.current?.pause()
    if (this.current) this.paused = true
  }

  resume(): void {
    this.current?.resume()
    this.paused = false
  }

  /** one step: to the next client timer or server action */
  async step(): Promise<void> {
    const now = await this.current?.step()
    if (now !== null && now !== undefined) this.simNow = now
  }

  /** put the starter code back (the editor keeps the old text in its undo history) */
  reset(): void {
    this.edit(this.lesson.starter)
    this.flush()
  }

  useSolution(): void {
    this.edit(this.lesson.solution)
    this.flush()
  }

  select(seq: number | null): void {
    this.selectedSeq = seq
  }

  private applyUi(client: string, operation: UiOperation, t: number): void {
    const i = this.outputs.findIndex((o) => o.client === client)
    const previous = i >= 0 ? this.outputs[i]!.view : emptyOutput()
    const next = { client, view: applyUi(previous, operation, t) }
    this.outputs = i >= 0 ? this.outputs.map((o, j) => (j === i ? next : o)) : [...this.outputs, next].sort((a, b) => a.client.localeCompare(b.client))
  }

  private addConsole(entry: ConsoleEntry): void {
    this.console.add(entry)
    this.queueFrame()
  }

  /**
   * The views follow the run at most once per frame: copying the trace and re-rendering for every
   * event made the page, not the simulation, the bottleneck (74 events/s in the first bench).
   */
  private queueFrame(): void {
    if (this.frameQueued) return
    this.frameQueued = true
    if (document.visibilityState === 'visible') requestAnimationFrame(() => this.flushFrame())
    else setTimeout(() => this.flushFrame(), 50)
  }

  private flushFrame(): void {
    this.frameQueued = false
    this.copyRun?.()
    this.console.flush()
  }

  private evaluate(end: RunEnd, at: number): void {
    const console: LoggedCall[] = this.console.everyLine
      .filter((e) => !e.hint)
      .map((e) => ({
        level: e.level,
        t: e.t,
        values: e.args.map(logValueToData),
        ...(e.client ? { client: e.client } : {}),
        ...(e.cause ? { cause: e.cause } : {}),
      }))
    const errors = this.errors.map((e) => `${e.name}: ${e.message}`)
    this.results = evaluateChecks(this.checks, {
      trace: this.trace,
      console,
      errors,
      server: this.serverStats,
      ui: this.uiCalls,
      end: checkedEnd(end, at, this.errors),
    })
    const results = this.results.map((r) => ({ id: r.id, pass: r.pass, message: r.message.slice(0, 2000) }))
    this.saveProgress({ lastRun: { at: Date.now(), results } })
  }
}

function sum<K extends string>(rows: ReadonlyArray<Record<K, number>>, key: K): number {
  return rows.reduce((n, row) => n + row[key], 0)
}
