// The lab's model at scale: N clients using one technique on one workload, as a deterministic
// discrete-event model of exactly what the reference clients (reference-clients.ts) and the feed server
// (servers/feed.ts) do in the live simulation, with the simulation's own byte counts (wire.ts). Clients
// do not affect each other here (the server is not a bottleneck), so the model follows one client at a
// time, in time order, and adds up. Clients start spread evenly over the first poll interval; beyond
// `maxCohorts` clients, each followed client (a cohort) stands for several neighbours that start within
// one cohort's share of that interval, weighted by how many it stands for. With N ≤ maxCohorts the model
// is exact: model.test.ts compares it with the live simulation, number by number.
import { utf8Length } from '../http1.ts'
import { DelayHistogram, type Measures } from './measures.ts'
import { SSE_RECONNECT_MS, type Technique } from './reference-clients.ts'
import { pollTarget, socketTarget, waitTarget, wsFrameOverhead, WireSizes } from './wire.ts'
import type { Workload } from './workload.ts'

export interface ModelInput {
  technique: Technique
  workload: Workload
  clients: number
  pollIntervalMs: number
  holdTimeoutMs: number
  /** one-way latency (half the round trip), whole ms */
  latencyMs: number
  /** a proxy cuts HTTP connections silent this long (null: none); WebSockets are not cut in this simulation */
  proxyIdleTimeoutMs: number | null
  durationMs: number
  /** clients followed one by one at most (default 256) */
  maxCohorts?: number
}

export interface ModelResult extends Measures {
  /** steps the model took (polls, deliveries, messages sent): its cost grows with these */
  events: number
  cohorts: number
}

/** when client `index` of `clients` starts: spread evenly over the first poll interval */
export function clientStart(index: number, clients: number, pollIntervalMs: number): number {
  return Math.floor((index * pollIntervalMs) / clients)
}

const sizes = new WireSizes()
const digits = (n: number) => (n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : n < 10000 ? 4 : String(n).length)

/** the workload in arrays the model walks quickly */
class Prepared {
  readonly at: Float64Array
  /** cumulative JSON bytes: cum[i] = bytes of updates 1 … i */
  readonly cum: Float64Array
  readonly sse: Float64Array
  readonly ssePayload: Float64Array
  readonly up: Array<{ atMs: number; bytes: number }>

  constructor(readonly workload: Workload) {
    const n = workload.updates.length
    this.at = new Float64Array(n)
    this.cum = new Float64Array(n + 1)
    this.sse = new Float64Array(n)
    this.ssePayload = new Float64Array(n)
    workload.updates.forEach((u, i) => {
      this.at[i] = u.atMs
      const bytes = utf8Length(u.json)
      this.cum[i + 1] = this.cum[i]! + bytes
      const event = sizes.sseEvent(u.id, u.json)
      this.sse[i] = event.bytes
      this.ssePayload[i] = event.payload
    })
    this.up = workload.upstream.map((m) => ({ atMs: m.atMs, bytes: utf8Length(m.json) }))
  }

  get count(): number {
    return this.at.length
  }

  /** the poll body for updates since+1 … upTo */
  pollBodyBytes(since: number, upTo: number): number {
    const count = Math.max(0, upTo - since)
    const last = count > 0 ? upTo : since
    return 13 + (count > 0 ? this.cum[upTo]! - this.cum[since]! + count - 1 : 0) + 9 + digits(last) + 1
  }
}

