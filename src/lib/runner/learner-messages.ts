// What the learner's workers tell the page during a run, routed to the simulation, the crossings and
// the run's callbacks; and the ways a run stops because of the learner's code, in the words the console
// shows them. LearnerRun owns the parts; this is its message half (learner-messages.test.ts).
import type { Crossings } from '../crossing/crossings.ts'
import type { Simulation } from '../sim/simulation.ts'
import { clientIndexOf, connBase, connName } from '../sim/conn-name.ts'
import type { LearnerConnections } from './connections.ts'
import type { WebSocketBridge } from './websocket-bridge.ts'
import type { NetworkCaps } from './network-caps.ts'
import type { WorkerCause, WorkerToPage } from './protocol.ts'
import type { LineCause, RunEnd } from './run-output.ts'
import type { LearnerRunOptions } from './learner-run.ts'

/** real ms learner code may run without yielding before the run is stopped */
export const WATCHDOG_MS = 2000

/** what the messages reach: the run's parts */
export interface RunParts {
  options: LearnerRunOptions
  sim: Simulation
  crossings: Crossings
  connections: LearnerConnections
  sockets: WebSocketBridge
  caps: NetworkCaps
  clientCount: number
  /** the name to show for a client, or undefined in a single-client lesson */
  nameOf(clientIndex: number): string | undefined
  isEnded(): boolean
  end(why: RunEnd): void
}

export class LearnerMessages {
  constructor(private readonly parts: RunParts) {}

  /** a message from client `clientIndex`'s worker */
  handle(m: WorkerToPage, clientIndex: number): void {
    if (this.parts.isEnded()) return
    const name = this.parts.nameOf(clientIndex)
    const client = name ? { client: name } : {}
    // a connection number belongs to the worker that made it (see sim/conn-name.ts)
    if ('conn' in m && (clientIndexOf(m.conn) !== clientIndex || m.conn <= connBase(clientIndex, this.parts.clientCount))) {
      return this.stopForLearner(
        clientIndex,
        this.parts.sim.now,
        `Your code tampered with the worker it runs in, so the page stopped the run: it spoke of a connection (${m.conn}) that is not its own.`,
      )
    }
    switch (m.type) {
      case 'dropped':
        this.parts.options.onDropped?.({ console: m.console, ui: m.ui, errors: m.errors }, name)
        break
      case 'closed-itself':
        this.stopForLearner(
          clientIndex,
          m.now,
          'Your code called close(), which stops the worker your code runs in, so the run ended here. To end a connection, call close() on it (es.close(), ws.close()).',
        )
        break
      case 'console':
        this.parts.options.onConsole({ level: m.level, t: m.t, args: m.args, ...client, clientIndex, cause: this.resolveCause(m.cause, m.t) })
        break
      case 'ui':
        this.parts.options.onUi(name ?? '', m.operation, m.t, this.resolveCause(m.cause, m.t))
        break
      case 'error':
        this.parts.options.onError({ phase: m.phase, name: m.name, message: m.message, location: m.location, t: m.t, ...client })
        break
      case 'connect':
        if (this.overCap(m.t, client)) return
        this.parts.connections.opened(m.conn, m.api, m.t)
        break
      case 'response-delivered':
        this.parts.crossings.headSeen(connName(m.conn))
        break
      case 'es-error':
        // the stream ended (the browser will reconnect) or the connection failed
        this.parts.crossings.streamEndSeen(connName(m.conn))
        break
      case 'es-delivered':
        this.parts.crossings.eventsAcknowledged(connName(m.conn), m.count)
        break
      case 'ws-connect':
        if (this.overCap(m.t, client)) return
        this.parts.sockets.connect(m)
        break
      case 'ws-send':
        this.parts.sockets.send(m)
        break
      case 'ws-close':
        this.parts.sockets.close(m)
        break
      case 'ws-ack':
        this.parts.sockets.ack(m)
        break
      case 'close': {
        const name = this.parts.connections.currentName(m.conn)
        this.parts.connections.finish(m.conn)
        this.parts.sim.scheduler.at(m.t, () => this.parts.sim.exchange(name)?.closeByClient(m.reason), { key: m.conn })
        this.parts.crossings.connectionClosed(connName(m.conn))
        break
      }
    }
  }

  /** the worker's cause, with the connection named as on the wire and the trace event that brought it */
  private resolveCause(cause: WorkerCause, t: number): LineCause {
    if (cause.kind === 'top' || cause.kind === 'timer') return { kind: cause.kind }
    const conn = this.parts.connections.currentName(cause.conn)
    const event =
      cause.kind === 'sse-event'
        ? this.parts.connections.eventSeq(cause.conn, cause.n)
        : cause.kind === 'ws-event'
          ? this.parts.sockets.eventSeq(cause.conn, cause.n)
          : this.lastToClient(cause.kind === 'fetch' || cause.kind === 'sse-open' || cause.kind === 'sse-error' ? conn : connName(cause.conn), t)
    return { kind: cause.kind, conn: cause.kind === 'ws-event' ? connName(cause.conn) : conn, ...(event === undefined ? {} : { event }) }
  }

  /** the latest trace event on connection `conn` that had reached the client by time `t` */
  private lastToClient(conn: string, t: number): number | undefined {
    const events = this.parts.sim.trace.events
    for (let i = events.length - 1; i >= 0; i--) {
      const e = events[i]!
      if (e.conn === conn && e.to === 'client' && e.arrives <= t) return e.seq
    }
    return undefined
  }

  /** the learner's code did something that ends the run (an error at no particular line) */
  stopForLearner(clientIndex: number, t: number, message: string): void {
    if (this.parts.isEnded()) return
    const name = this.parts.nameOf(clientIndex)
    this.parts.options.onError({ phase: 'stopped', name: 'Stopped', location: null, t, message, ...(name ? { client: name } : {}) })
    this.parts.end('error')
  }

  private readonly hinted = new Set<string>()
  /** a Wirelab hint in the console, once per run and kind */
  hintOnce(kind: string, clientIndex: number, text: string): void {
    if (this.parts.isEnded() || this.hinted.has(kind)) return
    this.hinted.add(kind)
    const name = this.parts.nameOf(clientIndex)
    this.parts.options.onConsole({
      level: 'info',
      t: this.parts.sim.now,
      args: [{ type: 'string', value: text }],
      hint: true,
      ...(name ? { client: name, clientIndex } : {}),
    })
  }

  /** stop a run whose code floods the network; true when it was stopped */
  overCap(t: number, client: { client?: string }): boolean {
    const problem = this.parts.caps.opened(t, this.parts.sim.openConnectionCount() + this.parts.connections.inFlight)
    if (!problem) return false
    this.parts.options.onError({ phase: 'limit', name: 'Stopped', location: null, t, message: problem, ...client })
    this.parts.end('error')
    return true
  }

  hang(clientIndex: number): void {
    if (this.parts.isEnded()) return
    const name = this.parts.nameOf(clientIndex)
    this.parts.options.onError({
      phase: 'hang',
      name: 'Stopped',
      location: null,
      t: this.parts.sim.now,
      ...(name ? { client: name } : {}),
      message: `Your code ran for more than ${WATCHDOG_MS / 1000} s without pausing, so the run was stopped. Look for a loop that never ends (while (true) { … } or a for loop whose condition never becomes false).`,
    })
    this.parts.end('hung')
  }

  fail(message: string): void {
    if (this.parts.isEnded()) return
    this.parts.options.onError({ phase: 'runtime', name: 'Error', message, location: null, t: this.parts.sim.now })
    this.parts.end('error')
  }
}
