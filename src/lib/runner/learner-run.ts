// One run of the learner's code: a fresh worker, a fresh simulation, and one clock for both (RunClock
// decides how time moves: live, paused, step by step) until the lesson's duration, Stop, or a hang.
import { Barrier } from '../sim/barrier.ts'
import { Crossings } from '../crossing/crossings.ts'
import { realNoise } from '../crossing/noise.ts'
import type { Fault, Simulation } from '../sim/simulation.ts'
import type { Announcement, RunWire } from '../crossing/run-wire.ts'
import type { DeliveredChunk } from '../sim/response-writer.ts'
import { LearnerConnections } from './connections.ts'
import { WebSocketBridge } from './websocket-bridge.ts'
import { nextMacrotask } from '../crossing/macrotask.ts'
import { ClockDriver } from './clock-driver.ts'
import { RunClock } from './run-clock.ts'
import { NetworkCaps } from './network-caps.ts'
import { hintOnUnknownEndpoints } from './endpoint-hints.ts'
import type { ConsoleEntry, LearnerError, LineCause, RunEnd } from './run-output.ts'
import { LearnerMessages, WATCHDOG_MS } from './learner-messages.ts'

export type { ConsoleEntry, LearnerError, RunEnd } from './run-output.ts'
import type { UiOperation } from './output-model.ts'
import { ClientWorkers, type ClientWorkersOptions } from './client-workers.ts'

export interface LearnerRunOptions {
  runId: string
  code: string
  /** TypeScript is stripped of its types before it runs (default javascript) */
  language?: 'javascript' | 'typescript'
  /** the learner clients, each running `code` (default: one, unnamed) */
  clients?: readonly string[]
  sim: Simulation
  /** simulated ms after which the run ends by itself */
  durationMs: number
  speed: () => number
  /** start paused (step mode): time moves only when step() is called */
  startPaused?: boolean
  /** test knob: random real-time delay injected into the transport, ms */
  noiseMs?: number
  /** caps on the learner's traffic (defaults: 50 requests per simulated second, 20 open connections) */
  limits?: { requestsPerSecond: number; openConnections: number }
  onConsole: (entry: ConsoleEntry) => void
  /** the learner's code changed the Output pane (client: its name in a lesson with several, else '') */
  onUi: (client: string, operation: UiOperation, t: number, cause: LineCause) => void
  onError: (error: LearnerError) => void
  onProgress: (now: number) => void
  /** calls the learner's code made past the caps of what may cross from its worker (running totals) */
  onDropped?: (dropped: { console: number; ui: number; errors: number }, client?: string) => void
  onEnd: (why: RunEnd) => void
  /** the page's origin, sent in WebSocket handshakes (default: this page's) */
  origin?: string
  /** makes the learner's workers (tests give a stand-in; default: real dedicated workers) */
  workers?: (options: ClientWorkersOptions) => RunWorkers
}

/** what a run needs of its learner workers */
export type RunWorkers = Pick<ClientWorkers, 'driven' | 'nameOf' | 'start' | 'send' | 'linkFor' | 'terminate'>

/** real ms a worker may take to start before it counts as hung (see ClientWorkersOptions.startupMs) */
const STARTUP_MS = 30_000
const SETTLE_TIMEOUT_MS = 2000

export class LearnerRun implements RunWire {
  private readonly barrier = new Barrier()
  readonly crossings = new Crossings(this.barrier)
  readonly sim: Simulation
  readonly noiseMs: number
  private readonly workers: RunWorkers
  private readonly messages: LearnerMessages
  private readonly connections: LearnerConnections
  private readonly sockets: WebSocketBridge
  private readonly sseTypes = new Map<number, Set<string>>()
  private tokens = 0
  private ended = false
  private readonly clock: RunClock
  private readonly caps: NetworkCaps

