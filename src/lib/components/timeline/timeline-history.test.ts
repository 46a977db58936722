import { describe, expect, it } from 'vitest'
import { TimelineHistory } from './timeline-history.ts'
import { timelineRows } from './timeline-model.ts'
import type { TraceEvent } from '../../sim/trace.ts'

/** a random trace over a few connections with every kind the rows read: requests again on a connection, bursts at one instant, closes */
function randomTrace(seed: number, length: number): TraceEvent[] {
  let state = seed
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!
  const events: TraceEvent[] = []
  let t = 0
  for (let seq = 1; seq <= length; seq++) {
    if (random() < 0.6) t += Math.floor(random() * 3) // often the same instant: bursts
    const conn = pick(['c1', 'c2', 'c3', 'c9'])
    const base = { seq, t, arrives: t + 50, bytes: 10, conn }
    const kind = pick([
      'http.request',
      'http.held',
      'http.response',
      'sse.event',
      'sse.event',
      'sse.event',
      'ws.frame',
      'ws.frame',
      'conn.close',
      'conn.error',
      'fault',
    ])
    const from = pick(['client', 'server'] as const)
    const to = from === 'client' ? 'server' : 'client'
    const event =
      kind === 'http.request'
        ? { ...base, kind, from: 'client', to: 'server', method: 'GET', target: `/x/${seq}` }
        : kind === 'http.response'
          ? { ...base, kind, from: 'server', to: 'client', status: 200, streaming: random() < 0.5 }
          : kind === 'sse.event'
            ? { ...base, kind, from: 'server', to: 'client', fields: random() < 0.7 ? { id: String(seq), data: 'x' } : { data: 'x' } }
            : kind === 'ws.frame'
              ? { ...base, kind, from, to, opcodeName: pick(['text', 'text', 'close', 'ping']) }
              : { ...base, kind, from, to }
    events.push(event as unknown as TraceEvent)
  }
  return events
}

describe('timeline rows for a replay step', () => {
  it('are the rows of the first k events, for every k, stepping forward, back and jumping', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const events = randomTrace(seed, 300)
      const history = new TimelineHistory()
      const order = [...Array(events.length + 1).keys()]
      const steps = [...order, ...order.reverse(), 0, 300, 17, 250, 3, 299, 1]
      for (const k of steps) expect(history.of(events.slice(0, k))).toEqual(timelineRows(events.slice(0, k)))
    }
  })

  it('reads a growing trace only once, and starts again on another trace', () => {
    const events = randomTrace(7, 200)
    const history = new TimelineHistory()
    for (let k = 0; k <= 200; k += 7) expect(history.of(events.slice(0, k))).toEqual(timelineRows(events.slice(0, k)))
    const other = randomTrace(8, 120)
    expect(history.of(other)).toEqual(timelineRows(other))
    expect(history.of(events.slice(0, 50))).toEqual(timelineRows(events.slice(0, 50)))
  })

  it('hands out the same row object while a step leaves the row as it was', () => {
    const events = randomTrace(9, 200)
    const history = new TimelineHistory()
    const before = history.of(events.slice(0, 150))
    const after = history.of(events.slice(0, 151))
    const changed = events[150]!.conn
    for (const row of after) if (row.conn !== changed) expect(before).toContain(row)
  })
})
