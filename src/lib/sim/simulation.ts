// One run's simulated world: the clock's schedule, the network between the learner's client and the
// simulated server, and the trace of everything that crossed it.
import { HttpExchange } from './exchange.ts'
import { WsConnection, type WsClientListener } from './ws-connection.ts'
import { Network } from './network.ts'
import { formatRequestHead, type Header } from './http1.ts'
import { seededRandom } from './random.ts'
import { SimScheduler } from './scheduler.ts'
import { Trace } from './trace.ts'
import type { ServerContext, ServerStat, SimServer } from './servers/types.ts'

/** a request the learner's code made, as the transport saw it */
export interface ClientRequest {
  /** the learner realm's connection number: orders same-instant requests and names the connection */
  key: number
  /** simulated ms when the learner's code sent it */
  sentAt: number
  method: string
  /** host[:port] the request was for */
  host: string
  target: string
  headers: Header[]
  api: 'EventSource' | 'fetch'
  /** request body text, when there is one */
  body?: string
  /** 1 for the first request of this learner connection, 2 … for an EventSource's reconnections */
  attempt?: number
}

export type ScheduledFault = { atMs: number; kind: 'drop-connections' | 'restart-server' } | { atMs: number; kind: 'offline'; durationMs: number }

export interface SimulationOptions {
  /** host[:port] of the simulated server (the page's own); requests to any other host fail */
  host: string
  seed: number
  /** one-way latency between client and server, simulated ms */
  latencyMs: number
  /** up to this many simulated ms added to each message's latency, from the seed (default 0) */
  jitterMs?: number
  /** builds the server from the shared clock and seeded randomness */
  createServer: (ctx: ServerContext) => SimServer
  faults?: readonly ScheduledFault[]
  /** a proxy in front of the server cuts connections silent for this long (null: no proxy) */
  proxyIdleTimeoutMs?: number | null
  /** a slow server: simulated ms it spends on each request (and handshake) before answering */
  serverDelayMs?: number
}

export class Simulation {
  readonly scheduler = new SimScheduler()
  readonly trace = new Trace()
  readonly server: SimServer
  readonly network: Network
  readonly host: string
  private readonly proxyIdleTimeoutMs: number | null
  private readonly serverDelayMs: number
  /** while the network is down (an offline fault), until this simulated time */
  private offlineUntil = -1
  private readonly exchanges = new Map<string, HttpExchange>()
  private readonly sockets = new Map<string, WsConnection>()
  private readonly random: () => number

  constructor(options: SimulationOptions) {
    this.network = new Network(options.latencyMs, options.jitterMs ?? 0, seededRandom(options.seed ^ 0x27d4eb2f))
    this.host = options.host
    this.proxyIdleTimeoutMs = options.proxyIdleTimeoutMs ?? null
    this.serverDelayMs = options.serverDelayMs ?? 0
    // one stream of random numbers for the server, another for the wire (keys, masks)
    this.server = options.createServer({ scheduler: this.scheduler, random: seededRandom(options.seed) })
    this.random = seededRandom(options.seed ^ 0x5bd1e995)
    for (const fault of options.faults ?? []) {
      this.scheduler.at(fault.atMs, () => this.fault(fault), { label: `fault: ${fault.kind}` })
    }
  }

  private get offline(): boolean {
    return this.now < this.offlineUntil
  }

  /** the network is down for a while: open connections are lost and new ones fail until it is back */
  goOffline(durationMs: number): void {
    const t = this.now
    this.offlineUntil = t + durationMs
    this.trace.append({ kind: 'fault', t, arrives: t, conn: '', from: 'network', to: 'network', bytes: 0, description: `The network goes offline for ${durationMs / 1000} s: open connections are lost and new ones fail.` })
    for (const exchange of this.exchanges.values()) exchange.lose('The connection was lost: the network went offline')
    for (const socket of this.sockets.values()) socket.lose('The connection was lost: the network went offline')
    this.scheduler.at(this.offlineUntil, () => {
      this.trace.append({ kind: 'fault', t: this.now, arrives: this.now, conn: '', from: 'network', to: 'network', bytes: 0, description: 'The network is back online.' })
    }, { label: 'fault: back online' })
  }

  /** why a new connection cannot be made now, or null */
  private unreachable(host: string): string | null {
    if (this.offline) return 'The network is offline (a fault in this lesson): the request could not be sent.'
    if (host !== this.host) return `There is no server at ${host} in this simulation (nothing is sent to the real network). This lesson's server is ${this.host}.`
    return null
  }

  /** one connection is dropped (the learner picked it in the inspector); false when it is not open */
  dropConnection(conn: string): boolean {
    const exchange = this.exchanges.get(conn)
    const socket = this.sockets.get(conn)
    const open = (exchange?.open && exchange.sent) || (socket !== undefined && socket.state !== 'closed')
    if (!open) return false
    const t = this.now
    this.trace.append({ kind: 'fault', t, arrives: t, conn, from: 'network', to: 'network', bytes: 0, description: `The connection ${conn} is dropped.` })
    exchange?.lose('The connection was lost: it ends without a proper close')
    socket?.lose('The connection was lost')
    return true
  }

