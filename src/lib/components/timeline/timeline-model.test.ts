import { describe, expect, it } from 'vitest'
import { openConnections, timelineRows } from './timeline-model.ts'
import { TimelineHistory } from './timeline-history.ts'
import { Trace, type NewTraceEvent } from '../../sim/trace.ts'

const sse = (t: number, id: number): NewTraceEvent => ({
  kind: 'sse.event',
  t,
  arrives: t + 50,
  conn: 'c1',
  from: 'server',
  to: 'client',
  bytes: 20,
  wire: `id: ${id}\ndata: x\n\n`,
  fields: { id: String(id), data: 'x' },
  dispatches: true,
})

describe('network timeline rows', () => {
  it('draws a stream as one row with a tick per event, and a burst at one instant as one tick', () => {
    const trace = new Trace()
    trace.append({
      kind: 'http.request',
      t: 0,
      arrives: 50,
      conn: 'c1',
      from: 'client',
      to: 'server',
      bytes: 40,
      method: 'GET',
      target: '/api/stream',
      headers: [],
      wire: '',
      api: 'EventSource',
    })
    trace.append({
      kind: 'http.response',
      t: 50,
      arrives: 100,
      conn: 'c1',
      from: 'server',
      to: 'client',
      bytes: 40,
      status: 200,
      reason: 'OK',
      headers: [],
      wire: '',
      streaming: true,
    })
    for (let id = 1; id <= 3; id++) trace.append(sse(100, id))
    trace.append(sse(200, 4))
    const [row] = timelineRows(trace.events)
    expect(row).toMatchObject({ conn: 'c1', label: 'GET /api/stream', start: 0, headAt: 100, end: null, streaming: true })
    expect(row!.ticks.map((t) => [t.t, t.count, t.label, t.seq])).toEqual([
      [150, 3, '3 messages at once, from event id 1', 3],
      [250, 1, 'event id 4', 6],
    ])
  })

  it('shows a request that waited for a connection: queued from the call until it was sent, and not open meanwhile', () => {
    const trace = new Trace()
    const queued: NewTraceEvent = {
      kind: 'http.queued',
      t: 0,
      arrives: 0,
      conn: 'c7',
      from: 'client',
      to: 'client',
      bytes: 0,
      method: 'GET',
      target: '/api/stream',
      api: 'EventSource',
      reason: 'busy',
      busy: ['c1'],
    }
    trace.append(queued)
    const waiting = timelineRows(trace.events)
    expect(waiting).toMatchObject([{ conn: 'c7', label: 'GET /api/stream', queuedAt: 0, queued: true, start: 0, end: null }])
    expect(openConnections(trace.events).has('c7')).toBe(false)
    trace.append({
      kind: 'http.request',
      t: 2000,
      arrives: 2050,
      conn: 'c7',
      from: 'client',
      to: 'server',
      bytes: 40,
      method: 'GET',
      target: '/api/stream',
      headers: [],
      wire: '',
      api: 'EventSource',
      queuedAt: 0,
    })
    expect(timelineRows(trace.events)).toMatchObject([{ conn: 'c7', queuedAt: 0, queued: false, start: 2000, end: null }])
    expect(openConnections(trace.events).has('c7')).toBe(true)
    // a replay step shows the row as it was: still queued after the first event
    const history = new TimelineHistory()
    expect(history.of(trace.events.slice(0, 1))).toMatchObject([{ queued: true, start: 0 }])
    expect(history.of(trace.events)).toMatchObject([{ queued: false, start: 2000, queuedAt: 0 }])
  })
})
