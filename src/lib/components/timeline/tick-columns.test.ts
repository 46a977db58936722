import { describe, expect, it } from 'vitest'
import { TimelineHistory } from './timeline-history.ts'
import { timelineRows } from './timeline-model.ts'
import { THIN_FROM, visibleTicks, type TickScale } from './tick-columns.ts'
import type { TraceEvent } from '../../sim/trace.ts'

/** one SSE stream and one WebSocket, their events often at one instant (bursts), both ways on the socket */
function longTrace(seed: number, length: number): TraceEvent[] {
  let state = seed
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
  const events: TraceEvent[] = [
    { seq: 1, t: 0, arrives: 50, bytes: 10, conn: 'c1', kind: 'http.request', from: 'client', to: 'server', method: 'GET', target: '/s' },
    { seq: 2, t: 50, arrives: 100, bytes: 10, conn: 'c1', kind: 'http.response', from: 'server', to: 'client', status: 200, streaming: true },
    { seq: 3, t: 0, arrives: 50, bytes: 10, conn: 'c2', kind: 'http.request', from: 'client', to: 'server', method: 'GET', target: '/ws' },
    { seq: 4, t: 50, arrives: 100, bytes: 10, conn: 'c2', kind: 'http.response', from: 'server', to: 'client', status: 101, streaming: true },
  ] as unknown as TraceEvent[]
  let t = 100
  for (let seq = 5; seq <= length; seq++) {
    if (random() < 0.7) t += Math.floor(random() * 40)
    const ws = random() < 0.4
    const from = ws && random() < 0.5 ? 'client' : 'server'
    const base = { seq, t, arrives: t, bytes: 10, conn: ws ? 'c2' : 'c1', from, to: from === 'client' ? 'server' : 'client' }
    events.push((ws ? { ...base, kind: 'ws.frame', opcodeName: 'text' } : { ...base, kind: 'sse.event', fields: { data: 'x' } }) as unknown as TraceEvent)
  }
  return events
}

describe('the ticks a long row draws', () => {
  const scale: TickScale = { left: 120, width: 700, span: Math.max(1000, longTrace(1, 1500).at(-1)!.arrives) }

  it('are those worked out from all its ticks, at every step forward, back and jumping, with the selection moving', () => {
    for (const seed of [1, 2]) {
      const events = longTrace(seed, 800)
      // long enough that the stream's row is thinned for most steps
      expect(timelineRows(events).find((r) => r.conn === 'c1')!.ticks.length).toBeGreaterThan(THIN_FROM * 1.5)
      const history = new TimelineHistory()
      const order = [...Array(events.length + 1).keys()]
      const steps = [...order, ...order.reverse(), 800, 10, 500, 250, 799]
      for (const k of steps) {
        const rows = history.of(events.slice(0, k))
        // the rows themselves are compared with timelineRows in timeline-history.test.ts; here now and then
        const expected = k % 9 === 0 ? timelineRows(events.slice(0, k)) : rows
        // the selection follows the step, as in a replay; now and then nothing is selected
        const selected = k % 5 === 0 ? null : (events[k - 1]?.seq ?? null)
        rows.forEach((row, i) => {
          const drawn = history.drawnTicks(row, scale, selected)
          expect(drawn).toEqual(visibleTicks(expected[i]!.ticks, scale, selected))
          expect(drawn).toEqual(visibleTicks(row.ticks, scale, selected))
        })
      }
    }
  })

  it('draws far fewer ticks than a long row has, always the selected one, and all of a short row', () => {
    const events = longTrace(4, 1500)
    const history = new TimelineHistory()
    const rows = history.of(events)
    const stream = rows.find((r) => r.conn === 'c1')!
    expect(stream.ticks.length).toBeGreaterThan(THIN_FROM)
    const hidden = stream.ticks.find((t) => !history.drawnTicks(stream, scale, null).includes(t))!
    expect(hidden).toBeDefined()
    const drawn = history.drawnTicks(stream, scale, hidden.seq)
    expect(drawn).toContain(hidden)
    expect(drawn.length).toBeLessThan(stream.ticks.length * 0.9)
    const short = history.of(events.slice(0, 100)).find((r) => r.conn === 'c1')!
    expect(history.drawnTicks(short, scale, null)).toBe(short.ticks)
  })

  it('starts again when the scale changes (zoom, a wider pane)', () => {
    const events = longTrace(5, 1500)
    const history = new TimelineHistory()
    const rows = history.of(events)
    for (const s of [scale, { ...scale, width: 2800 }, { ...scale, width: 350 }, scale])
      for (const row of rows) expect(history.drawnTicks(row, s, 77)).toEqual(visibleTicks(row.ticks, s, 77))
  })

  it('hands out the same list while neither the row nor the selection changed', () => {
    const events = longTrace(6, 1500)
    const history = new TimelineHistory()
    const row = history.of(events).find((r) => r.conn === 'c1')!
    expect(history.drawnTicks(row, scale, 9)).toBe(history.drawnTicks(row, scale, 9))
  })
})
