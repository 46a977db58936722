// A lesson's server definition (server-api/types.ts) running as a simulated server instance: routes,
// WebSocket endpoints, timers, the broker and counters, each life of the instance (its start, then each
// restart) with its own state, timers and subscriptions. The built-in servers are written the same way.
import type { ResponseWriter } from '../exchange.ts'
import type { HandshakeAnswer, ServerSocket } from '../ws-connection.ts'
import type { ServerContext, ServerRequest, ServerStat, SimServer } from '../servers/types.ts'
import { lessonRequest, splitTarget } from './request.ts'
import { findRoute, matchPath, type Route } from './routes.ts'
import { lessonResponse, headerList } from './response.ts'
import type { ClockApi, Counter, LessonSocket, RouteHandler, ServerApi, ServerDefinition, SocketHandlers, WorldApi } from './types.ts'

interface OpenSocket {
  path: string
  socket: LessonSocket
}

/** one life of the instance: what setup made, gone at a restart */
class Life {
  readonly routes: Array<Route<RouteHandler>> = []
  readonly endpoints: Array<{ pattern: string; handlers: SocketHandlers }> = []
  readonly open = new Set<OpenSocket>()
  /** our timer ids → the scheduler's */
  readonly timers = new Map<number, number>()
  readonly unsubscribe: Array<() => void> = []
  /** what the world's events do in this life */
  readonly listeners = new Map<string, Array<(payload: unknown) => void>>()
  forgets: string | (() => string) = ''
  dead = false
}

export class LessonServer<Options, World = void> implements SimServer {
  readonly endpoints: readonly string[]
  private life = new Life()
  private restarts = 0
  private timerIds = 0
  private readonly counters = new Map<string, { label: readonly [string, string]; value: number }>()
  /** the instance's outside world: made once, its timers never cancelled */
  private readonly worldTimers = new Map<number, number>()
  private readonly world: World

  constructor(
    private readonly ctx: ServerContext,
    private readonly definition: ServerDefinition<Options, World>,
    private readonly options: Options,
    /** told of every error the server's code throws (after it is logged): a learner's server shows them at their line */
    private readonly onError?: (error: unknown, where: string) => void,
  ) {
    this.endpoints = definition.endpoints ?? []
    this.world = definition.world ? (this.attempt('world', () => definition.world!(this.worldApi()))?.value as World) : (undefined as World)
    this.start()
  }

  handle(request: ServerRequest, response: ResponseWriter): void {
    const { path } = splitTarget(request.target)
    const found = findRoute(this.life.routes, request.method, path)
    if (!found) {
      const other = this.life.routes.some((r) => matchPath(r.pattern, path))
      const status = other ? 405 : 404
      const offers = this.endpoints.length ? ` This server offers: ${this.endpoints.join(', ')}` : ''
      response.respond(
        status,
        JSON.stringify({ error: other ? `${request.method} is not allowed on ${path}.${offers}` : `No such endpoint: ${path}.${offers}` }),
      )
      return
    }
    const answer = lessonResponse(response)
    this.guard(
      `${request.method} ${path}`,
      () => found.route.handler(lessonRequest(request, found.params, response.conn), answer),
      () => {
        // the server's code threw before answering: a real server would answer 500
        if (!answer.done) answer.json({ error: 'The server failed (see its log in the trace).' }, { status: 500 })
      },
    )
  }

  acceptWebSocket(target: string, protocols: string[], socket: ServerSocket, headers: ReadonlyMap<string, string>): HandshakeAnswer {
    const { path } = splitTarget(target)
    const life = this.life
    for (const endpoint of life.endpoints) {
      const params = matchPath(endpoint.pattern, path)
      if (!params) continue
      const request = lessonRequest({ method: 'GET', target, headers, body: '' }, params, socket.conn)
      const accept = endpoint.handlers.accept
      const decided = accept ? this.attempt(`the handshake of ${path}`, () => accept(request, protocols)) : { value: true as const }
      if (!decided) return { refuse: 500 }
      const answer = decided.value
      if (answer === false) return { refuse: 403 }
      if (answer && typeof answer === 'object' && 'refuse' in answer) return { refuse: answer.refuse, headers: headerList(answer.headers) }
      const protocol = answer && typeof answer === 'object' && 'protocol' in answer ? answer.protocol : ''
      this.openSocket(life, endpoint.handlers, path, request, socket)
      return { protocol }
    }
    return null
  }

  stats(): ServerStat[] {
    return [...this.counters].map(([id, c]) => ({ id, label: [c.label[0], c.label[1]], value: c.value }))
  }

  restart(): string {
    const said = this.life.forgets
    const forgets = (typeof said === 'function' ? this.attempt('forgets', said)?.value : said) || 'everything it kept in memory'
    this.end(this.life)
    this.restarts++
    this.start()
    return forgets
  }

  private start(): void {
    const life = new Life()
    this.life = life
    this.guard('setup', () => this.definition.setup(this.api(life), this.world))
  }

  private end(life: Life): void {
    life.dead = true
    for (const id of life.timers.values()) this.ctx.scheduler.cancel(id)
    life.timers.clear()
    for (const unsubscribe of life.unsubscribe) unsubscribe()
    life.open.clear()
  }

  /** runs the lesson's code; an error goes to the trace as the server's log line (the run goes on) */
  private guard(where: string, fn: () => void, onError?: () => void): boolean {
    const done = this.attempt(where, fn)
    if (!done) onError?.()
    return done !== null
  }

