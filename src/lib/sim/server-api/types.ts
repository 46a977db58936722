// The API lessons write their simulated servers with (`import { defineServer } from 'wirelab/server'`).
// Plain logic on the simulation's clock: every callback runs at a simulated instant, everything a server
// sends goes into the trace with its real bytes, and the same code gives the same run.

/** a request as it reaches the server */
export interface LessonRequest {
  method: string
  /** the path, without the query: "/api/messages" */
  path: string
  /** the query's parameters (the first value of each): `?since=3` → `{ since: '3' }` */
  query: Readonly<Record<string, string>>
  /** the route's `:name` parts: pattern "/api/items/:id", path "/api/items/7" → `{ id: '7' }` */
  params: Readonly<Record<string, string>>
  /** a request header, by name in any case (undefined when absent) */
  header(name: string): string | undefined
  /** every header, names in lower case */
  headers: Readonly<Record<string, string>>
  /** the request's cookies (from its Cookie header) */
  cookies: Readonly<Record<string, string>>
  body: string
  /** the body parsed as JSON; throws a clear error when it is not JSON */
  json<T = unknown>(): T
  /** the connection's name on the wire ("c3", "B2") */
  conn: string
}

/** extra headers on an answer, in the order given */
export type Headers = Readonly<Record<string, string>>

/** how to answer one HTTP request; answer once (a second answer throws) */
export interface LessonResponse {
  /** `value` as JSON: 200 unless `status` says otherwise */
  json(value: unknown, options?: { status?: number; headers?: Headers }): void
  /** a text body (text/plain unless a Content-Type header says otherwise) */
  text(body: string, options?: { status?: number; headers?: Headers }): void
  /** no body: 204 No Content unless `status` says otherwise (e.g. 304) */
  empty(status?: number, options?: { headers?: Headers }): void
  /** answer 200 with an event stream (text/event-stream unless a Content-Type header says otherwise) */
  stream(options?: { headers?: Headers }): EventStream
  /** keep the request open without answering yet (long polling): shown as a held span; answer later */
  hold(reason?: string): void
  /** the client went away (closed it, or the run ended) before this was answered or while it streams */
  onClose(fn: () => void): void
  /** answered, or the client is gone */
  readonly done: boolean
}

/** one SSE event: `data` may span lines (each becomes a `data:` line); an object is sent as JSON */
export interface SseEventInit {
  id?: string | number
  event?: string
  data?: string | number | boolean | object
  retry?: number
  comment?: string
}

export interface EventStream {
  send(event: SseEventInit): void
  /** a comment line (`: text`): dispatches nothing, keeps a proxy from cutting an idle stream */
  comment(text?: string): void
  /** ask the browser to wait this long before reconnecting (a `retry:` block) */
  retry(ms: number): void
  /** text exactly as it goes on the wire: CRLF or CR line ends, a BOM, an event split over chunks */
  raw(text: string): void
  /** end the response (the browser's EventSource reconnects after its retry time) */
  close(): void
  onClose(fn: () => void): void
  readonly closed: boolean
}

/** the server's end of one WebSocket */
export interface LessonSocket {
  /** the connection's name on the wire ("c2", "A1") */
  readonly conn: string
  /** the request that opened it (its path, query, headers, cookies) */
  readonly request: LessonRequest
  /** per-socket data the server keeps (a user name …) */
  readonly data: Record<string, unknown>
  readonly open: boolean
  /** a text frame, or a binary one for bytes; an object is sent as JSON text */
  send(data: string | Uint8Array | object): void
  ping(payload?: string): void
  /** a close frame with this code (default 1000) and reason */
  close(code?: number, reason?: string): void
  /** bytes exactly as given, as one frame or several (lessons about the wire: invalid frames included) */
  sendRaw(bytes: Uint8Array): void
}

