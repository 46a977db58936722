// The trace is the product's spine: an append-only list of everything that crossed the simulated wire,
// stamped with simulated time. Views, checks and exports all read it. Format: docs/trace-format.md.
import type { Header } from './http1.ts'
import type { SseFields } from './sse.ts'

export const TRACE_FORMAT_VERSION = 4
/** older versions this one reads unchanged (versions 2, 3 and 4 only added optional fields and kinds) */
export const READABLE_VERSIONS: readonly number[] = [1, 2, 3, 4]
/** "1, 2 and 3" */
export function listVersions(versions: readonly number[]): string {
  return versions.length > 1 ? `${versions.slice(0, -1).join(', ')} and ${versions.at(-1)}` : versions.join('')
}
/** the largest trace file a learner may open (trace-schema.ts checks everything inside it) */
export const MAX_TRACE_FILE_BYTES = 20 * 1024 * 1024

/**
 * who sends or receives: 'client' (the learner's code), 'server' (a simulated server instance), the
 * pub/sub 'broker' between instances, or the 'network' between them (faults). Which client and which
 * instance is in `client` and `server` when a lesson has several.
 */
export type ActorId = 'client' | 'server' | 'network' | 'broker'

interface TraceEventBase {
  /** 1, 2, 3 … in the order events were appended */
  seq: number
  /** simulated ms when the message left its sender (or when the thing happened) */
  t: number
  /** simulated ms when it reaches the other end (equals `t` for things that do not travel) */
  arrives: number
  /** the connection it belongs to: c1, c2 … in the order connections were opened */
  conn: string
  from: ActorId
  to: ActorId
  /** bytes it takes on the wire (HTTP/1.1 framing included) */
  bytes: number
  /** the learner client at this end of the connection ("Alice"), when the lesson runs several */
  client?: string
  /** the server instance at the other end ("Server 2"), when the lesson runs several behind a load balancer */
  server?: string
  /** sent into a silent path that never recovered: it never arrived (`arrives` is when it would have) */
  lost?: true
  /** sent into a silent path: TCP retransmitted it once the path recovered (`arrives` is then) */
  retransmitted?: true
}

export interface HttpRequestEvent extends TraceEventBase, HttpRequestRoute {
  kind: 'http.request'
  method: string
  /** the request target as the learner's code asked for it */
  target: string
  headers: Header[]
  /** the request head exactly as it would be on the wire */
  wire: string
  /** what opened this connection: an `EventSource`, `fetch` or a `WebSocket` (an HTTP Upgrade) */
  api: 'EventSource' | 'fetch' | 'WebSocket'
  /** the code made the request at this simulated ms, and it waited for a free connection until `t` (an `http.queued` event says why) */
  queuedAt?: number
  /** HTTP/2: the request is this stream of the one connection to the origin (1, 3, 5 …); `wire` is then its HTTP/1.1 form */
  stream?: number
}

/** the browser holds a request back: every connection it may open to the origin is busy (HTTP/1.1: 6 per origin) */
export interface HttpQueuedEvent extends TraceEventBase {
  kind: 'http.queued'
  method: string
  target: string
  api: 'EventSource' | 'fetch'
  /** why it waits, in plain words */
  reason: string
  /** the connections holding every slot when it was queued */
  busy: string[]
}

export interface HttpResponseEvent extends TraceEventBase {
  kind: 'http.response'
  status: number
  reason: string
  headers: Header[]
  wire: string
  /** the body stays open after the head (an event stream) */
  streaming: boolean
  body?: string
}

export interface SseEventEvent extends TraceEventBase {
  kind: 'sse.event'
  /** the event-stream text of this block, e.g. "id: 3\ndata: {…}\n\n" */
  wire: string
  fields: SseFields
  /** false for blocks a browser does not dispatch (comments, retry only) */
  dispatches: boolean
  /** the server wrote this chunk as raw text (a lesson about the bytes): `fields` describe the first event it completes */
  raw?: true
}

export interface HttpHeldEvent extends TraceEventBase {
  kind: 'http.held'
  /** why the server is holding the request open, in plain words */
  reason: string
}

export interface ConnErrorEvent extends TraceEventBase {
  kind: 'conn.error'
  /** what failed, in plain words (e.g. no such host); nothing reached a server */
  reason: string
}

export interface WsFrameEvent extends TraceEventBase {
  kind: 'ws.frame'
  fin: boolean
  rsv: [boolean, boolean, boolean]
  opcode: number
  /** "text", "binary", "close", "ping", "pong", "continuation" */
  opcodeName: string
  /** the 4-byte masking key as hex, or null (server frames are never masked) */
  maskKey: string | null
  payloadLength: number
  /** the whole frame as it is on the wire, hex bytes */
  hex: string
  /** the payload as text, for text, close reasons, ping and pong */
  text?: string
  /** the payload (unmasked) as hex */
  payloadHex: string
  closeCode?: number
  /** the frame breaks RFC 6455 (a server frame): what is wrong, in plain words; a browser that reads it fails the connection */
  invalid?: string
}

export interface FaultEvent extends TraceEventBase {
  kind: 'fault'
  /** what went wrong on the network or a server, in plain words */
  description: string
  /** an offline fault: the simulated ms when the network is back (a later offline fault replaces it) */
  offlineUntil?: number
  /** who caused it: the lesson's scenario, or the learner with a button (absent in older traces) */
  origin?: 'lesson' | 'learner'
  /** the end of an earlier fault (the network back online, a silent path recovering, a restarted server up again), not a fault of its own */
  recovers?: true
}

