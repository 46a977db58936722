// The learner's EventSource: a thin wrapper around the browser's own, so the real request goes through
// the service worker and msw. The wrapper (1) tags the URL with run and connection number, because a
// service worker cannot tell which worker a request came from, (2) tells the page when the connection
// was made and when each event has been handed to the learner's code: the page holds simulated time
// until then (the barrier). It wraps rather than subclasses, so that the native constructor (which
// would reach the network untagged) is not reachable from learner code through the prototype chain.
import { TAG_PARAM, type WorkerMessage } from '../protocol.ts'
import { afterMacrotask } from '../../crossing/macrotask.ts'
import { toWire } from './wire-url.ts'

export interface EventSourceDeps {
  Native: typeof EventSource
  runId: string
  nextConnection: () => number
  simNow: () => number
  post: (message: WorkerMessage) => void
  /** the lesson page's address: relative URLs resolve against it */
  baseUrl: string
  /** the learner's code starts handling something delivered on this connection (see cause.ts) */
  onDeliver?: (conn: number, what: { kind: 'sse-event'; n: number } | { kind: 'sse-open' } | { kind: 'sse-error' }) => void
}

export interface LearnerEventSourceClass {
  new (url: string | URL, init?: EventSourceInit): EventSource
  readonly CONNECTING: 0
  readonly OPEN: 1
  readonly CLOSED: 2
  /** start acknowledging events of this type on connection `conn` */
  expect(conn: number, eventType: string): void
}

type Handler = ((this: EventSource, e: Event) => unknown) | null

export function createLearnerEventSource(deps: EventSourceDeps): LearnerEventSourceClass {
  const { Native, post } = deps
  const byConnection = new Map<number, LearnerEventSource>()
  /** the native object behind each wrapper: module-private, so learner code cannot reach it */
  const natives = new WeakMap<LearnerEventSource, EventSource>()

  class LearnerEventSource extends EventTarget {
    static readonly CONNECTING = 0
    static readonly OPEN = 1
    static readonly CLOSED = 2
    readonly CONNECTING = 0
    readonly OPEN = 1
    readonly CLOSED = 2
    readonly url: string
    readonly withCredentials: boolean
    onopen: Handler = null
    onmessage: Handler = null
    onerror: Handler = null
    readonly #conn: number
    readonly #acked = new Set<string>()
    #delivered = 0
    #ackQueued = false

    constructor(url: string | URL, init?: EventSourceInit) {
      super()
      const conn = deps.nextConnection()
      const original = new URL(String(url), deps.baseUrl)
      post({ type: 'connect', conn, api: 'EventSource', t: deps.simNow(), method: 'GET', url: original.href })
      const tagged = new URL(toWire(original, deps.baseUrl))
      tagged.searchParams.set(TAG_PARAM, `${deps.runId}.${conn}`)
      const native = new Native(tagged.href, init)
      natives.set(this, native)
      this.#conn = conn
      this.url = original.href
      this.withCredentials = native.withCredentials
      byConnection.set(conn, this)
      for (const type of ['open', 'message', 'error'] as const) {
        super.addEventListener(type, (e) => (this[`on${type}`] as Handler)?.call(this as unknown as EventSource, e))
      }
      native.addEventListener('open', () => {
        deps.onDeliver?.(conn, { kind: 'sse-open' })
        this.dispatchEvent(new Event('open'))
        afterMacrotask(() => post({ type: 'response-delivered', conn }))
      })
      native.addEventListener('error', () => {
        deps.onDeliver?.(conn, { kind: 'sse-error' })
        this.dispatchEvent(new Event('error'))
        afterMacrotask(() => post({ type: 'es-error', conn, readyState: native.readyState }))
      })
      this.expectType('message')
    }

    get readyState(): number {
      return natives.get(this)?.readyState ?? 2
    }

    expectType(eventType: string): void {
      if (this.#acked.has(eventType)) return
      this.#acked.add(eventType)
      natives.get(this)?.addEventListener(eventType, (e) => {
        const event = e as MessageEvent
        const n = ++this.#delivered
        deps.onDeliver?.(this.#conn, { kind: 'sse-event', n })
        this.dispatchEvent(new MessageEvent(eventType, { data: event.data, lastEventId: event.lastEventId, origin: new URL(this.url).origin }))
        // one ack for every event dispatched before it fires: each dispatch is its own task, so by then
        // the learner's handlers (and their promise chains) for all of them have run
        if (this.#ackQueued) return
        this.#ackQueued = true
        afterMacrotask(() => {
          this.#ackQueued = false
          post({ type: 'es-delivered', conn: this.#conn, count: this.#delivered })
        })
      })
    }

    close(): void {
      const native = natives.get(this)
      if (!native || native.readyState === Native.CLOSED) return
      post({ type: 'close', conn: this.#conn, t: deps.simNow(), reason: "The learner's code called close() on the EventSource" })
      native.close()
    }
  }

  return Object.assign(LearnerEventSource as unknown as LearnerEventSourceClass & typeof LearnerEventSource, {
    expect(conn: number, eventType: string) {
      byConnection.get(conn)?.expectType(eventType)
    },
  })
}
