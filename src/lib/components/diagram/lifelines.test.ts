import { describe, expect, it } from 'vitest'
import { containsSeq, eventEnds, HeldHistory, heldSpans, lifelineXs, lifelinesFor, travelled } from './lifelines.ts'
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

  it("gives a page of another site a lifeline of its own after the learner's, and draws its connections there", () => {
    const lines = lifelinesFor({ clients: ['You'], instances: 1, broker: false, pages: ['evil.example'] })
    expect(lines.map((l) => l.label)).toEqual(['Client (your code)', 'evil.example (another site)', 'Server (simulated)'])
    const theirs = { ...base, conn: 'x1', kind: 'http.request', from: 'client', to: 'server', client: 'evil.example' } as TraceEvent
    const yours = { ...base, conn: 'c1', kind: 'http.request', from: 'client', to: 'server' } as TraceEvent
    expect([eventEnds(theirs, lines).from, eventEnds(yours, lines).from]).toEqual(['client:evil.example', 'client'])
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

  it('gives, for a replay step, the spans of the first k events, for every k and in any order', () => {
    const kinds = ['http.held', 'http.response', 'conn.close', 'sse.event', 'http.held', 'http.held', 'conn.close']
    const events = Array.from({ length: 120 }, (_, i) => ev(kinds[(i * 7 + (i >> 2)) % kinds.length]!, `c${(i * 5) % 3}`, i))
    const history = new HeldHistory()
    const order = [...Array(events.length + 1).keys()]
    for (const k of [...order, ...order.reverse(), 60, 3, 119, 0]) expect(history.of(events.slice(0, k))).toEqual(heldSpans(events.slice(0, k)))
    // a step that leaves a span as it was hands out the same object
    const before = history.of(events.slice(0, 100))
    expect(history.of(events.slice(0, 101)).filter((span) => before.includes(span)).length).toBeGreaterThanOrEqual(before.length - 1)
  })

  it('moves a message along its arrow with simulated time', () => {
    const e = ev('sse.event', 'c1', 100, 150)
    expect([travelled(e, 100), travelled(e, 125), travelled(e, 150), travelled(e, null)]).toEqual([0, 0.5, 1, 1])
  })
})

describe('finding a message by seq', () => {
  it('finds every seq of a trace, a part of it or a filtered one, and nothing else', () => {
    const of = (seqs: number[]) => seqs.map((seq) => ({ seq }) as TraceEvent)
    for (const seqs of [[], [1], [1, 2, 3, 4, 5], [2, 3, 7, 8, 20], [4]]) {
      const events = of(seqs)
      for (let seq = 0; seq <= 21; seq++) expect(containsSeq(events, seq)).toBe(seqs.includes(seq))
    }
  })
})