  fault(fault: ScheduledFault): void {
    if (fault.kind === 'offline') this.goOffline(fault.durationMs)
    else if (fault.kind === 'restart-server') this.restartServer()
    else this.dropConnections()
  }

  /** the server process restarts: its connections close and its memory is lost */
  restartServer(): void {
    const t = this.now
    const lost = this.server.restart?.() ?? 'nothing (it kept no state)'
    this.trace.append({ kind: 'fault', t, arrives: t, conn: '', from: 'network', to: 'network', bytes: 0, description: `The server restarts: its connections close and it loses ${lost}.` })
    for (const exchange of this.exchanges.values()) exchange.lose('The connection was lost: the server restarted')
    for (const socket of this.sockets.values()) socket.lose('The connection was lost: the server restarted')
  }

  /** every open connection is lost at once, as when a server restarts or a network path fails */
  dropConnections(): void {
    const t = this.scheduler.now
    this.trace.append({ kind: 'fault', t, arrives: t, conn: '', from: 'network', to: 'network', bytes: 0, description: 'Every open connection is lost at once (as when the server restarts or the network fails).' })
    for (const exchange of this.exchanges.values()) exchange.lose('The connection was lost: it ends without a proper close')
    for (const socket of this.sockets.values()) socket.lose('The connection was lost')
  }

  /**
   * The learner's `new WebSocket(url)`: the Upgrade handshake is sent at `sentAt` (in `key` order),
   * the server accepts or refuses it, and the client side hears of it through `client`.
   */
  openWebSocket(request: { key: number; sentAt: number; host: string; target: string; origin: string; protocols: string[] }, client: WsClientListener): WsConnection {
    const conn = `c${request.key}`
    const socket = new WsConnection({ scheduler: this.scheduler, trace: this.trace, network: this.network, conn, key: request.key, random: this.random }, client)
    this.sockets.set(conn, socket)
    this.scheduler.at(request.sentAt, () => {
      const unreachable = this.unreachable(request.host)
      if (unreachable) {
        socket.state = 'closed'
        this.trace.append({ kind: 'conn.error', t: this.now, arrives: this.now, conn, from: 'client', to: 'client', bytes: 0, reason: unreachable })
        client.error()
        client.close(1006, '', false)
        return
      }
      socket.handshake(request, (s) => this.server.acceptWebSocket?.(request.target, request.protocols, s) ?? null, this.serverDelayMs)
    }, { key: request.key, label: `${conn} WebSocket handshake` })
    return socket
  }

  /** connections not yet closed or lost (requests on their way or waiting for an answer, streams, WebSockets) */
  openConnectionCount(): number {
    let n = 0
    for (const exchange of this.exchanges.values()) if (exchange.open) n++
    for (const socket of this.sockets.values()) if (socket.state !== 'closed') n++
    return n
  }

  get now(): number {
    return this.scheduler.now
  }

  /**
   * The learner's request enters the simulated wire. It is put in the trace at its send time and reaches
   * the server one latency later, in the order of `key` for requests sent at the same instant.
   */
  receive(request: ClientRequest): HttpExchange {
    const conn = (request.attempt ?? 1) > 1 ? `c${request.key}.${request.attempt}` : `c${request.key}`
    const exchange = new HttpExchange({ scheduler: this.scheduler, trace: this.trace, network: this.network, proxyIdleTimeoutMs: this.proxyIdleTimeoutMs, conn, key: request.key })
    this.exchanges.set(conn, exchange)
    this.scheduler.at(request.sentAt, () => {
      const unreachable = this.unreachable(request.host)
      if (unreachable) return exchange.failToConnect(unreachable)
      exchange.sent = true
      const arrives = this.network.arrival(conn, 'up', request.sentAt)
      const wire = formatRequestHead(request.method, request.target, request.headers)
      this.trace.append({
        kind: 'http.request', t: request.sentAt, arrives, conn, from: 'client', to: 'server', bytes: wire.length,
        method: request.method, target: request.target, headers: request.headers, wire, api: request.api,
      })
      this.scheduler.at(arrives + this.serverDelayMs, () => {
        exchange.startIdleTimer()
        const headers = new Map(request.headers.map((h) => [h.name.toLowerCase(), h.value]))
        this.server.handle({ method: request.method, target: request.target, headers, body: request.body ?? '' }, exchange)
      }, { key: request.key, label: `${conn} request arrives` })
    }, { key: request.key, label: `${conn} request sent` })
    return exchange
  }

  /** what the server counted (requests served, empty answers …) */
  serverStats(): ServerStat[] {
    return this.server.stats?.() ?? []
  }

  exchange(conn: string): HttpExchange | undefined {
    return this.exchanges.get(conn)
  }

  /** the client closes every connection still open (the run ended or was stopped) */
  closeAll(reason: string): void {
    for (const exchange of this.exchanges.values()) exchange.closeByClient(reason)
    for (const socket of this.sockets.values()) if (socket.state !== 'closed') socket.lose(reason)
  }
}
