// What the lab compares, for one technique on one workload: the same numbers whether they come from a
// trace of the live simulation (measure-trace.ts) or from the model at scale (model.ts).
import type { Technique } from './reference-clients.ts'

export interface DelayStats {
  /** ms from the server having the update (or the client starting, if later) to the client's handler getting it */
  mean: number
  /** nearest rank: 95 % of deliveries took at most this long */
  p95: number
  max: number
}

export interface Measures {
  technique: Technique
  clients: number
  durationMs: number
  /** HTTP requests sent (polls, streams opened, WebSocket handshakes, POSTs) */
  requests: number
  /** answers to a poll that carried no update (200 with none, 204, or a proxy's 504) */
  emptyAnswers: number
  bytes: {
    /** HTTP request and response heads (the WebSocket handshake included) */
    headers: number
    /** what wraps the data: chunk framing and SSE field names, WebSocket frame headers and control frames */
    framing: number
    /** the data itself: HTTP bodies, SSE `data`, WebSocket message payloads */
    payload: number
  }
  /** connections opened: one per HTTP request, stream or WebSocket */
  connectionsOpened: number
  /** connections open at once, on average over the run (time-weighted) */
  connectionsHeld: number
  /** (client, update) pairs delivered before the run ended */
  delivered: number
  /** (client, update) pairs not delivered by the end of the run */
  undelivered: number
  delay: DelayStats | null
  /** messages the clients sent to the server (chat) */
  sent: number
  /** the client can send on the connection it receives on (only a WebSocket) */
  sendsOnSameConnection: boolean
}

export const totalBytes = (m: Measures) => m.bytes.headers + m.bytes.framing + m.bytes.payload
export const requestsPerSecond = (m: Measures) => m.requests / (m.durationMs / 1000)

/**
 * Delays in whole ms, counted with weights (a model cohort stands for several clients): exact mean,
 * nearest-rank p95 and max without sorting, in memory proportional to the longest delay.
 */
export class DelayHistogram {
  private counts = new Float64Array(1024)
  private total = 0
  private sum = 0
  private longest = -1

  add(delayMs: number, weight = 1): void {
    const d = Math.max(0, Math.round(delayMs))
    if (d >= this.counts.length) {
      let size = this.counts.length
      while (size <= d) size *= 2
      const grown = new Float64Array(size)
      grown.set(this.counts)
      this.counts = grown
    }
    this.counts[d]! += weight
    this.total += weight
    this.sum += d * weight
    if (d > this.longest) this.longest = d
  }

  get count(): number {
    return this.total
  }

  stats(): DelayStats | null {
    if (this.total === 0) return null
    const rank = Math.ceil(0.95 * this.total)
    let seen = 0
    let p95 = this.longest
    for (let d = 0; d <= this.longest; d++) {
      seen += this.counts[d]!
      if (seen >= rank) {
        p95 = d
        break
      }
    }
    return { mean: this.sum / this.total, p95, max: this.longest }
  }
}