export interface HttpRequestRoute {
  /** how the load balancer chose the instance, in plain words */
  route?: string
}

/** a server instance publishes to a channel of the pub/sub broker (Redis PUBLISH) */
export interface PubSubPublishEvent extends TraceEventBase {
  kind: 'pubsub.publish'
  channel: string
  message: string
  /** the command as RESP, as a Redis client would send it */
  wire: string
  /** how many subscribers the broker delivers it to (Redis answers this number) */
  receivers: number
}

/** the broker delivers a published message to one subscribed instance (a Redis "message" push) */
export interface PubSubDeliverEvent extends TraceEventBase {
  kind: 'pubsub.deliver'
  channel: string
  message: string
  wire: string
}

/** a lesson's server says what it is doing (`server.log(text)` in its server.ts); nothing crosses the wire */
export interface ServerLogEvent extends TraceEventBase {
  kind: 'server.log'
  text: string
}

export interface ConnCloseEvent extends TraceEventBase {
  kind: 'conn.close'
  /** in plain words, e.g. "The learner's code called es.close()" */
  reason: string
}

export type TraceEvent =
  | HttpRequestEvent
  | HttpQueuedEvent
  | HttpResponseEvent
  | HttpHeldEvent
  | SseEventEvent
  | ConnCloseEvent
  | ConnErrorEvent
  | FaultEvent
  | WsFrameEvent
  | PubSubPublishEvent
  | PubSubDeliverEvent
  | ServerLogEvent
export type TraceEventKind = TraceEvent['kind']

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never
export type NewTraceEvent = DistributiveOmit<TraceEvent, 'seq'>

export interface TraceJson {
  format: 'wirelab-trace'
  version: number
  events: TraceEvent[]
}

const KINDS: ReadonlySet<string> = new Set<TraceEventKind>([
  'http.request',
  'http.queued',
  'http.response',
  'http.held',
  'sse.event',
  'conn.close',
  'conn.error',
  'fault',
  'ws.frame',
  'pubsub.publish',
  'pubsub.deliver',
  'server.log',
])
const ACTORS: ReadonlySet<string> = new Set<ActorId>(['client', 'server', 'network', 'broker'])

/** checks the fields every event has; kind-specific fields are trusted to the version number */
function baseProblem(e: unknown, seq: number): string | null {
  if (typeof e !== 'object' || e === null) return 'not an object'
  const r = e as Record<string, unknown>
  if (r.seq !== seq) return `out of order (seq ${String(r.seq)}, expected ${seq})`
  if (typeof r.kind !== 'string' || !KINDS.has(r.kind)) return `unknown kind ${JSON.stringify(r.kind)}`
  for (const key of ['t', 'arrives', 'bytes']) if (typeof r[key] !== 'number' || !Number.isFinite(r[key])) return `"${key}" must be a number`
  if (typeof r.conn !== 'string') return '"conn" must be a string'
  if (!ACTORS.has(String(r.from)) || !ACTORS.has(String(r.to))) return '"from" and "to" must be client, server, broker or network'
  return null
}

export class Trace {
  private readonly list: TraceEvent[] = []
  private readonly listeners = new Set<(event: TraceEvent) => void>()
  private readonly actors = new Map<string, { client?: string; server?: string }>()

  get events(): readonly TraceEvent[] {
    return this.list
  }

  /** every later event on connection `conn` names this client and server instance */
  bindConnection(conn: string, actors: { client?: string; server?: string }): void {
    this.actors.set(conn, { ...this.actors.get(conn), ...actors })
  }

  append(event: NewTraceEvent): TraceEvent {
    const actors = event.conn === '' ? undefined : this.actors.get(event.conn)
    const full = { ...actors, ...event, seq: this.list.length + 1 } as TraceEvent
    this.list.push(full)
    for (const listener of this.listeners) listener(full)
    return full
  }

  subscribe(listener: (event: TraceEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  ofKind<K extends TraceEventKind>(kind: K): Array<Extract<TraceEvent, { kind: K }>> {
    return this.list.filter((e): e is Extract<TraceEvent, { kind: K }> => e.kind === kind)
  }

  toJSON(): TraceJson {
    return { format: 'wirelab-trace', version: TRACE_FORMAT_VERSION, events: this.list.map((e) => structuredClone(e)) }
  }

  static fromJSON(json: unknown): Trace {
    if (typeof json !== 'object' || json === null) throw new Error('A trace must be a JSON object')
    const { format, version, events } = json as Partial<TraceJson>
    if (format !== 'wirelab-trace') throw new Error('Not a Wirelab trace (missing "format": "wirelab-trace")')
    if (typeof version !== 'number' || !READABLE_VERSIONS.includes(version))
      throw new Error(`Trace format version ${String(version)} is not supported (this Wirelab reads versions ${listVersions(READABLE_VERSIONS)})`)
    if (!Array.isArray(events)) throw new Error('A trace needs an "events" array')
    const trace = new Trace()
    events.forEach((e: unknown, i) => {
      const problem = baseProblem(e, i + 1)
      if (problem) throw new Error(`Trace event ${i + 1}: ${problem}`)
      trace.list.push(structuredClone(e as TraceEvent))
    })
    return trace
  }
}