  /** `fn`'s value, or null when the lesson's code threw (logged in the trace) */
  private attempt<T>(where: string, fn: () => T): { value: T } | null {
    try {
      return { value: fn() }
    } catch (error) {
      this.ctx.log(`Error in the server's code (${where}): ${error instanceof Error ? error.message : String(error)}`)
      this.onError?.(error, where)
      return null
    }
  }

  private openSocket(life: Life, handlers: SocketHandlers, path: string, request: LessonSocket['request'], socket: ServerSocket): void {
    const lesson: LessonSocket = {
      conn: socket.conn,
      request,
      data: {},
      get open() {
        return socket.open
      },
      send: (data) => socket.send(typeof data === 'string' || data instanceof Uint8Array ? data : JSON.stringify(data)),
      ping: (payload) => socket.ping(payload),
      close: (code, reason) => socket.close(code, reason),
      sendRaw: (bytes) => socket.sendRaw(bytes),
    }
    const entry = { path, socket: lesson }
    life.open.add(entry)
    socket.onMessage((data) => {
      if (!life.dead) this.guard(`a message on ${path}`, () => handlers.message?.(lesson, data))
    })
    socket.onClose((code, reason) => {
      life.open.delete(entry)
      if (!life.dead) this.guard(`the close of ${path}`, () => handlers.close?.(lesson, code, reason))
    })
    // after the 101 has left: what `open` sends follows it on the wire
    this.ctx.scheduler.at(
      this.ctx.scheduler.now,
      () => {
        if (!life.dead && socket.open) this.guard(`the open of ${path}`, () => handlers.open?.(lesson))
      },
      { label: `${this.ctx.name}: ${path} opened` },
    )
  }

  /** the clock, timers (kept in `timers`, so a life's can be cancelled at once), randomness and the log */
  private clock(timers: Map<number, number>, alive: () => boolean): ClockApi<Options> {
    const { ctx } = this
    const schedule = (t: number, fn: () => void, id: number, repeat: number | null): void => {
      timers.set(
        id,
        ctx.scheduler.at(
          t,
          () => {
            if (repeat === null) timers.delete(id)
            if (alive()) this.guard('a timer', fn)
            if (repeat !== null && timers.has(id)) schedule(ctx.scheduler.now + repeat, fn, id, repeat)
          },
          { label: `${ctx.name}: a timer` },
        ),
      )
    }
    const timer = (t: number, fn: () => void, repeat: number | null): number => {
      const id = ++this.timerIds
      schedule(t, fn, id, repeat)
      return id
    }
    return {
      options: this.options,
      name: ctx.name,
      instance: ctx.instance,
      now: () => ctx.scheduler.now,
      after: (ms, fn) => timer(ctx.scheduler.now + Math.max(0, ms), fn, null),
      every: (ms, fn) => {
        if (!(ms > 0)) throw new Error(`every(${ms}, …) needs a positive interval`)
        return timer(ctx.scheduler.now + ms, fn, ms)
      },
      at: (t, fn) => timer(t, fn, null),
      cancel: (id) => {
        const scheduled = timers.get(id)
        if (scheduled === undefined) return
        ctx.scheduler.cancel(scheduled)
        timers.delete(id)
      },
      random: ctx.random,
      log: (text) => ctx.log(String(text)),
    }
  }

  private worldApi(): WorldApi<Options> {
    return {
      ...this.clock(this.worldTimers, () => true),
      // to whatever life the instance is in when it happens
      emit: (event, payload) => {
        for (const fn of this.life.listeners.get(event) ?? []) this.guard(`"${event}" from the world`, () => fn(payload))
      },
    }
  }

  private api(life: Life): ServerApi<Options> {
    const { ctx } = this
    const route = (method: string) => (path: string, handler: RouteHandler) => life.routes.push({ method, pattern: path, handler })
    const counters = this.counters
    return {
      ...this.clock(life.timers, () => !life.dead),
      restarts: this.restarts,
      on: (event, fn) => life.listeners.set(event, [...(life.listeners.get(event) ?? []), fn]),
      get: route('GET'),
      post: route('POST'),
      put: route('PUT'),
      delete: route('DELETE'),
      route: (method, path, handler) => route(method === '*' ? '*' : method.toUpperCase())(path, handler),
      socket: (path, handlers) => life.endpoints.push({ pattern: path, handlers }),
      sockets: (path) => [...life.open].filter((o) => o.socket.open && (path === undefined || matchPath(path, o.path))).map((o) => o.socket),
      broker: ctx.pubsub !== null,
      publish: (channel, message) => ctx.pubsub?.publish(channel, typeof message === 'string' ? message : JSON.stringify(message)) ?? 0,
      subscribe: (channel, deliver) => {
        const unsubscribe = ctx.pubsub?.subscribe(channel, (message) => {
          if (!life.dead) this.guard(`a message on the broker's "${channel}"`, () => deliver(message))
        })
        if (unsubscribe) life.unsubscribe.push(unsubscribe)
      },
      counter(id, label): Counter {
        const c = counters.get(id) ?? { label, value: 0 }
        counters.set(id, c)
        return {
          add: (n = 1) => void (c.value += n),
          set: (value) => void (c.value = value),
          get value() {
            return c.value
          },
        }
      },
      forgets: (what) => void (life.forgets = what),
    }
  }
}
