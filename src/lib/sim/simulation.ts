// One run's simulated world: the clock's schedule, the network between the learner's clients and the
// simulated server instances (behind a load balancer when there are several, with an optional pub/sub
// broker between them), and the trace of everything that crossed it.
import { HttpExchange } from './exchange.ts'
import { WsConnection, type WsClientListener } from './ws-connection.ts'
import { Network } from './network.ts'
import { formatRequestHead, utf8Length } from './http1.ts'
import { seededRandom } from './random.ts'
import { SimScheduler } from './scheduler.ts'
import { Trace } from './trace.ts'
import type { ServerStat, SimServer } from './servers/types.ts'
import { Broker } from './broker.ts'
import { CookieJar } from './cookie-jar.ts'
import { crossSitePageKey, isCrossSite, pageConnName, pageListener } from './cross-site.ts'
import { clientIndexOf, connName } from './conn-name.ts'
import { formatSimTime } from './clock.ts'
import { ConnectionPool, HTTP1_CONNECTIONS_PER_ORIGIN, HTTP2_MAX_CONCURRENT_STREAMS } from './connection-pool.ts'
import { instanceName, LoadBalancer } from './load-balancer.ts'
import type { ClientRequest, Fault, FaultOrigin, HttpVersion, SimulationOptions } from './simulation-options.ts'

// the types are their own module; most of the app imports them from here, with the class
export type { BalancerPolicy, ClientRequest, Fault, FaultOrigin, HttpVersion, ScheduledFault, SimulationOptions } from './simulation-options.ts'
export { instanceName } from './load-balancer.ts'

export class Simulation {
  readonly scheduler = new SimScheduler()
  readonly trace = new Trace()
  /** the server instances: Server 1, Server 2 … */
  readonly servers: SimServer[]
  readonly network: Network
  readonly broker: Broker | null
  private readonly balancer: LoadBalancer
  readonly host: string
  /** the run's seed: every random choice of the simulation, and the learner's `Math.random`, come from it */
  readonly seed: number
  private readonly proxyIdleTimeoutMs: number | null
  private readonly serverDelayMs: number
  /** while the network is down (an offline fault), until this simulated time */
  private offlineUntil = -1
  /** per instance: while it restarts (a restart with `downMs`), until this simulated time */
  private readonly downUntil: number[] = []
  private readonly exchanges = new Map<string, HttpExchange>()
  private readonly sockets = new Map<string, WsConnection>()
  private readonly random: () => number
  /** the simulated browser's cookies for the lesson's site (RFC 6265): sent with every request, set by the server's answers */
  readonly cookies: CookieJar
  readonly http: HttpVersion
  private readonly browsers: readonly string[]
  /** the browser's connections per origin (HTTP/1.1), or its streams on the one connection (HTTP/2) */
  private readonly pool: ConnectionPool
  /** HTTP/2: the last stream id each connection (browser and origin) used */
  private readonly lastStream = new Map<string, number>()

  constructor(options: SimulationOptions) {
    this.network = new Network(options.latencyMs, options.jitterMs ?? 0, seededRandom(options.seed ^ 0x27d4eb2f))
    this.host = options.host
    this.seed = options.seed
    this.proxyIdleTimeoutMs = options.proxyIdleTimeoutMs ?? null
    this.serverDelayMs = options.serverDelayMs ?? 0
    this.http = options.http ?? '1.1'
    this.browsers = options.browsers ?? []
    this.pool = new ConnectionPool(this.http === '2' ? HTTP2_MAX_CONCURRENT_STREAMS : HTTP1_CONNECTIONS_PER_ORIGIN)
    this.broker = options.broker ? new Broker(this.scheduler, this.trace, options.broker.latencyMs) : null
    // one stream of random numbers per instance, all from the same seed (they live in the same world:
    // the same match, the same inbox), another for the wire (keys, masks)
    const count = Math.max(1, options.instances ?? 1)
    this.servers = Array.from({ length: count }, (_, i) => {
      const name = instanceName(i, count)
      return options.createServer({
        scheduler: this.scheduler,
        random: seededRandom(options.seed),
        name,
        instance: i + 1,
        pubsub: this.broker?.clientFor(name) ?? null,
        log: (text) => {
          const t = this.now
          this.trace.append({
            kind: 'server.log',
            t,
            arrives: t,
            conn: '',
            from: 'server',
            to: 'server',
            bytes: 0,
            text,
            ...(count > 1 ? { server: name } : {}),
          })
        },
      })
    })
    this.balancer = new LoadBalancer(options.balancer ?? 'round-robin', options.clients ?? [''], count, this.trace)
    this.random = seededRandom(options.seed ^ 0x5bd1e995)
    for (const fault of options.faults ?? []) {
      this.scheduler.at(fault.atMs, () => this.fault(fault), { label: `fault: ${fault.kind}` })
    }
    this.cookies = new CookieJar(options.cookies)
    this.keepCookies()
    ;(options.crossSitePages ?? []).forEach((page, i) => {
      const { atMs, origin, socket, protocols = [] } = page
      const request = { key: crossSitePageKey(i), sentAt: atMs, host: this.host, target: socket, origin, protocols: [...protocols] }
      this.openWebSocket({ ...request, conn: pageConnName(i), page: new URL(origin).host }, pageListener)
    })
  }