/** what a WebSocket endpoint does; `accept` decides the handshake */
export interface SocketHandlers {
  /**
   * The handshake: true (or nothing) to accept, `{ protocol }` to accept choosing a subprotocol from
   * `offered`, false to refuse with 403, or `{ refuse: status, headers? }` (e.g. 401 when a cookie is
   * missing). Without `accept` every handshake to the path is accepted with no subprotocol.
   */
  accept?(request: LessonRequest, offered: readonly string[]): boolean | void | { protocol: string } | { refuse: number; headers?: Headers }
  open?(socket: LessonSocket): void
  message?(socket: LessonSocket, data: string | Uint8Array): void
  close?(socket: LessonSocket, code: number | null, reason: string): void
}

export type RouteHandler = (request: LessonRequest, response: LessonResponse) => void

/** a counter shown above the timeline and read by checks (`run.serverStat(id)`) */
export interface Counter {
  add(n?: number): void
  /** for a number that goes down too (clients connected now) */
  set(value: number): void
  readonly value: number
}

/** what both the world and the server can use: the clock, timers, randomness, the log */
export interface ClockApi<Options = unknown> {
  /** the lesson's options for this server (front matter `scenario.server.options`) */
  readonly options: Options
  /** "Server", or "Server 1", "Server 2" … behind a load balancer */
  readonly name: string
  /** 1-based position among the instances */
  readonly instance: number
  /** simulated ms since the run started */
  now(): number
  after(ms: number, fn: () => void): number
  every(ms: number, fn: () => void): number
  at(t: number, fn: () => void): number
  cancel(timer: number): void
  /** seeded randomness: the same run gives the same numbers, each instance from the same seed */
  random(): number
  /** a line in the trace, on this server's lifeline: what it is doing, for the learner to see */
  log(text: string): void
}

/** what `world` gets: the outside world of one instance, which a restart does not stop */
export interface WorldApi<Options = unknown> extends ClockApi<Options> {
  /** tell the server (its current life, after any restart) that something happened: `server.on(event, …)` hears it */
  emit(event: string, payload?: unknown): void
}

/** what `setup` gets: one life of a server instance (a new one after each restart) */
export interface ServerApi<Options = unknown> extends ClockApi<Options> {
  /** how many times this instance has restarted before this life (0 at first) */
  readonly restarts: number
  /** hear what the world emits (`world.emit(event, payload)`) */
  on(event: string, fn: (payload: unknown) => void): void

  get(path: string, handler: RouteHandler): void
  post(path: string, handler: RouteHandler): void
  put(path: string, handler: RouteHandler): void
  delete(path: string, handler: RouteHandler): void
  /** any method ('*' for all); `path` may have `:name` parts and end with `*` */
  route(method: string, path: string, handler: RouteHandler): void
  /** a WebSocket endpoint at `path` */
  socket(path: string, handlers: SocketHandlers): void
  /** the WebSockets open on this instance now (to broadcast), optionally at one path */
  sockets(path?: string): LessonSocket[]

  /** is there a pub/sub broker between the instances? */
  readonly broker: boolean
  /** publish on the broker (nothing when there is none); returns how many instances get it */
  publish(channel: string, message: string | object): number
  subscribe(channel: string, deliver: (message: string) => void): void

  /** a counter shown with the server's numbers, kept across restarts: `counter('polls', ['poll', 'polls'])` */
  counter(id: string, label: readonly [one: string, other: string]): Counter
  /** what a restart makes this instance forget, in words (or a function saying it at the moment of the restart) */
  forgets(what: string | (() => string)): void
}

export interface ServerDefinition<Options = unknown, World = void> {
  /** what a learner may call, for hints and docs, e.g. "GET /api/ticks" */
  endpoints?: readonly string[]
  /**
   * The outside world of one instance (a match going on, mail arriving, users typing): made once per
   * instance at the start of the run. It survives restarts and its timers keep running; it tells the
   * server what happens with `emit`. Optional.
   */
  world?(world: WorldApi<Options>): World
  /** builds one life of an instance: at the start of the run, and again after each restart (nothing of the old life survives) */
  setup(server: ServerApi<Options>, world: World): void
}
