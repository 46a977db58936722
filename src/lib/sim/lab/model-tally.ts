// The lab model's bookkeeping (model.ts follows the clients): the workload in arrays it walks quickly,
// and the sums over clients, each weighted by how many clients its cohort stands for, in the
// simulation's own byte counts (wire.ts).
import { DelayHistogram } from './measures.ts'
import { digits, wsFrameOverhead, WireSizes } from './wire.ts'
import type { Workload } from './workload.ts'
import { utf8Length } from '../http1.ts'

export const sizes = new WireSizes()

/** the workload in arrays the model walks quickly: arrival times and running sums of bytes */
export class Prepared {
  readonly at: Float64Array
  /** cumulative bytes over updates 1 … i (index i): their JSON, the framing of their SSE events, of their server frames */
  readonly cumJson: Float64Array
  readonly cumSseFraming: Float64Array
  readonly cumWsFraming: Float64Array
  readonly up: Array<{ atMs: number; bytes: number }>
  private readonly breaks = new Map<number, Int32Array>()

  constructor(readonly workload: Workload) {
    const n = workload.updates.length
    this.at = new Float64Array(n)
    this.cumJson = new Float64Array(n + 1)
    this.cumSseFraming = new Float64Array(n + 1)
    this.cumWsFraming = new Float64Array(n + 1)
    workload.updates.forEach((u, i) => {
      this.at[i] = u.atMs
      const event = sizes.sseEvent(u.id, u.json)
      this.cumJson[i + 1] = this.cumJson[i]! + event.payload
      this.cumSseFraming[i + 1] = this.cumSseFraming[i]! + event.bytes - event.payload
      this.cumWsFraming[i + 1] = this.cumWsFraming[i]! + wsFrameOverhead(event.payload, false)
    })
    this.up = workload.upstream.map((m) => ({ atMs: m.atMs, bytes: utf8Length(m.json) }))
  }

  get count(): number {
    return this.at.length
  }

  /** how many updates arrive at or before `t` (binary search) */
  countBy(t: number): number {
    let lo = 0
    let hi = this.at.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.at[mid]! <= t) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /** for each update index i, the first index j > i whose gap to the update before it exceeds `idleMs` (count: none) */
  silenceAfter(idleMs: number): Int32Array {
    let found = this.breaks.get(idleMs)
    if (found) return found
    const n = this.at.length
    found = new Int32Array(n + 1)
    found[n] = n
    let next = n
    for (let i = n - 1; i >= 0; i--) {
      found[i] = next
      if (i > 0 && this.at[i]! - this.at[i - 1]! > idleMs) next = i
    }
    this.breaks.set(idleMs, found)
    return found
  }

  /** the poll body for updates since+1 … upTo */
  pollBodyBytes(since: number, upTo: number): number {
    const count = Math.max(0, upTo - since)
    const last = count > 0 ? upTo : since
    return 13 + (count > 0 ? this.cumJson[upTo]! - this.cumJson[since]! + count - 1 : 0) + 9 + digits(last) + 1
  }
}

/** sums over clients, each weighted by how many clients its cohort stands for */
export class Tally {
  requests = 0
  empty = 0
  headers = 0
  framing = 0
  payload = 0
  opened = 0
  openTime = 0
  sent = 0
  delivered = 0
  events = 0
  readonly delays = new DelayHistogram()
  /** the cohort being followed */
  weight = 1
  start = 0
  /** the highest update id this client has */
  have = 0

  constructor(
    private readonly prepared: Prepared,
    private readonly durationMs: number,
  ) {}

  follow(start: number, weight: number): void {
    this.start = start
    this.weight = weight
    this.have = 0
  }

  request(headBytes: number, bodyBytes = 0): void {
    this.requests += this.weight
    this.opened += this.weight
    this.headers += this.weight * headBytes
    this.payload += this.weight * bodyBytes
  }

  response(sentAt: number, headBytes: number, bodyBytes: number, empty: boolean): void {
    if (sentAt > this.durationMs) return
    this.headers += this.weight * headBytes
    this.payload += this.weight * bodyBytes
    if (empty) this.empty += this.weight
  }

  /** bytes of a data message (SSE event, WebSocket frame) sent at `sentAt` */
  data(sentAt: number, framing: number, payload: number): void {
    if (sentAt > this.durationMs) return
    this.framing += this.weight * framing
    this.payload += this.weight * payload
  }

  /** a connection open on the client's side from `from` until `to` (clipped to the run) */
  open(from: number, to: number): void {
    this.openTime += this.weight * (Math.min(to, this.durationMs) - Math.min(from, this.durationMs))
  }

  /** updates up to id `upTo` reach the client's handler at `arrives` */
  deliver(upTo: number, arrives: number): void {
    if (arrives > this.durationMs) return
    const { at } = this.prepared
    const { weight, start, delays } = this
    let id = this.have + 1
    // updates that were there before the client started wait from its start
    let early = 0
    while (id <= upTo && at[id - 1]! <= start) {
      early++
      id++
    }
    if (early > 0) delays.add(arrives - start, weight * early)
    for (; id <= upTo; id++) delays.add(arrives - at[id - 1]!, weight)
    if (upTo > this.have) {
      this.delivered += weight * (upTo - this.have)
      this.events++
      this.have = upTo
    }
  }

  /**
   * Updates from index `from` up to (not including) `to`, each sent the moment it arrives at the server
   * and delivered one latency later (a stream, a WebSocket): their bytes and deliveries in one step.
   */
  live(from: number, to: number, latency: number, framing: Float64Array): void {
    if (to <= from) return
    const p = this.prepared
    const D = this.durationMs
    this.events++
    this.framing += this.weight * (framing[to]! - framing[from]!)
    this.payload += this.weight * (p.cumJson[to]! - p.cumJson[from]!)
    // delivered before the end: those that arrive by D - latency
    const delivered = Math.min(to, Math.max(from, p.countBy(D - latency))) - from
    if (delivered > 0) {
      this.delays.add(latency, this.weight * delivered)
      this.delivered += this.weight * delivered
      this.have = from + delivered
    }
  }

  /** one upstream message as a POST, answered 204 */
  post(atMs: number, bytes: number, latency: number): void {
    this.events++
    this.request(sizes.postHead(bytes), bytes)
    this.sent += this.weight
    this.response(atMs + latency, sizes.emptyHead, 0, false)
    this.open(atMs, atMs + 2 * latency)
  }
}

/** how many updates have arrived at the server by `t` (a message arriving at `t` comes first) */
export function arrivedBy(at: Float64Array, t: number, from: number): number {
  let m = from
  while (m < at.length && at[m]! <= t) m++
  return m
}
