// The page's end of the learner's WebSockets. A worker's WebSocket cannot be intercepted (msw patches
// only the page's), so the learner realm gets a WebSocket class that posts here, and this bridge
// connects it to the simulated server on the simulated clock. Every event handed to the worker holds
// simulated time until the worker says its listeners ran (crossing/crossings.ts).
import { connName } from '../sim/conn-name.ts'
import type { Crossings } from '../crossing/crossings.ts'
import type { Simulation } from '../sim/simulation.ts'
import type { WsClientListener, WsConnection } from '../sim/ws-connection.ts'
import type { PageToWorker, WorkerToPage, WsEvent } from './protocol.ts'

type Msg<T extends WorkerToPage['type']> = Extract<WorkerToPage, { type: T }>

export class WebSocketBridge {
  private readonly sockets = new Map<number, WsConnection>()
  private readonly seqs = new Map<string, number>()
  /** per socket: its events are posted in order, each when it is its turn */
  private readonly chains = new Map<number, Promise<void>>()

  constructor(
    private readonly sim: Simulation,
    private readonly crossings: Crossings,
    private readonly post: (message: Extract<PageToWorker, { type: 'ws-event' }>) => void,
    private readonly origin: string,
    /** test knob: a random real-time delay before each event is posted (the transport's injected noise) */
    private readonly noise: () => Promise<void> = () => Promise.resolve(),
  ) {}

  connect(m: Msg<'ws-connect'>): void {
    const url = new URL(m.url)
    const listener: WsClientListener = {
      open: (protocol, seq) => this.deliver(m.conn, { event: 'open', protocol }, seq),
      message: (data, seq) => this.deliver(m.conn, { event: 'message', data: typeof data === 'string' ? data : data.slice().buffer }, seq),
      error: (seq) => this.deliver(m.conn, { event: 'error' }, seq),
      close: (code, reason, wasClean, seq) => this.deliver(m.conn, { event: 'close', code, reason, wasClean }, seq),
    }
    const socket = this.sim.openWebSocket(
      { key: m.conn, sentAt: m.t, host: url.host, target: url.pathname + url.search, origin: this.origin, protocols: m.protocols },
      listener,
    )
    this.sockets.set(m.conn, socket)
  }

  send(m: Msg<'ws-send'>): void {
    const data = typeof m.data === 'string' ? m.data : new Uint8Array(m.data)
    this.sim.scheduler.at(m.t, () => this.sockets.get(m.conn)?.clientSend(data), { key: m.conn, label: `${connName(m.conn)} ws send` })
  }

  close(m: Msg<'ws-close'>): void {
    this.sim.scheduler.at(m.t, () => this.sockets.get(m.conn)?.clientClose(m.code, m.reason), { key: m.conn, label: `${connName(m.conn)} ws close` })
  }

  ack(m: Msg<'ws-ack'>): void {
    this.crossings.wsEventAcknowledged(connName(m.conn), m.n)
  }

  /** the trace event that brought the `n`-th WebSocket event of `conn` to the learner's code */
  eventSeq(conn: number, n: number): number | undefined {
    return this.seqs.get(`${conn}/${n}`)
  }

  private deliver(conn: number, event: WsEvent, seq: number | undefined): void {
    const id = connName(conn)
    const n = this.crossings.wsEventDelivered(id)
    if (seq !== undefined) this.seqs.set(`${conn}/${n}`, seq)
    // held now, at its simulated instant; posted when every crossing held before it for another connection arrived
    const chain = (this.chains.get(conn) ?? Promise.resolve())
      .then(() => this.noise())
      .then(() => this.crossings.wsTurn(id, n))
      .then(() => this.post({ type: 'ws-event', conn, n, ...event }))
      .catch(() => undefined)
    this.chains.set(conn, chain)
  }
}
