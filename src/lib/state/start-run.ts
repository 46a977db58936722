// Starting one run of a lesson's code: the runner's modules are loaded on first use (they are not in
// the lesson page's chunk), a fresh simulation is made from the scenario, and the run's callbacks write
// into that run's own RunOnScreen, so a run that ends late cannot write over the next one's.
import type { LessonContent } from '../lesson/types.ts'
import type { Scenario } from '../lesson/schema.ts'
import type { Fault } from '../sim/simulation.ts'
import type { ConsoleEntry, RunEnd } from '../runner/run-output.ts'
import type { RunOnScreen } from './run-on-screen.svelte.ts'

export const loadRunner = () => Promise.all([import('../runner/learner-run.ts'), import('./create-simulation.ts'), import('./run-host.ts')])

/** what the session may do to a run that has started */
export interface StartedRun {
  /** settles when the run's code has started (or failed to) */
  started: Promise<void>
  stop(): void
  pause(): void
  resume(): void
  step(): Promise<number | null>
  fault(fault: Fault): void
}

export interface StartRunOptions {
  lesson: LessonContent
  code: string
  broker: Scenario['broker']
  durationMs: number
  startPaused: boolean
  noiseMs: number
  speed: () => number
  /** where the run's output goes */
  run: RunOnScreen
  onConsole: (entry: ConsoleEntry) => void
  /** the trace grew (the session copies it into `run` once a frame, with `copy`) */
  onTraceChange: () => void
  copyRun: (copy: () => void) => void
  /** the run is about to start its code */
  onStarted: () => void
  onEnd: (why: RunEnd, at: number) => void
}

export async function startRun(o: StartRunOptions): Promise<StartedRun> {
  const [{ LearnerRun }, { createSimulation }, host] = await loadRunner()
  const runId = await host.nextRunId()
  const scenario = o.lesson.meta.scenario
  const sim = createSimulation({ ...scenario, broker: o.broker }, location.host, o.lesson.servers)
  o.copyRun(() => {
    o.run.trace = sim.trace.events.slice()
    o.run.serverStats = sim.serverStats()
  })
  sim.trace.subscribe(o.onTraceChange)
  let unregister = () => {}
  const run = new LearnerRun({
    runId,
    code: o.code,
    language: o.lesson.language,
    sim,
    durationMs: o.durationMs,
    clients: scenario.clients.length > 1 ? scenario.clients.map((c) => c.name) : undefined,
    speed: o.speed,
    startPaused: o.startPaused,
    limits: scenario.limits,
    noiseMs: o.noiseMs,
    onConsole: o.onConsole,
    onUi: (client, operation, t, cause) => o.run.applyUi(client, operation, { t, operation, cause, ...(client ? { client } : {}) }),
    onError: (error) => o.run.addError(error),
    onProgress: (now) => (o.run.simNow = now),
    onDropped: (dropped, client) => o.run.dropped(client ?? '', dropped),
    onEnd: (why) => {
      unregister()
      o.onEnd(why, sim.now)
    },
  })
  unregister = host.registerRun(runId, run)
  o.onStarted()
  const started = run.start().catch((error: unknown) => {
    unregister()
    throw error
  })
  return {
    started,
    stop: () => run.stop(),
    pause: () => run.pause(),
    resume: () => run.resume(),
    step: () => run.step(),
    fault: (fault) => run.fault(fault),
  }
}
