// The run half of a lesson's state: the run on screen (or an opened trace), how time moves, the replay
// cursor and the selection. Its state is read-only to components (private $state behind getters, as
// the svelte.dev playground's Workspace keeps it); what one run produced lives in one RunOnScreen,
// replaced whole when a run starts or a trace is opened. LessonSession adds the code, the checks'
// progress and the questions.
import type { LessonContent } from '../lesson/types.ts'
import type { TraceEvent } from '../sim/trace.ts'
import type { Fault } from '../sim/simulation.ts'
import type { ConsoleEntry, RunEnd } from '../runner/run-output.ts'
import { Playback } from './playback.svelte.ts'
import { ConsoleLog } from './console-log.svelte.ts'
import { loadSpeed, saveSpeed } from './speed.ts'
import { offlineUntil } from '../sim/offline.ts'
import { pressedFaults } from './pressed-faults.ts'
import { RunOnScreen, type RunStatus } from './run-on-screen.svelte.ts'
import { startRun, type StartedRun } from './start-run.ts'
import type { ServerDraft } from './server-draft.svelte.ts'
import { findSeq } from '../sim/trace-prefix.ts'
import { FrameBatch } from './frame-batch.ts'

/** a search parameter of the page's address as a number (the test knobs), or `fallback` */
export const knob = (name: string, fallback: number) => Number(new RegExp(`[?&]${name}=(\\d+)`).exec(globalThis.location?.search ?? '')?.[1] ?? fallback)

export abstract class RunSession {
  /** what the run on screen produced: one object, replaced whole */
  #run = $state.raw(new RunOnScreen())
  /** the learner's last choice in this browser (a deep link's skip ahead is not a choice) */
  #speed = $state(loadSpeed())
  /** time moves only when the learner presses Step */
  #paused = $state(false)
  /** start each run paused, to follow it step by step */
  #startPaused = $state(false)
  /** the pub/sub broker between server instances, for the next run (lessons with several instances) */
  #brokerOn = $state(false)
  /** serve over HTTP/2 in the next run (lessons that offer the choice: scenario.httpChoice) */
  #http2On = $state(false)
  /** whether the run on screen has a broker (brokerOn may change before the next Run) */
  #brokerInRun = $state(false)

  /** the console pane of the current run */
  readonly console: ConsoleLog
  /** the replay cursor all views read (null: show everything, following the run) */
  readonly playback = new Playback(() => this.trace)
  readonly selected = $derived(findSeq(this.trace, this.selectedSeq))
  readonly running = $derived(this.status === 'starting' || this.status === 'running')
  /** the faults the learner pressed during the run on screen, for the run bar */
  readonly faultsPressed = $derived(pressedFaults(this.trace))
  /** while a run is live and an offline fault has the network down: when it is back (simulated ms) */
  readonly offlineUntil = $derived(this.running ? offlineUntil(this.trace, this.simNow) : null)

  private readonly frames = new FrameBatch(() => {
    this.copyRun?.()
    this.console.flush()
  })
  /** copies the running simulation's trace and counters into the view state */
  private copyRun: (() => void) | null = null
  private current: StartedRun | null = null
  /** a deep link's step, shown when the run it started ends */
  private replayStep: number | null = null
  private speedBeforeReplay = 1

  constructor(readonly lesson: LessonContent) {
    this.console = new ConsoleLog(lesson.meta.scenario.clients.length > 1)
    this.#brokerOn = lesson.meta.scenario.broker !== null
    this.#http2On = lesson.meta.scenario.http === '2'
    this.#brokerInRun = this.#brokerOn
  }

  /** the code a run runs (saved first) */
  protected abstract codeToRun(): string
  /** the server code the learner edits, for the next run (null: the lesson's own servers only) */
  protected serverToRun(): ServerDraft | null {
    return null
  }
  /** a run of this page ended: its results are checked and kept */
  protected abstract runEnded(run: RunOnScreen, why: RunEnd, at: number): void

  get status(): RunStatus {
    return this.#run.status
  }
  get simNow(): number {
    return this.#run.simNow
  }
  get speed(): number {
    return this.#speed
  }
  get paused(): boolean {
    return this.#paused
  }
  get startPaused(): boolean {
    return this.#startPaused
  }
  get brokerOn(): boolean {
    return this.#brokerOn
  }
  get brokerInRun(): boolean {
    return this.#brokerInRun
  }
  get http2On(): boolean {
    return this.#http2On
  }
  get outputs(): RunOnScreen['outputs'] {
    return this.#run.outputs
  }
  get errors(): RunOnScreen['errors'] {
    return this.#run.errors
  }
  get trace(): readonly TraceEvent[] {
    return this.#run.trace
  }
  get results(): RunOnScreen['results'] {
    return this.#run.results
  }
  /** the results shown are from a run of an earlier visit, made then (ms since 1970); null: from this visit */
  get resultsFrom(): number | null {
    return this.#run.resultsFrom
  }
  get serverStats(): RunOnScreen['serverStats'] {
    return this.#run.serverStats
  }
  get selectedSeq(): number | null {
    return this.#run.selectedSeq
  }
  /** a problem that kept the run from starting at all (not the learner's fault) */
  get runnerProblem(): string | null {
    return this.#run.runnerProblem
  }
  /** a step link pointed past the end of the run it made (it was made from other code) */
  get stepProblem(): string | null {
    return this.#run.stepProblem
  }
  /** what the learner's code sent past the run's caps, summed over its clients */
  get leftOut(): RunOnScreen['leftOut'] {
    return this.#run.leftOut
  }
  get durationMs(): number {
    // ?wirelab-duration=N ends runs after N simulated ms at most: a test knob, like wirelab-noise
    return Math.min(this.lesson.meta.scenario.durationMs, knob('wirelab-duration', Infinity))
  }