  /** the browser keeps what a Set-Cookie header in an answer sets, once that answer has arrived */
  private keepCookies(): void {
    const targets = new Map<string, string>()
    this.trace.subscribe((e) => {
      if (e.kind === 'http.request') targets.set(e.conn, e.target)
      if (e.kind !== 'http.response') return
      for (const h of e.headers) if (h.name.toLowerCase() === 'set-cookie') this.cookies.set(h.value, targets.get(e.conn) ?? '/', e.arrives)
    })
  }

  private get offline(): boolean {
    return this.now < this.offlineUntil
  }

  /**
   * Something breaks, scheduled by the lesson or pressed by the learner (`origin`, kept in the trace so
   * checks can tell a disturbed run from a broken solution). False when it had nothing to act on (a
   * connection already closed).
   */
  fault(fault: Fault, origin: FaultOrigin = 'lesson'): boolean {
    switch (fault.kind) {
      case 'offline':
        this.goOffline(fault.durationMs, origin)
        return true
      case 'restart-server':
        this.restartServer(fault.server ?? 1, fault.downMs ?? 0, origin)
        return true
      case 'silent':
        return this.silence(fault.conn, fault.durationMs, origin)
      case 'drop-connection':
        return this.dropConnection(fault.conn, origin)
      case 'drop-connections':
        this.appendFault('Every open connection is lost at once (as when the server restarts or the network fails).', origin)
        this.loseConnections(() => true, 'The connection was lost: it ends without a proper close')
        return true
    }
  }

  /** a fault in the trace */
  private appendFault(description: string, origin: FaultOrigin, extra: { conn?: string; server?: string; offlineUntil?: number; recovers?: true } = {}): void {
    const t = this.now
    this.trace.append({ kind: 'fault', t, arrives: t, conn: '', from: 'network', to: 'network', bytes: 0, description, origin, ...extra })
  }

  /** the open connections `which` picks are lost (no close frames, no last chunk); a silent path carries this news */
  private loseConnections(which: (conn: string) => boolean, reason: string): void {
    for (const [conn, exchange] of this.exchanges)
      if (which(conn)) {
        this.network.endSilence(conn)
        exchange.lose(reason)
      }
    for (const [conn, socket] of this.sockets)
      if (which(conn)) {
        this.network.endSilence(conn)
        socket.lose(reason)
      }
  }

  /** connections with an end still open: requests sent, streams, WebSockets */
  private liveConnections(): string[] {
    const live: string[] = []
    for (const [conn, exchange] of this.exchanges) if (exchange.open && exchange.sent) live.push(conn)
    for (const [conn, socket] of this.sockets) if (socket.alive) live.push(conn)
    return live
  }

  /**
   * The `silent` fault: the paths go quiet (network.ts). Nothing is closed: each end finds out, or not,
   * by itself (a heartbeat, a timeout, its closing handshake timing out). False when `conn` is not open.
   */
  private silence(conn: string | undefined, durationMs: number | undefined, origin: FaultOrigin): boolean {
    const live = this.liveConnections()
    if (conn !== undefined && !live.includes(conn)) return false
    const paths = conn === undefined ? live : [conn]
    const until = durationMs === undefined ? null : this.now + durationMs
    for (const c of paths) this.network.silence(c, this.now, until)
    const which =
      conn !== undefined ? `The path of ${conn} goes` : paths.length ? `Every open connection (${paths.join(', ')}) goes` : 'No connection is open to go'
    const how =
      until === null
        ? 'nothing sent on it arrives, either way, and neither end is told, until one of them gives up.'
        : `for ${durationMs! / 1000} s nothing sent on it arrives, either way, and neither end is told; TCP keeps what is sent and retransmits it when the path recovers.`
    this.appendFault(`${which} silent: ${how}`, origin, conn !== undefined ? { conn } : {})
    if (until !== null)
      this.scheduler.at(
        until,
        () =>
          this.appendFault(
            `The path of ${conn ?? (paths.join(', ') || 'every connection')} recovers: what was sent while it was silent arrives now (TCP retransmits it).`,
            origin,
            { ...(conn !== undefined ? { conn } : {}), recovers: true },
          ),
        { label: 'fault: path recovers' },
      )
    return true
  }

