// One run of the learner's code: a fresh worker, a fresh simulation, and one clock for both (RunClock
// decides how time moves: live, paused, step by step) until the lesson's duration, Stop, or a hang.
import { Barrier } from '../sim/barrier.ts'
import { Crossings } from '../crossing/crossings.ts'
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
import type { WorkerCause, WorkerToPage } from './protocol.ts'
import type { ConsoleEntry, LearnerError, LineCause, RunEnd } from './run-output.ts'

export type { ConsoleEntry, LearnerError, RunEnd } from './run-output.ts'
import type { UiOperation } from './output-model.ts'
import { ClientWorkers } from './client-workers.ts'
import { clientIndexOf, connBase, connName } from '../sim/conn-name.ts'

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
}

/** real ms learner code may run without yielding before the run is stopped */
const WATCHDOG_MS = 2000
/** real ms a worker may take to start before it counts as hung (see ClientWorkersOptions.startupMs) */
const STARTUP_MS = 30_000
const SETTLE_TIMEOUT_MS = 2000

export class LearnerRun implements RunWire {
  private readonly barrier = new Barrier()
  readonly crossings = new Crossings(this.barrier)
  readonly sim: Simulation
  readonly noiseMs: number
  private readonly workers: ClientWorkers
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
    this.workers = new ClientWorkers({
      runId: options.runId,
      names: options.clients?.length ? options.clients : [''],
      watchdogMs: WATCHDOG_MS,
      startupMs: STARTUP_MS,
      onMessage: (m, client) => this.onWorkerMessage(m, client),
      onHang: (client) => this.hang(client),
      onLoadError: (message) => this.fail(`The runner could not start: ${message}.`),
      onInvalid: (client, problem) =>
        this.stopForLearner(
          client,
          this.sim.now,
          `Your code tampered with the worker it runs in, so the page stopped the run: a message from it did not fit Wirelab's protocol (${problem}).`,
        ),
      onLearnerPost: (client) =>
        this.hintOnce(
          'post',
          client,
          'Your code called postMessage(): your code runs in a worker of its own, and the page does not read its messages. Use console.log or the ui helper to show something.',
        ),
    })
    hintOnUnknownEndpoints(this.sim, (t, text) => this.options.onConsole({ level: 'info', t, args: [{ type: 'string', value: text }], hint: true }))
    this.sockets = new WebSocketBridge(this.sim, this.crossings, (m) => this.workers.send(m.conn, m), location.origin)
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
      return this.fail(
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

  private onWorkerMessage(m: WorkerToPage, clientIndex: number): void {
    if (this.ended) return
    const name = this.workers.nameOf(clientIndex)
    const client = name ? { client: name } : {}
    // a connection number belongs to the worker that made it (see sim/conn-name.ts)
    if ('conn' in m && (clientIndexOf(m.conn) !== clientIndex || m.conn <= connBase(clientIndex, this.clientCount))) {
      return this.stopForLearner(
        clientIndex,
        this.sim.now,
        `Your code tampered with the worker it runs in, so the page stopped the run: it spoke of a connection (${m.conn}) that is not its own.`,
      )
    }
    switch (m.type) {
      case 'dropped':
        this.options.onDropped?.({ console: m.console, ui: m.ui, errors: m.errors }, name)
        break
      case 'closed-itself':
        this.stopForLearner(
          clientIndex,
          m.now,
          'Your code called close(), which stops the worker your code runs in, so the run ended here. To end a connection, call close() on it (es.close(), ws.close()).',
        )
        break
      case 'console':
        this.options.onConsole({ level: m.level, t: m.t, args: m.args, ...client, clientIndex, cause: this.resolveCause(m.cause, m.t) })
        break
      case 'ui':
        this.options.onUi(name ?? '', m.operation, m.t, this.resolveCause(m.cause, m.t))
        break
      case 'error':
        this.options.onError({ phase: m.phase, name: m.name, message: m.message, location: m.location, t: m.t, ...client })
        break
      case 'connect':
        if (this.overCap(m.t, client)) return
        this.connections.opened(m.conn, m.api, m.t)
        break
      case 'response-delivered':
        this.crossings.headSeen(connName(m.conn))
        break
      case 'es-error':
        // the stream ended (the browser will reconnect) or the connection failed
        this.crossings.streamEndSeen(connName(m.conn))
        break
      case 'es-delivered':
        this.crossings.eventsAcknowledged(connName(m.conn), m.count)
        break
      case 'ws-connect':
        if (this.overCap(m.t, client)) return
        this.sockets.connect(m)
        break
      case 'ws-send':
        this.sockets.send(m)
        break
      case 'ws-close':
        this.sockets.close(m)
        break
      case 'ws-ack':
        this.sockets.ack(m)
        break
      case 'close': {
        const name = this.connections.currentName(m.conn)
        this.connections.finish(m.conn)
        this.sim.scheduler.at(m.t, () => this.sim.exchange(name)?.closeByClient(m.reason), { key: m.conn })
        this.crossings.connectionClosed(connName(m.conn))
        break
      }
    }
  }

  /** the worker's cause, with the connection named as on the wire and the trace event that brought it */
  private resolveCause(cause: WorkerCause, t: number): LineCause {
    if (cause.kind === 'top' || cause.kind === 'timer') return { kind: cause.kind }
    const conn = this.connections.currentName(cause.conn)
    const event =
      cause.kind === 'sse-event'
        ? this.connections.eventSeq(cause.conn, cause.n)
        : cause.kind === 'ws-event'
          ? this.sockets.eventSeq(cause.conn, cause.n)
          : this.lastToClient(cause.kind === 'fetch' || cause.kind === 'sse-open' || cause.kind === 'sse-error' ? conn : connName(cause.conn), t)
    return { kind: cause.kind, conn: cause.kind === 'ws-event' ? connName(cause.conn) : conn, ...(event === undefined ? {} : { event }) }
  }

  /** the latest trace event on connection `conn` that had reached the client by time `t` */
  private lastToClient(conn: string, t: number): number | undefined {
    const events = this.sim.trace.events
    for (let i = events.length - 1; i >= 0; i--) {
      const e = events[i]!
      if (e.conn === conn && e.to === 'client' && e.arrives <= t) return e.seq
    }
    return undefined
  }

  private get clientCount(): number {
    return this.options.clients?.length ? this.options.clients.length : 1
  }

  /** the learner's code did something that ends the run (an error at no particular line) */
  private stopForLearner(clientIndex: number, t: number, message: string): void {
    if (this.ended) return
    const name = this.workers.nameOf(clientIndex)
    this.options.onError({ phase: 'stopped', name: 'Stopped', location: null, t, message, ...(name ? { client: name } : {}) })
    this.end('error')
  }

  private readonly hinted = new Set<string>()
  /** a Wirelab hint in the console, once per run and kind */
  private hintOnce(kind: string, clientIndex: number, text: string): void {
    if (this.ended || this.hinted.has(kind)) return
    this.hinted.add(kind)
    const name = this.workers.nameOf(clientIndex)
    this.options.onConsole({
      level: 'info',
      t: this.sim.now,
      args: [{ type: 'string', value: text }],
      hint: true,
      ...(name ? { client: name, clientIndex } : {}),
    })
  }

  /** stop a run whose code floods the network; true when it was stopped */
  private overCap(t: number, client: { client?: string }): boolean {
    const problem = this.caps.opened(t, this.sim.openConnectionCount() + this.connections.inFlight)
    if (!problem) return false
    this.options.onError({ phase: 'limit', name: 'Stopped', location: null, t, message: problem, ...client })
    this.end('error')
    return true
  }

  private hang(clientIndex: number): void {
    if (this.ended) return
    const name = this.workers.nameOf(clientIndex)
    this.options.onError({
      phase: 'hang',
      name: 'Stopped',
      location: null,
      t: this.sim.now,
      ...(name ? { client: name } : {}),
      message: `Your code ran for more than ${WATCHDOG_MS / 1000} s without pausing, so the run was stopped. Look for a loop that never ends (while (true) { … } or a for loop whose condition never becomes false).`,
    })
    this.end('hung')
  }

  private fail(message: string): void {
    if (this.ended) return
    this.options.onError({ phase: 'runtime', name: 'Error', message, location: null, t: this.sim.now })
    this.end('error')
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