  /** the learner picks a speed: it applies at once, to a running run too, and is remembered */
  chooseSpeed(speed: number): void {
    this.#speed = speed
    saveSpeed(speed)
  }
  chooseStartPaused(on: boolean): void {
    this.#startPaused = on
  }
  /** the broker for the next run (lessons with several server instances) */
  chooseBroker(on: boolean): void {
    this.#brokerOn = on
  }
  /** HTTP/2 or HTTP/1.1 for the next run (lessons that offer the choice) */
  chooseHttp2(on: boolean): void {
    this.#http2On = on
  }
  select(seq: number | null): void {
    this.#run.selectedSeq = seq
  }
  dismissStepProblem(): void {
    this.#run.stepProblem = null
  }

  /** replay a saved trace: no run, no checks; the views and the replay controls read it */
  loadTrace(events: TraceEvent[]): void {
    this.stop()
    const run = this.newRun('imported')
    run.trace = events
    run.simNow = events.reduce((max, e) => Math.max(max, e.arrives), 0)
    this.playback.goTo(0)
  }

  /** a link to a step: run the code again at skip-ahead speed (same code, same trace), then show that step */
  async replayTo(step: number): Promise<void> {
    if (this.running) return
    this.replayStep = step
    this.speedBeforeReplay = this.#speed
    this.#speed = Infinity
    await this.run()
  }

  async run(): Promise<void> {
    this.stop()
    const code = this.codeToRun()
    const run = this.newRun('starting')
    this.playback.follow()
    this.#brokerInRun = this.#brokerOn
    try {
      this.current = await startRun({
        lesson: this.lesson,
        code,
        server: this.serverToRun(),
        broker: this.#brokerOn ? (this.lesson.meta.scenario.broker ?? { latencyMs: 1 }) : null,
        http: this.lesson.meta.scenario.httpChoice ? (this.#http2On ? '2' : '1.1') : this.lesson.meta.scenario.http,
        durationMs: this.durationMs,
        startPaused: this.#startPaused,
        // ?wirelab-noise=30 delays the transport randomly by up to 30 ms: the determinism tests use it
        noiseMs: knob('wirelab-noise', 0),
        speed: () => this.#speed,
        run,
        onConsole: (entry) => this.addConsole(entry),
        onTraceChange: () => this.frames.queue(),
        copyRun: (copy) => (this.copyRun = copy),
        onStarted: () => {
          this.#paused = this.#startPaused
          run.status = 'running'
        },
        onEnd: (why, at) => {
          this.frames.now()
          this.copyRun = null
          run.simNow = at
          run.status = why
          if (this.#run === run) this.current = null
          this.runEnded(run, why, at)
          if (this.replayStep !== null) {
            this.#speed = this.speedBeforeReplay
            this.showStep(this.replayStep)
            this.replayStep = null
          }
        },
      })
      await this.current.started
    } catch (error) {
      run.status = 'error'
      this.current = null
      run.runnerProblem = error instanceof Error ? error.message : String(error)
    }
  }

  stop(): void {
    this.current?.stop()
  }

  /** a fault on demand (the toolbar, or a connection picked in the inspector) */
  fault(fault: Fault): void {
    this.current?.fault(fault)
  }

  pause(): void {
    this.current?.pause()
    if (this.current) this.#paused = true
  }

  resume(): void {
    this.current?.resume()
    this.#paused = false
  }

  /** one step: to the next client timer or server action */
  async step(): Promise<void> {
    const now = await this.current?.step()
    if (now !== null && now !== undefined) this.#run.simNow = now
  }

  /** results of an earlier visit's run, shown again (before any run of this visit) */
  protected showEarlierResults(results: NonNullable<RunOnScreen['results']>, from: number): void {
    this.#run.results = results
    this.#run.resultsFrom = from
  }

  /** a run starts, or a trace is opened: nothing of the run before stays on screen */
  private newRun(status: RunStatus): RunOnScreen {
    this.console.reset()
    this.#run = new RunOnScreen(status)
    return this.#run
  }

  /** a link's step, once the run is made; one past the end is said, never swapped for another step */
  private showStep(step: number): void {
    const total = this.trace.length
    if (step <= total) {
      this.playback.goTo(step)
      return
    }
    this.playback.follow()
    this.#run.stepProblem = `The link points to step ${step}, but this run has only ${total} step${total === 1 ? '' : 's'}: the link was made from other code (a share link carries its code, a step link does not). The whole run is shown instead.`
  }

  private addConsole(entry: ConsoleEntry): void {
    this.console.add(entry)
    this.frames.queue()
  }
}