  /** the network is down for a while: open connections are lost and new ones fail until it is back */
  private goOffline(durationMs: number, origin: FaultOrigin): void {
    this.offlineUntil = this.now + durationMs
    this.appendFault(`The network goes offline for ${durationMs / 1000} s: open connections are lost and new ones fail.`, origin, {
      offlineUntil: this.offlineUntil,
    })
    this.loseConnections(() => true, 'The connection was lost: the network went offline')
    this.scheduler.at(this.offlineUntil, () => this.appendFault('The network is back online.', origin, { recovers: true }), { label: 'fault: back online' })
  }

  /** why a new connection cannot be made now, or null */
  private unreachable(host: string): string | null {
    if (this.offline) return 'The network is offline (a fault in this lesson): the request could not be sent.'
    if (host !== this.host)
      return `There is no server at ${host} in this simulation (nothing is sent to the real network). This lesson's server is ${this.host}.`
    return null
  }

  /** one connection is dropped (the learner picked it in the inspector); false when it is not open */
  private dropConnection(conn: string, origin: FaultOrigin): boolean {
    const exchange = this.exchanges.get(conn)
    const socket = this.sockets.get(conn)
    const open = (exchange?.open && exchange.sent) || socket?.alive
    if (!open) return false
    this.appendFault(`The connection ${conn} is dropped.`, origin, { conn })
    this.loseConnections((c) => c === conn, 'The connection was lost: it ends without a proper close')
    return true
  }

  /** the first server instance, the only one in most lessons */
  get server(): SimServer {
    return this.servers[0]!
  }

  /** "the server", or "Server 2" when there are several */
  instanceLabel(instance: number): string {
    return this.servers.length > 1 ? instanceName(instance - 1, this.servers.length) : 'the server'
  }

  /**
   * Server instance `instance` (1-based) restarts: its connections close and its memory is lost. With
   * `downMs` it is down that long first: a new connection the load balancer sends it is refused (no
   * health checks: the load balancer passes TCP connections on as they come).
   */
  private restartServer(instance: number, downMs: number, origin: FaultOrigin): void {
    const index = Math.min(Math.max(instance, 1), this.servers.length) - 1
    const lost = this.servers[index]!.restart?.() ?? 'nothing (it kept no state)'
    const name = this.instanceLabel(index + 1)
    const Name = `${name[0]!.toUpperCase()}${name.slice(1)}`
    const down = downMs > 0 ? `; it is down for ${downMs / 1000} s and refuses new connections meanwhile` : ''
    const server = this.servers.length > 1 ? { server: name } : {}
    this.appendFault(`${Name} restarts: its connections close and it loses ${lost}${down}.`, origin, server)
    this.loseConnections((conn) => this.balancer.instanceOf(conn) === index, `The connection was lost: ${name} restarted`)
    if (downMs <= 0) return
    this.downUntil[index] = this.now + downMs
    this.scheduler.at(this.now + downMs, () => this.appendFault(`${Name} is up again, fresh: it accepts connections.`, origin, { ...server, recovers: true }), {
      label: 'fault: server up again',
    })
  }

  /**
   * A new connection the load balancer sent to an instance that is down: the browser's TCP SYN is
   * answered with a reset, so the client learns one round trip later. Returns why, and when it learns.
   */
  private refusal(conn: string, index: number, api: ClientRequest['api'] | 'WebSocket'): { reason: string; arrives: number } | null {
    const until = this.downUntil[index] ?? -1
    if (this.now >= until) return null
    const back = this.network.arrival(conn, 'down', this.network.arrival(conn, 'up', this.now))
    const then = {
      fetch: 'the fetch rejects with TypeError: Failed to fetch',
      EventSource: 'the EventSource fires error and tries again after its retry time',
      WebSocket: 'the WebSocket fires error, then close with code 1006',
    }[api]
    return {
      reason: `Connection refused: ${this.instanceLabel(index + 1)} is restarting (up again at ${formatSimTime(until)}). No request was sent: the attempt to connect was answered with a TCP reset one round trip later, and ${then}.`,
      arrives: back,
    }
  }

