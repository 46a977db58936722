import { describe, expect, it } from 'vitest'
import { connectionsOf, filterEvents, noFilter } from './event-filter.ts'
import { Simulation } from '../../sim/simulation.ts'
import { LiveScoreServer } from '../../sim/servers/live-score.ts'

function run() {
  const sim = new Simulation({
    host: 'h',
    seed: 1,
    latencyMs: 50,
    createServer: (ctx) => new LiveScoreServer(ctx, { intervalMs: 1000, home: 'A', away: 'B', updates: null, retryMs: null }),
    faults: [{ atMs: 2500, kind: 'drop-connections' }],
  })
  sim.receive({ key: 1, sentAt: 0, method: 'GET', host: 'h', target: '/api/stream', headers: [], api: 'EventSource' })
  sim.receive({ key: 2, sentAt: 100, method: 'GET', host: 'h', target: '/api/score', headers: [], api: 'fetch' })
  sim.scheduler.runDue(3000)
  return sim.trace.events
}

describe('event list filters', () => {
  const events = run()
  it('filters by kind, direction and connection', () => {
    expect(filterEvents(events, { ...noFilter, kind: 'sse' }).map((e) => (e.kind === 'sse.event' ? e.fields.id : e.kind))).toEqual(['1', '2'])
    expect(filterEvents(events, { ...noFilter, direction: 'up' }).map((e) => e.kind)).toEqual(['http.request', 'http.request'])
    expect(filterEvents(events, { ...noFilter, conn: 'c2' }).map((e) => e.kind)).toEqual(['http.request', 'http.response'])
    expect(filterEvents(events, { ...noFilter, kind: 'problems' }).map((e) => e.kind)).toEqual(['fault', 'conn.close'])
    expect(connectionsOf(events)).toEqual(['c1', 'c2'])
  })

  it('searches the label and the exact wire text, ignoring case', () => {
    expect(filterEvents(events, { ...noFilter, text: 'ID: 2' }).map((e) => e.kind)).toEqual(['sse.event'])
    expect(filterEvents(events, { ...noFilter, text: 'text/event-stream' }).map((e) => e.kind)).toEqual(['http.response'])
  })
})
