import { describe, expect, it } from 'vitest'
import { Simulation, type ClientRequest } from '../simulation.ts'
import { LiveScoreServer, type LiveScoreOptions } from './live-score.ts'
import type { SseEventEvent } from '../trace.ts'

function liveScore(options: Partial<LiveScoreOptions> = {}, faults: Array<{ atMs: number; kind: 'drop-connections' }> = []) {
  return new Simulation({
    host: 'h',
    seed: 3,
    latencyMs: 50,
    faults,
    createServer: (ctx) => new LiveScoreServer(ctx, { intervalMs: 1000, home: 'A', away: 'B', updates: null, retryMs: null, ...options }),
  })
}
const stream = (sentAt: number, attempt = 1, lastEventId?: string): ClientRequest => ({
  key: 1,
  sentAt,
  attempt,
  method: 'GET',
  host: 'h',
  target: '/api/stream',
  api: 'EventSource',
  headers: lastEventId ? [{ name: 'Last-Event-ID', value: lastEventId, source: 'reconstructed' }] : [],
})
const events = (sim: Simulation, conn: string) => sim.trace.events.filter((e): e is SseEventEvent => e.kind === 'sse.event' && e.conn === conn)

describe('live-score server', () => {
  it('plays the match from the start of the run, whether or not anyone listens', () => {
    const sim = liveScore()
    sim.receive(stream(2500))
    sim.scheduler.runDue(4500)
    expect(events(sim, 'c1').map((e) => `${e.fields.id}@${e.t}`)).toEqual(['3@3000', '4@4000'])
  })

  it('starts each stream with the retry it asks for', () => {
    const sim = liveScore({ retryMs: 2000 })
    sim.receive(stream(0))
    sim.scheduler.runDue(100)
    expect(events(sim, 'c1')[0]!.wire).toBe('retry: 2000\n\n')
  })

  it('replays what a reconnecting client missed, from its Last-Event-ID', () => {
    const sim = liveScore()
    sim.receive(stream(3950, 2, '1'))
    sim.scheduler.runDue(4500)
    expect(events(sim, 'c1.2').map((e) => `${e.fields.id}@${e.t}`)).toEqual(['2@4000', '3@4000', '4@4000'])
    // the update of 4000 is made before the request arrives at 4000, so it is replayed too
    expect(sim.serverStats().find((s) => s.id === 'replayed')!.value).toBe(3)
  })

  it('also resumes from ?lastEventId=, as EventSource polyfills ask', () => {
    const sim = liveScore()
    sim.receive({ ...stream(3950), target: '/api/stream?lastEventId=2' })
    sim.scheduler.runDue(4500)
    expect(events(sim, 'c1').map((e) => `${e.fields.id}@${e.t}`)).toEqual(['3@4000', '4@4000'])
  })

  it('ends the streams at the final whistle and answers 204 afterwards', () => {
    const sim = liveScore({ updates: 2 })
    sim.receive(stream(0))
    sim.scheduler.runDue(2500)
    sim.receive({ ...stream(3000, 2, '2') })
    sim.scheduler.runDue(4000)
    expect(sim.trace.events.map((e) => `${e.conn} ${e.kind}@${e.t}`)).toEqual([
      'c1 http.request@0',
      'c1 http.response@50',
      'c1 sse.event@1000',
      'c1 sse.event@2000',
      'c1 conn.close@2000',
      'c1.2 http.request@3000',
      'c1.2 http.response@3050',
    ])
    expect(sim.trace.events.at(-1)).toMatchObject({ status: 204 })
  })

  it('loses open connections at a scheduled fault: the stream ends one latency later', () => {
    const sim = liveScore({}, [{ atMs: 1500, kind: 'drop-connections' }])
    const exchange = sim.receive(stream(0))
    let endedAt = -1
    exchange.onEnd(() => (endedAt = sim.now))
    sim.scheduler.runDue(3000)
    expect(sim.trace.events.slice(-2).map((e) => `${e.kind}@${e.t}`)).toEqual(['fault@1500', 'conn.close@1500'])
    expect(endedAt).toBe(1550)
    expect(exchange.endedByServer).toBe(true)
    expect(events(sim, 'c1')).toHaveLength(1) // nothing is written after the loss
  })
})

describe('live-score server restart', () => {
  it('loses its history: a client resuming from Last-Event-ID gets only what comes after the restart', () => {
    const sim = liveScore()
    sim.receive(stream(0))
    sim.scheduler.runDue(2500)
    sim.fault({ kind: 'restart-server' })
    sim.receive(stream(3100, 2, '2'))
    sim.scheduler.runDue(4500)
    expect(sim.trace.events.find((e) => e.kind === 'fault')).toMatchObject({
      t: 2500,
      description: 'The server restarts: its connections close and it loses its history of 2 updates, so it cannot replay what a reconnecting client missed.',
    })
    // update 3 was made at 3000, after the restart, and is replayed; 1 and 2 are gone, 4 arrives live
    expect(events(sim, 'c1.2').map((e) => e.fields.id)).toEqual(['3', '4'])
  })
})
