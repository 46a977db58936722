// The lab's model at scale: N clients using one technique on one workload, as a deterministic
// discrete-event model of exactly what the reference clients (reference-clients.ts) and the feed server
// (servers/feed.ts) do in the live simulation, with the simulation's own byte counts (wire.ts). Clients
// do not affect each other here (the server is not a bottleneck), so the model follows one client at a
// time, in time order, and adds up. Clients start spread evenly over the first poll interval; beyond
// `maxCohorts` clients, each followed client (a cohort) stands for several neighbours that start within
// one cohort's share of that interval, weighted by how many it stands for. With N ≤ maxCohorts the model
// is exact: model.test.ts compares it with the live simulation, number by number.
import type { Measures } from './measures.ts'
import { SSE_RECONNECT_MS, type Technique } from './reference-clients.ts'
import { socketTarget, wsFrameOverhead } from './wire.ts'
import type { Workload } from './workload.ts'
import { arrivedBy, Prepared, sizes, Tally } from './model-tally.ts'

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
  /** clients followed one by one at most (default DEFAULT_COHORTS) */
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

/** enough start times to draw the spread of delays (p95) smoothly, few enough to stay fast */
export const DEFAULT_COHORTS = 32

function shortPolling(input: ModelInput, p: Prepared, tally: Tally): void {
  const { pollIntervalMs: T, latencyMs: L, durationMs: D } = input
  // the answer to poll j reaches the client at t_j + 2L; a timer runs before deliveries at the same
  // instant, so poll k knows the answers of polls j with t_j + 2L < t_k, i.e. j <= k - lag
  const lag = Math.floor((2 * L) / T) + 1
  const carried = ring(lag + 1)
  let last = 0
  let m = 0
  for (let k = 0, t = tally.start; t <= D; k++, t += T) {
    tally.events++
    if (k >= lag) last = carried[(k - lag) % carried.length]!
    tally.request(sizes.getPollHead(last))
    const a = t + L
    m = arrivedBy(p.at, a, m)
    const upTo = Math.max(m, last)
    const body = p.pollBodyBytes(last, upTo)
    tally.response(a, sizes.jsonHead(body), body, upTo === last)
    tally.open(t, a + L)
    if (a <= D) tally.deliver(upTo, a + L)
    carried[k % carried.length] = upTo
  }
}

/** a small reusable buffer for the last ids the answers on their way carry */
const rings = new Map<number, Float64Array>()
function ring(size: number): Float64Array {
  let found = rings.get(size)
  if (!found) rings.set(size, (found = new Float64Array(size)))
  return found.fill(0)
}

function longPolling(input: ModelInput, p: Prepared, tally: Tally): void {
  const { holdTimeoutMs: H, latencyMs: L, durationMs: D, proxyIdleTimeoutMs: P } = input
  let last = 0
  let m = 0
  for (let t = tally.start; t <= D;) {
    tally.events++
    tally.request(sizes.getWaitHead(last))
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
  const silence = P === null ? null : p.silenceAfter(P)
  /** updates the server sends before the run ends */
  const inRun = p.countBy(D)
  let lastId = 0
  let sawId = false
  for (let t = tally.start; t <= D;) {
    tally.events++
    tally.request(sizes.streamRequestHead(sawId ? String(lastId) : ''))
    const a = t + L
    if (a > D) return tally.open(t, D)
    tally.response(a, sizes.streamHead, 0, false)
    // what the client missed goes out at once (from 0 the first time, after Last-Event-ID later)
    const m = Math.max(lastId, p.countBy(a))
    if (m > lastId) {
      tally.data(a, p.cumSseFraming[m]! - p.cumSseFraming[lastId]!, p.cumJson[m]! - p.cumJson[lastId]!)
      tally.deliver(m, a + L)
      lastId = m
      sawId = true
    }
    // then each update as it arrives, until a silence longer than the proxy's idle timeout
    let end = inRun
    if (silence !== null) end = m < p.count && p.at[m]! > a + P! ? m : Math.min(end, silence[m]!)
    let lastSend = a
    if (end > m) {
      tally.live(m, end, L, p.cumSseFraming)
      lastId = end
      sawId = true
      lastSend = p.at[end - 1]!
    }
    const cutAt = P === null ? Infinity : lastSend + P
    if (cutAt > D) return tally.open(t, D)
    // the proxy cuts the silent stream; the client hears one latency later and reconnects after its delay
    tally.open(t, cutAt + L)
    t = cutAt + L + SSE_RECONNECT_MS
  }
}

function webSocket(input: ModelInput, p: Prepared, tally: Tally): void {
  const { latencyMs: L, durationMs: D } = input
  const t = tally.start
  if (t > D) return
  const handshake = sizes.wsHandshake(socketTarget(0))
  tally.events++
  tally.request(handshake.request)
  tally.open(t, D)
  const a = t + L
  if (a > D) return
  tally.response(a, handshake.response, 0, false)
  // what arrived before the handshake goes out at once, then each update as it arrives
  const m = p.countBy(a)
  if (m > 0) {
    tally.data(a, p.cumWsFraming[m]!, p.cumJson[m]!)
    tally.deliver(m, a + L)
  }
  tally.live(m, Math.max(m, p.countBy(D)), L, p.cumWsFraming)
  // the client's own messages wait for the socket to open, then go as masked frames
  const openAt = a + L
  for (const message of p.up) {
    if (message.atMs < t) continue
    const sentAt = Math.max(message.atMs, openAt)
    if (sentAt > D) break
    tally.data(sentAt, wsFrameOverhead(message.bytes, true), message.bytes)
    tally.sent += tally.weight
  }
  tally.events += p.up.length
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
  const cohorts = Math.max(1, Math.min(input.clients, input.maxCohorts ?? DEFAULT_COHORTS))
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