  /**
   * The learner's `new WebSocket(url)`: the Upgrade handshake is sent at `sentAt` (in `key` order),
   * the server accepts or refuses it, and the client side hears of it through `client`.
   */
  openWebSocket(
    request: { key: number; sentAt: number; host: string; target: string; origin: string; protocols: string[]; conn?: string; page?: string },
    client: WsClientListener,
  ): WsConnection {
    const conn = request.conn ?? connName(request.key)
    // a page of another site is a client of its own in the trace (its lifeline)
    if (request.page) this.trace.bindConnection(conn, { client: request.page })
    const socket = new WsConnection(
      { scheduler: this.scheduler, trace: this.trace, network: this.network, conn, key: request.key, random: this.random },
      client,
    )
    this.sockets.set(conn, socket)
    this.scheduler.at(
      request.sentAt,
      () => {
        const unreachable = this.unreachable(request.host)
        if (unreachable) {
          this.balancer.bindClient(conn, request.key)
          return socket.failToConnect(unreachable)
        }
        const { why, index } = this.balancer.route(conn, request.key)
        const server = this.servers[index]!
        const refused = this.refusal(conn, index, 'WebSocket')
        if (refused) return socket.failToConnect(refused.reason, refused.arrives)
        // the handshake carries the site's cookies, as any request to it does (only SameSite=None ones from another site's page)
        const cookie = this.cookies.header(request.target, this.now, isCrossSite(request.origin, this.host))
        const sent = { ...request, ...(cookie ? { cookie } : {}) }
        socket.handshake(
          { ...sent, ...(why ? { route: why } : {}) },
          (s) => server.acceptWebSocket?.(request.target, request.protocols, s, handshakeHeaders(sent)) ?? null,
          this.serverDelayMs,
        )
      },
      { key: request.key, label: `${conn} WebSocket handshake` },
    )
    return socket
  }

  /** connections not yet closed or lost (requests on their way or waiting for an answer, streams, WebSockets) */
  openConnectionCount(): number {
    let n = 0
    for (const exchange of this.exchanges.values()) if (exchange.open) n++
    for (const socket of this.sockets.values()) if (!socket.clientDone) n++
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
    const conn = connName(request.key, request.attempt)
    const exchange = new HttpExchange({
      scheduler: this.scheduler,
      trace: this.trace,
      network: this.network,
      proxyIdleTimeoutMs: this.proxyIdleTimeoutMs,
      conn,
      key: request.key,
    })
    this.exchanges.set(conn, exchange)
    this.scheduler.at(
      request.sentAt,
      () => {
        const unreachable = this.unreachable(request.host)
        if (unreachable) {
          this.balancer.bindClient(conn, request.key)
          return exchange.failToConnect(unreachable)
        }
        // the browser needs a connection to the origin first: a free one, or a place in the queue
        const group = this.poolGroup(request)
        exchange.onRelease(() => this.pool.release(conn))
        const started = this.pool.request(group, conn, () => this.send(request, exchange, group))
        if (started === 'started') return
        const queuedAt = this.now
        exchange.markQueued(queuedAt)
        this.balancer.bindClient(conn, request.key)
        const busy = [...this.pool.active(group)]
        this.trace.append({
          kind: 'http.queued',
          t: queuedAt,
          arrives: queuedAt,
          conn,
          from: 'client',
          to: 'client',
          bytes: 0,
          method: request.method,
          target: request.target,
          api: request.api,
          busy,
          reason: this.queuedReason(conn, request, busy),
        })
      },
      { key: request.key, label: `${conn} request sent` },
    )
    return exchange
  }

  /** which of the browser's pools a request waits in: its browser (the tabs sharing it) and the origin */
  private poolGroup(request: ClientRequest): string {
    return `${this.browsers[clientIndexOf(request.key)] ?? ''} ${request.host}`
  }

