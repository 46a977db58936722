// One run's simulated world: the clock's schedule, the network between the learner's client and the
// simulated server, and the trace of everything that crossed it.
import { HttpExchange } from './exchange.ts'
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

export interface ScheduledFault {
  atMs: number
  kind: 'drop-connections'
}

export interface SimulationOptions {
  /** host[:port] of the simulated server (the page's own); requests to any other host fail */
  host: string
  seed: number
  /** one-way latency between client and server, simulated ms */
  latencyMs: number
  /** builds the server from the shared clock and seeded randomness */
  createServer: (ctx: ServerContext) => SimServer
  faults?: readonly ScheduledFault[]
}

export class Simulation {
  readonly scheduler = new SimScheduler()
  readonly trace = new Trace()
  readonly server: SimServer
  readonly latencyMs: number
  readonly host: string
  private readonly exchanges = new Map<string, HttpExchange>()

  constructor(options: SimulationOptions) {
    this.latencyMs = options.latencyMs
    this.host = options.host
    this.server = options.createServer({ scheduler: this.scheduler, random: seededRandom(options.seed) })
    for (const fault of options.faults ?? []) this.scheduler.at(fault.atMs, () => this.dropConnections(), { label: `fault: ${fault.kind}` })
  }

  /** every open connection is lost at once, as when a server restarts or a network path fails */
  dropConnections(): void {
    const t = this.scheduler.now
    this.trace.append({ kind: 'fault', t, arrives: t, conn: '', from: 'network', to: 'network', bytes: 0, description: 'Every open connection is lost at once (as when the server restarts or the network fails).' })
    for (const exchange of this.exchanges.values()) exchange.lose('The connection was lost: it ends without a proper close')
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
    const exchange = new HttpExchange({ scheduler: this.scheduler, trace: this.trace, latencyMs: this.latencyMs, conn, key: request.key })
    this.exchanges.set(conn, exchange)
    const arrives = request.sentAt + this.latencyMs
    this.scheduler.at(request.sentAt, () => {
      if (request.host !== this.host) {
        exchange.failToConnect(`There is no server at ${request.host} in this simulation (nothing is sent to the real network). This lesson's server is ${this.host}.`)
        return
      }
      const wire = formatRequestHead(request.method, request.target, request.headers)
      this.trace.append({
        kind: 'http.request', t: request.sentAt, arrives, conn, from: 'client', to: 'server', bytes: wire.length,
        method: request.method, target: request.target, headers: request.headers, wire, api: request.api,
      })
      this.scheduler.at(arrives, () => {
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
  }
}
