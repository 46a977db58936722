// The page's record of the learner's connections. fetch and the first request of an EventSource are
// announced by the worker; an EventSource's reconnections are not — the browser makes them by itself —
// so the page decides when, in simulated time, each is sent (end of the stream + the logical retry)
// and which Last-Event-ID it carries (the last id the stream delivered).
import { connName } from '../sim/conn-name.ts'
import type { SimScheduler } from '../sim/scheduler.ts'
import type { DeliveredChunk } from '../sim/response-writer.ts'
import type { Announcement } from '../crossing/run-wire.ts'
import type { Crossings } from '../crossing/crossings.ts'
import type { RequestApi } from './protocol.ts'

/** browsers wait about this long before reconnecting when the server never sent `retry:` */
export const DEFAULT_RETRY_MS = 3000

interface Connection {
  api: RequestApi
  attempt: number
  /** the next request's announcement, once known */
  next: Announcement | null
  waiters: Array<(a: Announcement | null) => void>
  lastEventId: string
  retryMs: number
  /** events dispatched over all of this EventSource's streams */
  dispatched: number
  /** their sse.event trace events, in order */
  eventSeqs: number[]
  /** closed by the learner's code, failed for good, or the run ended: no more requests */
  finished: boolean
}

export class LearnerConnections {
  private readonly connections = new Map<number, Connection>()
  /** real requests that reached the transport before the worker's message announcing them */
  private readonly pendingBeforeOpen = new Map<number, Array<(a: Announcement | null) => void>>()
  private ended = false

  constructor(
    private readonly scheduler: SimScheduler,
    private readonly crossings: Crossings,
  ) {}

  /** the worker says the learner's code sent a request */
  opened(conn: number, api: RequestApi, sentAt: number): void {
    const c: Connection = {
      api,
      attempt: 0,
      next: null,
      waiters: [],
      lastEventId: '',
      retryMs: DEFAULT_RETRY_MS,
      dispatched: 0,
      eventSeqs: [],
      finished: false,
    }
    this.connections.set(conn, c)
    this.announce(conn, c, sentAt)
  }

  /** a real request with this connection's tag reached the transport: when was it sent, which attempt? */
  nextRequest(conn: number): Promise<Announcement | null> {
    const c = this.connections.get(conn)
    if (this.ended || (c && c.finished && !c.next)) return Promise.resolve(null)
    if (c?.next) {
      const next = c.next
      c.next = null
      return Promise.resolve(next)
    }
    return new Promise((resolve) => {
      if (!c) {
        // the request overtook the worker's message: wait for it
        this.pendingBeforeOpen.set(conn, [...(this.pendingBeforeOpen.get(conn) ?? []), resolve])
        return
      }
      c.waiters.push(resolve)
    })
  }

  /** a chunk of an event stream reached the learner's EventSource; the running number of each event it dispatches */
  sseDelivered(conn: number, chunk: DeliveredChunk): number[] {
    const c = this.connections.get(conn)
    if (!c) return []
    c.lastEventId = chunk.lastEventId
    if (chunk.retry !== null) c.retryMs = chunk.retry
    return chunk.dispatched.map(() => {
      c.eventSeqs.push(chunk.seq)
      return ++c.dispatched
    })
  }

  /** the trace event of the `n`-th event this EventSource dispatched (1-based) */
  eventSeq(conn: number, n: number): number | undefined {
    return this.connections.get(conn)?.eventSeqs[n - 1]
  }

  /** the stream ended or the connection failed: the browser will reconnect after the retry time */
  streamEnded(conn: number): void {
    const c = this.connections.get(conn)
    if (!c || c.api !== 'EventSource' || c.finished) return
    // the worker's EventSource reports the end with an error event (readyState CONNECTING)
    this.crossings.streamEnded(connName(conn))
    this.scheduler.at(
      this.scheduler.now + c.retryMs,
      () => {
        if (!c.finished && !this.ended) this.announce(conn, c, this.scheduler.now)
      },
      { key: conn, label: `${connName(conn)} reconnects` },
    )
  }

  /**
   * No more requests on this connection: the learner's code closed it (es.close(), an abort), or the
   * EventSource failed for good (204, a wrong Content-Type …) and the browser will not reconnect.
   */
  finish(conn: number): void {
    const c = this.connections.get(conn)
    if (c) c.finished = true
  }

  /** requests announced by the worker that have not reached the transport yet */
  get inFlight(): number {
    let n = 0
    for (const c of this.connections.values()) if (c.next) n++
    return n
  }

  /** the name of the connection's current exchange on the simulated wire: c1, then c1.2 … after reconnects */
  currentName(conn: number): string {
    const attempt = this.connections.get(conn)?.attempt ?? 1
    return connName(conn, attempt)
  }

  endAll(): void {
    this.ended = true
    for (const c of this.connections.values()) for (const resolve of c.waiters.splice(0)) resolve(null)
    for (const list of this.pendingBeforeOpen.values()) for (const resolve of list) resolve(null)
    this.pendingBeforeOpen.clear()
  }

  private announce(conn: number, c: Connection, sentAt: number): void {
    c.attempt++
    const announcement: Announcement = { sentAt, api: c.api, attempt: c.attempt, lastEventId: c.lastEventId }
    this.crossings.requestAnnounced(connName(conn))
    const waiting = [...(this.pendingBeforeOpen.get(conn) ?? []), ...c.waiters.splice(0)]
    this.pendingBeforeOpen.delete(conn)
    const first = waiting.shift()
    if (first) first(announcement)
    else c.next = announcement
    for (const resolve of waiting) resolve(null)
  }
}