  constructor(private readonly options: LearnerRunOptions) {
    this.sim = options.sim
    this.noiseMs = options.noiseMs ?? 0
    this.connections = new LearnerConnections(this.sim.scheduler, this.crossings)
    this.caps = new NetworkCaps(options.limits?.requestsPerSecond, options.limits?.openConnections)
    const makeWorkers = options.workers ?? ((o: ClientWorkersOptions) => new ClientWorkers(o))
    this.workers = makeWorkers({
      runId: options.runId,
      randomSeed: this.sim.seed,
      names: options.clients?.length ? options.clients : [''],
      watchdogMs: WATCHDOG_MS,
      startupMs: STARTUP_MS,
      onMessage: (m, client) => this.messages.handle(m, client),
      onHang: (client) => this.messages.hang(client),
      onLoadError: (message) => this.messages.fail(`The runner could not start: ${message}.`),
      onInvalid: (client, problem) =>
        this.messages.stopForLearner(
          client,
          this.sim.now,
          `Your code tampered with the worker it runs in, so the page stopped the run: a message from it did not fit Wirelab's protocol (${problem}).`,
        ),
      onLearnerPost: (client) =>
        this.messages.hintOnce(
          'post',
          client,
          'Your code called postMessage(): your code runs in a worker of its own, and the page does not read its messages. Use console.log or the ui helper to show something.',
        ),
    })
    hintOnUnknownEndpoints(this.sim, (t, text) => this.options.onConsole({ level: 'info', t, args: [{ type: 'string', value: text }], hint: true }))
    this.sockets = new WebSocketBridge(
      this.sim,
      this.crossings,
      (m) => this.workers.send(m.conn, m),
      options.origin ?? location.origin,
      () => realNoise(this.noiseMs),
    )
    this.messages = new LearnerMessages({
      options,
      sim: this.sim,
      crossings: this.crossings,
      connections: this.connections,
      sockets: this.sockets,
      caps: this.caps,
      clientCount: options.clients?.length ? options.clients.length : 1,
      nameOf: (client) => this.workers.nameOf(client),
      isEnded: () => this.ended,
      end: (why) => this.end(why),
    })
    const driver = new ClockDriver(this.sim.scheduler, this.barrier, this.workers.driven, {
      settleTimeoutMs: SETTLE_TIMEOUT_MS,
      onStuck: ({ stuck }) => console.warn(`[wirelab] gave up waiting for ${stuck.join(', ')}`),
      // a MessageChannel macrotask, not setTimeout(0): nested timeouts are clamped to 4 ms by browsers
      yieldToTransport: nextMacrotask,
    })
    this.clock = new RunClock({
      driver,
      now: () => this.sim.now,
      durationMs: options.durationMs,
      speed: options.speed,
      startPaused: options.startPaused ?? false,
      isOver: () => this.ended,
      onProgress: options.onProgress,
      onFinished: () => this.end('finished'),
    })
  }

  async start(): Promise<void> {
    const connected = await this.workers.start(this.options.code, this.options.language ?? 'javascript')
    if (this.ended) return
    if (!connected) {
      return this.messages.fail(
        'The service worker that simulates the server is not running in this tab (it is removed when site data is cleared), so your code could not reach the simulated server. Reload the page to start it again.',
      )
    }
    await this.clock.start()
  }

  stop(): void {
    this.end('stopped')
  }

  /** Wirelab ends the run for a reason found outside the learner's workers (the server code's watchdog) */
  halt(why: RunEnd): void {
    this.end(why)
  }

  announcement(conn: number): Promise<Announcement | null> {
    return this.connections.nextRequest(conn)
  }

  sseDelivered(conn: number, chunk: DeliveredChunk): number[] {
    return this.connections.sseDelivered(conn, chunk)
  }

  streamEnded(conn: number): void {
    this.connections.streamEnded(conn)
  }

  streamFailed(conn: number): void {
    this.connections.finish(conn)
  }

  async expectSseType(conn: number, eventType: string): Promise<void> {
    const known = this.sseTypes.get(conn) ?? new Set(['message'])
    this.sseTypes.set(conn, known)
    if (known.has(eventType) || this.ended) return
    known.add(eventType)
    const token = ++this.tokens
    await this.workers.linkFor(conn).request({ type: 'expect-sse-type', conn, eventType, token }, 'sse-type-ready', (m) => m.token === token)
  }

  /** the learner breaks something (a toolbar button, or a connection picked in the inspector), now */
  fault(fault: Fault): void {
    if (this.ended) return
    this.sim.scheduler.at(this.sim.now, () => this.sim.fault(fault, 'learner'), { label: `fault: ${fault.kind}, by the learner` })
  }

  pause(): void {
    this.clock.pause()
  }

  resume(): void {
    this.clock.resume()
  }

  /** one step of step mode (see RunClock.step) */
  step(): Promise<number | null> {
    return this.clock.step()
  }

  private end(why: RunEnd): void {
    if (this.ended) return
    this.ended = true
    this.workers.terminate()
    const reason =
      why === 'finished'
        ? 'The run reached its end: the page closed the connection'
        : why === 'stopped'
          ? 'Stop was pressed: the page closed the connection'
          : 'The run was stopped: the page closed the connection'
    this.sim.closeAll(reason)
    this.connections.endAll()
    this.crossings.releaseAll()
    this.options.onEnd(why)
  }
}
