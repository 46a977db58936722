import { describe, expect, it } from 'vitest'
import { eventEnds, heldSpans, lifelineXs, lifelinesFor, travelled } from './lifelines.ts'
import type { TraceEvent } from '../../sim/trace.ts'

const base = { seq: 1, t: 0, arrives: 50, bytes: 10, conn: 'B1' }

describe('sequence diagram lifelines', () => {
  it('has a client and a server for a one-client lesson', () => {
    expect(lifelinesFor({ clients: ['You'], instances: 1, broker: true }).map((l) => l.label)).toEqual(['Client (your code)', 'Server (simulated)'])
  })

  it('has each client, the load balancer, each instance and the broker when a lesson has them', () => {
    const lines = lifelinesFor({ clients: ['Alice', 'Bob'], instances: 2, broker: true })
    expect(lines.map((l) => l.label)).toEqual(['Alice (your code)', 'Bob (your code)', 'Load balancer', 'Server 1', 'Server 2', 'Broker (pub/sub)'])
    const frame = { ...base, kind: 'ws.frame', from: 'server', to: 'client', client: 'Bob', server: 'Server 2' } as TraceEvent
    expect(eventEnds(frame, lines)).toMatchObject({ from: 'server:Server 2', to: 'client:Bob' })
    const publish = { ...base, conn: '', kind: 'pubsub.publish', from: 'server', to: 'broker', server: 'Server 1' } as TraceEvent
    expect(eventEnds(publish, lines)).toMatchObject({ from: 'server:Server 1', to: 'broker' })
  })

  it('spreads lifelines evenly and never closer than 160 px (120 when there are many)', () => {
    const two = [...lifelineXs(lifelinesFor({ clients: ['You'], instances: 1, broker: false }), 200).values()]
    expect(two).toEqual([130, 290])
    // a phone-sized pane: the server's box (150 px, centred) ends inside the 390 px drawing
    const phone = [...lifelineXs(lifelinesFor({ clients: ['You'], instances: 1, broker: false }), 390).values()]
    expect(phone[1]! + 75).toBeLessThanOrEqual(385)
    const values = [...lifelineXs(lifelinesFor({ clients: ['Alice', 'Bob'], instances: 2, broker: false }), 400).values()]
    expect(values[0]).toBe(110)
    for (let i = 1; i < values.length; i++) expect(values[i]! - values[i - 1]!).toBeCloseTo(120)
  })
})

describe('held requests and messages in flight', () => {
  const ev = (kind: string, conn: string, t = 0, arrives = t) => ({ seq: 1, t, arrives, bytes: 0, conn, kind, from: 'server', to: 'client' }) as TraceEvent
  it('spans a held request from the hold to its answer, or to now while it is still held', () => {
    const events = [ev('http.request', 'c1'), ev('http.held', 'c1'), ev('sse.event', 'c2'), ev('http.response', 'c1'), ev('http.held', 'c3')]
    expect(heldSpans(events).map((s) => [s.conn, s.start, s.end])).toEqual([
      ['c1', 1, 3],
      ['c3', 4, null],
    ])
  })

  it('moves a message along its arrow with simulated time', () => {
    const e = ev('sse.event', 'c1', 100, 150)
    expect([travelled(e, 100), travelled(e, 125), travelled(e, 150), travelled(e, null)]).toEqual([0, 0.5, 1, 1])
  })
})
