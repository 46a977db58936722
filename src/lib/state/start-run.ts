// Starting one run of a lesson's code: the runner's modules are loaded on first use (they are not in
// the lesson page's chunk), a fresh simulation is made from the scenario, and the run's callbacks write
// into that run's own RunOnScreen, so a run that ends late cannot write over the next one's.
import type { LessonContent } from '../lesson/types.ts'
import type { Scenario } from '../lesson/schema.ts'
import type { Fault } from '../sim/simulation.ts'
import type { ConsoleEntry, RunEnd } from '../runner/run-output.ts'
import type { RunOnScreen } from './run-on-screen.svelte.ts'
import type { ServerDraft } from './server-draft.svelte.ts'
import { serverCodeLine } from '../server-code/error-line.ts'
import { ServerCodeStopped } from '../server-code/loop-guard.ts'

/** errors of the learner's server code shown per run: the trace logs them all */
const MAX_SERVER_ERRORS = 20

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
  /** the server code the learner edits, in lessons with a server tab */
  server: ServerDraft | null
  broker: Scenario['broker']
  http: Scenario['http']
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
  let sim: ReturnType<typeof createSimulation> | null = null
  let learnerRun: InstanceType<typeof LearnerRun> | null = null
  // the learner's server: compiled for this run; its watchdog ends the run as hung, at the looping line
  const server = await o.server?.prepare(
    (error) => {
      if (!learnerRun) return
      o.run.addError(error)
      learnerRun.halt('hung')
    },
    () => sim?.now ?? 0,
  )
  if (server && !server.ok) {
    o.run.addError(server.error)
    o.run.status = 'error'
    return { started: Promise.resolve(), stop: () => {}, pause: () => {}, resume: () => {}, step: () => Promise.resolve(null), fault: () => {} }
  }
  let serverErrors = 0
  sim = createSimulation(
    { ...scenario, broker: o.broker, http: o.http },
    location.host,
    { ...o.lesson.servers, ...(server?.modules ?? {}) },
    {
      // the learner's server code threw in a callback: shown at their line (the trace logs it too)
      onServerError: (file, error) => {
        if (!server || file !== o.lesson.serverCode?.file || error instanceof ServerCodeStopped || ++serverErrors > MAX_SERVER_ERRORS) return
        const e = error instanceof Error ? error : new Error(String(error))
        o.run.addError({
          phase: 'runtime',
          name: e.name,
          message: e.message.slice(0, 2000),
          location: serverCodeLine(error),
          t: sim?.now ?? 0,
          inServerCode: true,
        })
      },
    },
  )
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
  learnerRun = run
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
