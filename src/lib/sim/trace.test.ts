import { describe, expect, it } from 'vitest'
import { Trace, TRACE_FORMAT_VERSION } from './trace.ts'

const close = { kind: 'conn.close', t: 10, arrives: 60, conn: 'c1', from: 'client', to: 'server', bytes: 0, reason: 'done' } as const

describe('Trace', () => {
  it('numbers events in append order and tells subscribers', () => {
    const trace = new Trace()
    const seen: number[] = []
    trace.subscribe((e) => seen.push(e.seq))
    trace.append(close)
    trace.append({ ...close, t: 20 })
    expect(trace.events.map((e) => e.seq)).toEqual([1, 2])
    expect(seen).toEqual([1, 2])
    expect(trace.ofKind('conn.close')).toHaveLength(2)
  })

  it('round-trips through JSON exactly', () => {
    const trace = new Trace()
    trace.append(close)
    trace.append({
      kind: 'sse.event',
      t: 1000,
      arrives: 1050,
      conn: 'c1',
      from: 'server',
      to: 'client',
      bytes: 14,
      wire: 'id: 1\ndata: x\n\n',
      fields: { id: '1', data: 'x' },
      dispatches: true,
    })
    const json = JSON.parse(JSON.stringify(trace.toJSON()))
    expect(json.version).toBe(TRACE_FORMAT_VERSION)
    expect(Trace.fromJSON(json).toJSON()).toEqual(trace.toJSON())
  })

  it('rejects what is not a trace, with a reason', () => {
    expect(() => Trace.fromJSON([])).toThrow(/Not a Wirelab trace/)
    expect(() => Trace.fromJSON({ format: 'wirelab-trace', version: 99, events: [] })).toThrow(/version 99/)
    expect(() => Trace.fromJSON({ format: 'wirelab-trace', version: TRACE_FORMAT_VERSION, events: [{ seq: 2 }] })).toThrow(/Trace event 1: out of order/)
    expect(() => Trace.fromJSON({ format: 'wirelab-trace', version: TRACE_FORMAT_VERSION, events: [{ ...close, seq: 1, kind: 'ws.magic' }] })).toThrow(
      /unknown kind "ws.magic"/,
    )
    expect(() => Trace.fromJSON({ format: 'wirelab-trace', version: TRACE_FORMAT_VERSION, events: [{ ...close, seq: 1, t: '5' }] })).toThrow(
      /"t" must be a number/,
    )
  })
})
