// The lab's questions (lessons/_lab.yml) quote numbers the lab shows: these tests recompute them with the
// model at the settings each prompt names, so a change to the model or the workloads that moves a number
// fails here instead of leaving a question wrong.
import { describe, expect, it } from 'vitest'
import { runModel } from './model.ts'
import { requestsPerSecond, type Measures } from './measures.ts'
import { TECHNIQUES, type Technique } from './reference-clients.ts'
import { makeWorkload, type WorkloadKind } from './workload.ts'

const HOUR = 3_600_000
/** the lab's defaults: seed 1, 100 ms round trip, 30 s hold, no proxy, one hour */
function lab(kind: WorkloadKind, perMinute: number, clients: number, pollIntervalMs: number): Record<Technique, Measures> {
  const workload = makeWorkload(kind, perMinute, HOUR, 1)
  return Object.fromEntries(
    TECHNIQUES.map((technique): [Technique, Measures] => [
      technique,
      runModel({ technique, workload, clients, pollIntervalMs, holdTimeoutMs: 30_000, latencyMs: 50, proxyIdleTimeoutMs: null, durationMs: HOUR }),
    ]),
  ) as Record<Technique, Measures>
}

describe("the numbers the lab's questions quote", () => {
  it('inbox-requests-per-day: 121 requests an hour, so about 2 900 a day, nearly all empty', () => {
    const m = lab('inbox', 1 / 60, 1, 30_000)['short-polling']
    expect(m.requests).toBe(121)
    expect(m.requests * 24).toBeGreaterThan(2850)
    expect(m.requests * 24).toBeLessThan(2950)
    expect(m.requests - m.emptyAnswers).toBeLessThanOrEqual(3)
  })

  it('inbox-delay-and-cost: about 15 s on average, p95 about 28.5 s, about 330 requests a second', () => {
    const m = lab('inbox', 1 / 60, 10_000, 30_000)['short-polling']
    expect(m.delay!.mean).toBeGreaterThan(13_000)
    expect(m.delay!.mean).toBeLessThan(17_000)
    expect(m.delay!.p95).toBeGreaterThan(27_000)
    expect(m.delay!.max).toBeLessThanOrEqual(30_100)
    expect(requestsPerSecond(m)).toBeCloseTo(333, -1)
  })

  it('long-polling-what-it-saves: no empty answers and ~50 ms, against ~125 empty and ~2.5 s', () => {
    const m = lab('chat', 20, 1, 5000)
    expect(m['long-polling'].emptyAnswers).toBe(0)
    expect(m['long-polling'].delay!.mean).toBeLessThan(60)
    expect(m['short-polling'].emptyAnswers).toBeGreaterThan(100)
    expect(m['short-polling'].emptyAnswers).toBeLessThan(150)
    expect(m['short-polling'].delay!.mean).toBeGreaterThan(2300)
    expect(m['short-polling'].delay!.mean).toBeLessThan(2700)
    expect(m['long-polling'].requests).toBeGreaterThan(m['short-polling'].requests)
  })

  it('long-polling-what-it-costs: ~3 600 requests and ~640 KB of headers against 1 request and ~230 bytes', () => {
    const m = lab('ticker', 60, 1, 5000)
    expect(m['long-polling'].requests).toBe(3584)
    expect(m['long-polling'].bytes.headers).toBeGreaterThan(600_000)
    expect(m['long-polling'].bytes.headers).toBeLessThan(680_000)
    expect(m['long-polling'].delay!.mean).toBeLessThan(60)
    expect(m.sse.requests).toBe(1)
    expect(m.sse.bytes.headers).toBe(227)
  })

  it('websocket-latency-and-state: 50 ms; ~10 000 connections held against ~540', () => {
    const m = lab('chat', 20, 10_000, 5000)
    // one latency, but for what arrived while a late client's handshake was on its way
    expect(m.websocket.delay!.mean).toBeLessThan(51)
    expect(m.websocket.delay!.p95).toBe(50)
    expect(m['short-polling'].delay!.mean).toBeGreaterThan(2300)
    expect(m.websocket.connectionsHeld).toBeGreaterThan(9900)
    // a poll every 5 s and a POST per message sent, each open for one round trip
    expect(m['short-polling'].connectionsHeld).toBeGreaterThan(500)
    expect(m['short-polling'].connectionsHeld).toBeLessThan(580)
    expect(requestsPerSecond(m.websocket)).toBeLessThan(requestsPerSecond(m['short-polling']))
  })

  it('chat-both-ways: ~1 200 POSTs and ~200 KB of headers for SSE; 6 bytes a frame on the WebSocket', () => {
    const m = lab('chat', 20, 1, 5000)
    expect(m.sse.sent).toBe(1218)
    expect(m.sse.requests).toBe(1219)
    expect(m.sse.bytes.headers).toBeGreaterThan(190_000)
    expect(m.sse.bytes.headers).toBeLessThan(230_000)
    expect(m.websocket.requests).toBe(1)
    expect(m.websocket.sendsOnSameConnection).toBe(true)
    expect(m.sse.sendsOnSameConnection).toBe(false)
  })

  it('score-stream: SSE and WebSocket both deliver in 50 ms over one request, a few KB an hour', () => {
    const m = lab('score', 2, 1, 5000)
    for (const t of ['sse', 'websocket'] as const) {
      expect(m[t].requests).toBe(1)
      expect(m[t].delay!.max).toBe(50)
      expect(m[t].bytes.headers + m[t].bytes.framing + m[t].bytes.payload).toBeLessThan(15_000)
    }
  })
})
