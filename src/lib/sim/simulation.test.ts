import { describe, expect, it } from 'vitest'
import { Simulation, type ClientRequest } from './simulation.ts'
import { LiveScoreServer } from './servers/live-score.ts'
import type { DeliveredChunk } from './exchange.ts'

function liveScore(seed = 7) {
  return new Simulation({
    host: 'localhost',
    seed,
    latencyMs: 50,
    createServer: (ctx) => new LiveScoreServer(ctx, { intervalMs: 1000, home: 'Lions', away: 'Tigers', updates: null, retryMs: null }),
  })
}

const streamRequest: ClientRequest = {
  key: 1,
  sentAt: 0,
  method: 'GET',
  host: 'localhost',
  target: '/api/stream',
  api: 'EventSource',
  headers: [
    { name: 'Host', value: 'localhost', source: 'modelled' },
    { name: 'Accept', value: 'text/event-stream', source: 'observed' },
  ],
}

describe('Simulation with the live-score server', () => {
  it('puts request, 200 head and one event per second on the trace, with latency', async () => {
    const sim = liveScore()
    const exchange = sim.receive(streamRequest)
    const delivered: Array<{ at: number; chunk: DeliveredChunk }> = []
    exchange.onChunk((chunk) => delivered.push({ at: sim.now, chunk }))
    sim.scheduler.runDue(3050)
    const head = await exchange.responseHead
    expect(head?.status).toBe(200)
    const kinds = sim.trace.events.map((e) => `${e.kind}@${e.t}`)
    expect(kinds).toEqual(['http.request@0', 'http.response@50', 'sse.event@1000', 'sse.event@2000', 'sse.event@3000'])
    const request = sim.trace.events[0]!
    expect(request.kind === 'http.request' && request.wire).toBe('GET /api/stream HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n')
    const response = sim.trace.events[1]!
    expect(response.kind === 'http.response' && response.wire).toMatch(
      /^HTTP\/1\.1 200 OK\r\nDate: Thu, 15 Jan 2026 19:30:00 GMT\r\nContent-Type: text\/event-stream\r\nCache-Control: no-cache\r\nTransfer-Encoding: chunked\r\n\r\n$/,
    )
    const third = sim.trace.events[4]!
    expect(third.kind === 'sse.event' && third.wire).toMatch(/^id: 3\ndata: \{"match":"Lions vs Tigers","minute":\d+,"home":\d+,"away":\d+\}\n\n$/)
    // delivered to the client one latency after the server sent it
    expect(delivered.map((d) => d.at)).toEqual([1050, 2050, 3050])
    expect(delivered[0]!.chunk.dispatched).toEqual(['message'])
  })

  it('gives the same trace for the same seed, and another for another seed', () => {
    const run = (seed: number) => {
      const sim = liveScore(seed)
      sim.receive(streamRequest)
      sim.scheduler.runDue(10_000)
      return JSON.stringify(sim.trace.toJSON())
    }
    expect(run(7)).toBe(run(7))
    expect(run(7)).not.toBe(run(8))
  })

  it('stops the stream when the client closes, and records who closed it', () => {
    const sim = liveScore()
    const exchange = sim.receive(streamRequest)
    sim.scheduler.runDue(1500)
    exchange.closeByClient('The learner closed it')
    sim.scheduler.runDue(5000)
    expect(sim.trace.events.map((e) => e.kind)).toEqual(['http.request', 'http.response', 'sse.event', 'conn.close'])
    expect(sim.trace.events.at(-1)).toMatchObject({ from: 'client', t: 1500, reason: 'The learner closed it' })
  })

  it('answers an unknown path with 404 and names the endpoints', async () => {
    const sim = liveScore()
    const exchange = sim.receive({ ...streamRequest, target: '/api/nope' })
    sim.scheduler.runDue(200)
    const head = await exchange.responseHead
    expect(head?.status).toBe(404)
    expect(head?.body).toContain('GET /api/stream')
  })
})

describe('jitter', () => {
  it('spreads arrivals by the seed, keeps one connection in order, and is the same run after run', () => {
    const run = () => {
      const sim = new Simulation({
        host: 'localhost',
        seed: 9,
        latencyMs: 50,
        jitterMs: 40,
        createServer: (ctx) => new LiveScoreServer(ctx, { intervalMs: 100, home: 'A', away: 'B', updates: null, retryMs: null }),
      })
      sim.receive(streamRequest)
      sim.scheduler.runDue(3000)
      return sim.trace.events.filter((e) => e.kind === 'sse.event').map((e) => e.arrives - e.t)
    }
    const delays = run()
    expect(delays.every((d) => d >= 50)).toBe(true)
    expect(new Set(delays).size).toBeGreaterThan(3)
    expect(run()).toEqual(delays)
  })
})

describe('faults on one connection and a slow server', () => {
  it('drops just the chosen connection', () => {
    const sim = liveScore()
    sim.receive(streamRequest)
    sim.receive({ ...streamRequest, key: 2 })
    sim.scheduler.runDue(1500)
    expect(sim.fault({ kind: 'drop-connection', conn: 'c2' })).toBe(true)
    expect(sim.fault({ kind: 'drop-connection', conn: 'c9' })).toBe(false)
    sim.scheduler.runDue(2500)
    expect(sim.trace.events.filter((e) => e.kind === 'fault' || e.kind === 'conn.close').map((e) => `${e.kind} ${e.conn}`)).toEqual([
      'fault c2',
      'conn.close c2',
    ])
    expect(sim.trace.events.filter((e) => e.kind === 'sse.event' && e.t === 2000).map((e) => e.conn)).toEqual(['c1'])
  })

  it('a slow server answers later by its processing time', () => {
    const sim = new Simulation({
      host: 'localhost',
      seed: 1,
      latencyMs: 50,
      serverDelayMs: 300,
      createServer: (ctx) => new LiveScoreServer(ctx, { intervalMs: 1000, home: 'A', away: 'B', updates: null, retryMs: null }),
    })
    sim.receive(streamRequest)
    sim.scheduler.runDue(1000)
    expect(sim.trace.events.find((e) => e.kind === 'http.response')?.t).toBe(350)
  })
})
