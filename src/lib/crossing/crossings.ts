// Every message that crosses between the learner's worker and the simulation for real (through the
// service worker and msw, or over the WebSocket bridge) holds simulated time until it has arrived: this
// module owns all of it, for fetch, EventSource and WebSocket alike — the names of the barrier's keys,
// when each is held, and the acknowledgements that release them. The transport (mock/) and the run
// (runner/) call it; neither builds a key. The table in docs/architecture.md ("One simulation clock")
// maps to the methods below.
//
// Crossings towards the learner's code also take turns: messages for several connections that arrive at
// one simulated instant travel by different real paths (the service worker's streams, the WebSocket
// bridge's port), so they would reach the worker in whatever order real time gives. Each waits until every
// crossing held before it for another connection has been acknowledged: the learner's code sees them in
// the simulation's order, run after run.
import type { Barrier } from '../sim/barrier.ts'

/** barrier keys for one connection (named as on the wire, c1 / A1); all start with `${conn}/` */
const key = {
  request: (conn: string) => `${conn}/request`,
  head: (conn: string) => `${conn}/head`,
  end: (conn: string) => `${conn}/end`,
  event: (conn: string, n: number) => `${conn}/event/${n}`,
  ws: (conn: string, n: number) => `${conn}/ws/${n}`,
  all: (conn: string) => `${conn}/`,
}

export class Crossings {
  /** per EventSource: how many of its events the worker has acknowledged */
  private readonly eventsSeen = new Map<string, number>()
  /** per WebSocket: how many events have been handed to the worker */
  private readonly wsDelivered = new Map<string, number>()

  /** deliveries waiting for their turn, in the order they asked */
  private waiting: Array<{ key: string; go: () => void }> = []
  /** the crossings towards the code still held, in the order they were held: key → its connection */
  private readonly towards = new Map<string, string>()
  /** per connection, how many of `towards` are its own (a burst on one stream checks its turn at once) */
  private readonly ownCount = new Map<string, number>()

  constructor(readonly barrier: Barrier) {
    barrier.onRelease((keys) => {
      for (const k of keys) this.forget(k)
      this.nextTurns()
    })
  }

  /** the response head may travel to the learner's code now */
  headsTurn(conn: string): Promise<void> {
    return this.turn(key.head(conn))
  }

  /** the bytes of the `n`-th SSE event (and any in the same chunk) may travel now */
  eventsTurn(conn: string, n: number): Promise<void> {
    return this.turn(key.event(conn, n))
  }

  /** the end of the stream may travel now */
  endsTurn(conn: string): Promise<void> {
    return this.turn(key.end(conn))
  }

  /** WebSocket event `n` may be posted to the worker now */
  wsTurn(conn: string, n: number): Promise<void> {
    return this.turn(key.ws(conn, n))
  }

  /** the worker announced a request (fetch, or an EventSource's connection or reconnection): held until the transport has it */
  requestAnnounced(conn: string): void {
    this.barrier.hold(key.request(conn))
  }

  /** the transport has the real request */
  requestArrived(conn: string): void {
    this.barrier.done(key.request(conn))
  }

  /** the response head reaches the client in simulated time (synchronously, at delivery): held until the code has it */
  headDelivered(conn: string): void {
    this.holdTowards(key.head(conn), conn)
  }

  /** the learner's code has the head: fetch settled (body buffered), or the EventSource's open or error listener ran */
  headSeen(conn: string): void {
    this.barrier.done(key.head(conn))
  }

  /** the `n`-th dispatching SSE block of this EventSource (counted over its reconnections) is on its way */
  eventDelivered(conn: string, n: number): void {
    this.holdTowards(key.event(conn, n), conn)
  }

  /** the worker has dispatched `count` events of this EventSource so far (one acknowledgement for several) */
  eventsAcknowledged(conn: string, count: number): void {
    const seen = this.eventsSeen.get(conn) ?? 0
    for (let n = seen + 1; n <= count; n++) this.barrier.done(key.event(conn, n))
    this.eventsSeen.set(conn, Math.max(seen, count))
  }

  /** an EventSource's stream ended (the server closed it, or it was lost): held until its error listener ran */
  streamEnded(conn: string): void {
    this.holdTowards(key.end(conn), conn)
  }

  /** the EventSource's error listener ran (readyState CONNECTING or CLOSED) */
  streamEndSeen(conn: string): void {
    this.barrier.done(key.head(conn))
    this.barrier.done(key.end(conn))
  }

  /** a WebSocket event (open, message, error, close) is posted to the worker; returns its number on this socket */
  wsEventDelivered(conn: string): number {
    const n = (this.wsDelivered.get(conn) ?? 0) + 1
    this.wsDelivered.set(conn, n)
    this.holdTowards(key.ws(conn, n), conn)
    return n
  }

  /** the worker ran the learner's listeners for WebSocket event `n` */
  wsEventAcknowledged(conn: string, n: number): void {
    this.barrier.done(key.ws(conn, n))
  }

  /** the learner's code closed the connection: nothing more will arrive on it */
  connectionClosed(conn: string): void {
    this.barrier.doneAll(key.all(conn))
  }

  /** the run ended: release everything */
  releaseAll(): void {
    for (const open of this.barrier.open) this.barrier.done(open)
  }

  private turn(k: string): Promise<void> {
    if (this.isTurn(k)) return Promise.resolve()
    return new Promise((go) => this.waiting.push({ key: k, go }))
  }

  private holdTowards(k: string, conn: string): void {
    this.barrier.hold(k)
    if (this.towards.has(k)) return
    this.towards.set(k, conn)
    this.ownCount.set(conn, (this.ownCount.get(conn) ?? 0) + 1)
  }

  private forget(k: string): void {
    const conn = this.towards.get(k)
    if (conn === undefined) return
    this.towards.delete(k)
    const left = (this.ownCount.get(conn) ?? 1) - 1
    if (left > 0) this.ownCount.set(conn, left)
    else this.ownCount.delete(conn)
  }

  /** no crossing towards the code for another connection was held before `k` and is still held (a key no longer held never waits) */
  private isTurn(k: string): boolean {
    const conn = this.towards.get(k)
    if (conn === undefined) return true
    // only this connection's own crossings are held
    if (this.ownCount.get(conn) === this.towards.size) return true
    for (const [held, of] of this.towards) {
      if (held === k) return true
      if (of !== conn) return false
    }
    return true
  }

  private nextTurns(): void {
    if (this.waiting.length === 0) return
    const still: typeof this.waiting = []
    for (const w of this.waiting)
      if (this.isTurn(w.key)) w.go()
      else still.push(w)
    this.waiting = still
  }
}