  private queuedReason(conn: string, request: ClientRequest, busy: readonly string[]): string {
    const browser = this.browsers[clientIndexOf(request.key)]
    const whose = browser && new Set(this.browsers).size > 1 ? `${browser}'s browser` : 'the browser'
    const limit =
      this.http === '2'
        ? `HTTP/2: the server allows ${HTTP2_MAX_CONCURRENT_STREAMS} streams at once on the connection`
        : `HTTP/1.1: ${HTTP1_CONNECTIONS_PER_ORIGIN} connections per origin, shared by every tab of the browser`
    return `Every connection ${whose} may open to ${request.host} is busy (${limit}): ${busy.join(', ')}. The browser holds ${conn} back until one is free; nothing is sent meanwhile.`
  }

  /**
   * The request leaves the browser: at its send time, or later when it waited for a connection
   * (then `exchange.queuedAt` is when the code made it). It reaches the server one latency later.
   */
  private send(request: ClientRequest, exchange: HttpExchange, group: string): void {
    const conn = exchange.conn
    const queuedAt = exchange.queuedAt ?? undefined
    // a request that waited may find the network gone
    const unreachable = queuedAt === undefined ? null : this.unreachable(request.host)
    if (unreachable) return exchange.failToConnect(unreachable)
    const sentAt = queuedAt === undefined ? request.sentAt : this.now
    const { why, index } = this.balancer.route(conn, request.key)
    const server = this.servers[index]!
    const refused = this.refusal(conn, index, request.api)
    if (refused) return exchange.failToConnect(refused.reason, refused.arrives)
    exchange.markSent()
    const arrives = this.network.arrival(conn, 'up', sentAt)
    const wire = formatRequestHead(request.method, request.target, request.headers)
    this.trace.append({
      kind: 'http.request',
      t: sentAt,
      arrives,
      conn,
      from: 'client',
      to: 'server',
      // the head, and the body a POST carries after it
      bytes: wire.length + utf8Length(request.body ?? ''),
      method: request.method,
      target: request.target,
      headers: request.headers,
      wire,
      api: request.api,
      ...(why ? { route: why } : {}),
      ...(queuedAt !== undefined ? { queuedAt } : {}),
      ...(this.http === '2' ? { stream: this.nextStream(group) } : {}),
    })
    this.scheduler.at(
      arrives + this.serverDelayMs,
      () => {
        exchange.startIdleTimer()
        const headers = new Map(request.headers.map((h) => [h.name.toLowerCase(), h.value]))
        server.handle({ method: request.method, target: request.target, headers, body: request.body ?? '' }, exchange)
      },
      { key: request.key, label: `${conn} request arrives` },
    )
  }

  /** HTTP/2: the client opens streams 1, 3, 5 … on its connection (RFC 9113 §5.1.1: client-initiated streams are odd) */
  private nextStream(group: string): number {
    const id = (this.lastStream.get(group) ?? -1) + 2
    this.lastStream.set(group, id)
    return id
  }

  /** what the server instances counted (requests served, empty answers …), each stat naming its instance when there are several */
  serverStats(): ServerStat[] {
    if (this.servers.length === 1) return this.server.stats?.() ?? []
    return this.servers.flatMap((server, i) => (server.stats?.() ?? []).map((stat) => ({ ...stat, server: instanceName(i, this.servers.length) })))
  }

  exchange(conn: string): HttpExchange | undefined {
    return this.exchanges.get(conn)
  }

  /** the client closes every connection still open (the run ended or was stopped) */
  closeAll(reason: string): void {
    // the waiting requests first: a connection closed before them would hand its slot to one, and send it
    const all = [...this.exchanges.values()]
    for (const exchange of all) if (exchange.waiting) exchange.closeByClient(reason)
    for (const exchange of all) exchange.closeByClient(reason)
    for (const socket of this.sockets.values()) socket.lose(reason)
  }
}

/** what a server sees of a WebSocket handshake's headers (names in lower case), as the browser sends them */
function handshakeHeaders(request: { host: string; origin: string; protocols: string[]; cookie?: string }): ReadonlyMap<string, string> {
  const headers = new Map([
    ['host', request.host],
    ['upgrade', 'websocket'],
    ['connection', 'Upgrade'],
    ['sec-websocket-version', '13'],
    ['origin', request.origin],
  ])
  if (request.cookie) headers.set('cookie', request.cookie)
  if (request.protocols.length) headers.set('sec-websocket-protocol', request.protocols.join(', '))
  return headers
}