/** sums over clients, each weighted by how many clients its cohort stands for */
class Tally {
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
    for (let id = this.have + 1; id <= upTo; id++) {
      this.delays.add(arrives - Math.max(at[id - 1]!, this.start), this.weight)
      this.delivered += this.weight
      this.events++
    }
    if (upTo > this.have) this.have = upTo
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
function arrivedBy(at: Float64Array, t: number, from: number): number {
  let m = from
  while (m < at.length && at[m]! <= t) m++
  return m
}

function shortPolling(input: ModelInput, p: Prepared, tally: Tally): void {
  const { pollIntervalMs: T, latencyMs: L, durationMs: D } = input
  // answers on their way: [arrival time, the last id they carry], in order
  const pendingAt: number[] = []
  const pendingLast: number[] = []
  let head = 0
  let last = 0
  let m = 0
  for (let t = tally.start; t <= D; t += T) {
    tally.events++
    // a timer runs before deliveries at the same instant: only answers that arrived earlier count
    while (head < pendingAt.length && pendingAt[head]! < t) last = Math.max(last, pendingLast[head++]!)
    tally.request(sizes.getHead(pollTarget(last)))
    const a = t + L
    m = arrivedBy(p.at, a, m)
    const upTo = Math.max(m, last)
    const body = p.pollBodyBytes(last, upTo)
    tally.response(a, sizes.jsonHead(body), body, upTo === last)
    tally.open(t, a + L)
    if (a <= D) tally.deliver(upTo, a + L)
    pendingAt.push(a + L)
    pendingLast.push(upTo)
  }
}

function longPolling(input: ModelInput, p: Prepared, tally: Tally): void {
  const { holdTimeoutMs: H, latencyMs: L, durationMs: D, proxyIdleTimeoutMs: P } = input
  let last = 0
  let m = 0
  for (let t = tally.start; t <= D;) {
    tally.events++
    tally.request(sizes.getHead(waitTarget(last)))
    const a = t + L
    m = arrivedBy(p.at, a, m)
    let answeredAt: number
    let upTo = last
    if (m > last) {
      answeredAt = a
      upTo = m
    } else {
      // held: the next update releases it, or the hold timeout ends it (an update at that instant wins)
      const next = m < p.count ? p.at[m]! : Infinity
      answeredAt = next <= a + H ? next : a + H
      if (P !== null && answeredAt > a + P) {
        // the proxy gives up first and answers 504 in the server's place
        tally.response(a + P, sizes.gatewayTimeout.head, sizes.gatewayTimeout.body, true)
        tally.open(t, a + P + L)
        t = a + P + L
        continue
      }
      if (next <= a + H) upTo = last + 1
    }
    if (upTo > last) {
      const body = p.pollBodyBytes(last, upTo)
      tally.response(answeredAt, sizes.jsonHead(body), body, false)
      if (answeredAt <= D) tally.deliver(upTo, answeredAt + L)
    } else {
      tally.response(answeredAt, sizes.emptyHead, 0, true)
    }
    tally.open(t, answeredAt + L)
    if (answeredAt > D) break
    last = upTo
    t = answeredAt + L
  }
}

function serverSentEvents(input: ModelInput, p: Prepared, tally: Tally): void {
  const { latencyMs: L, durationMs: D, proxyIdleTimeoutMs: P } = input
  let lastId = 0
  let sawId = false
  for (let t = tally.start; t <= D;) {
    tally.events++
    tally.request(sizes.streamRequestHead(sawId ? String(lastId) : ''))
    const a = t + L
    if (a > D) {
      tally.open(t, D)
      return
    }
    tally.response(a, sizes.streamHead, 0, false)
    // what the client missed goes out at once, then each update as it arrives
    let id = lastId
    let lastSend = a
    const m = arrivedBy(p.at, a, lastId)
    for (; id < m; id++) tally.data(a, p.sse[id]! - p.ssePayload[id]!, p.ssePayload[id]!)
    if (m > lastId) {
      tally.deliver(m, a + L)
      lastId = m
      sawId = true
    }
    let cutAt = Infinity
    for (; id < p.count; id++) {
      const at = p.at[id]!
      if (P !== null && at > lastSend + P) break
      if (at > D) break
      tally.events++
      tally.data(at, p.sse[id]! - p.ssePayload[id]!, p.ssePayload[id]!)
      tally.deliver(id + 1, at + L)
      lastSend = at
      lastId = id + 1
      sawId = true
    }
    if (P !== null && lastSend + P <= D) cutAt = lastSend + P
    if (cutAt === Infinity) {
      tally.open(t, D)
      return
    }
    // the proxy cuts the silent stream; the client hears one latency later and reconnects after its delay
    tally.open(t, cutAt + L)
    t = cutAt + L + SSE_RECONNECT_MS
  }
}

function webSocket(input: ModelInput, p: Prepared, tally: Tally): void {
  const { latencyMs: L, durationMs: D } = input
  const t = tally.start
  if (t > D) return
  tally.events++
  tally.request(sizes.wsHandshake(socketTarget(0)).request)
  tally.open(t, D)
  const a = t + L
  if (a > D) return
  tally.response(a, sizes.wsHandshake(socketTarget(0)).response, 0, false)
  const m = arrivedBy(p.at, a, 0)
  for (let id = 0; id < m; id++) {
    const bytes = p.cum[id + 1]! - p.cum[id]!
    tally.data(a, wsFrameOverhead(bytes, false), bytes)
  }
  tally.deliver(m, a + L)
  for (let id = m; id < p.count; id++) {
    const at = p.at[id]!
    if (at > D) break
    tally.events++
    const bytes = p.cum[id + 1]! - p.cum[id]!
    tally.data(at, wsFrameOverhead(bytes, false), bytes)
    tally.deliver(id + 1, at + L)
  }
  // the client's own messages wait for the socket to open, then go as masked frames
  const openAt = a + L
  for (const message of p.up) {
    if (message.atMs < t) continue
    const sentAt = Math.max(message.atMs, openAt)
    if (sentAt > D) continue
    tally.events++
    tally.data(sentAt, wsFrameOverhead(message.bytes, true), message.bytes)
    tally.sent += tally.weight
  }
}

const FOLLOW: Record<Technique, (input: ModelInput, p: Prepared, tally: Tally) => void> = {
  'short-polling': shortPolling,
  'long-polling': longPolling,
  sse: serverSentEvents,
  websocket: webSocket,
}

const preparedCache = new WeakMap<Workload, Prepared>()

/** runs the model: every measure of the live table, for `clients` clients */
export function runModel(input: ModelInput): ModelResult {
  let p = preparedCache.get(input.workload)
  if (!p) preparedCache.set(input.workload, (p = new Prepared(input.workload)))
  const tally = new Tally(p, input.durationMs)
  const cohorts = Math.max(1, Math.min(input.clients, input.maxCohorts ?? 256))
  for (let k = 0; k < cohorts; k++) {
    const first = Math.floor((k * input.clients) / cohorts)
    const weight = Math.floor(((k + 1) * input.clients) / cohorts) - first
    tally.follow(clientStart(first, input.clients, input.pollIntervalMs), weight)
    FOLLOW[input.technique](input, p, tally)
    if (input.technique !== 'websocket')
      for (const message of p.up) if (message.atMs >= tally.start && message.atMs <= input.durationMs) tally.post(message.atMs, message.bytes, input.latencyMs)
  }
  return {
    technique: input.technique,
    clients: input.clients,
    durationMs: input.durationMs,
    requests: tally.requests,
    emptyAnswers: tally.empty,
    bytes: { headers: tally.headers, framing: tally.framing, payload: tally.payload },
    connectionsOpened: tally.opened,
    connectionsHeld: tally.openTime / input.durationMs,
    delivered: tally.delivered,
    undelivered: input.clients * p.count - tally.delivered,
    delay: tally.delays.stats(),
    sent: tally.sent,
    sendsOnSameConnection: input.technique === 'websocket',
    events: tally.events,
    cohorts,
  }
}
