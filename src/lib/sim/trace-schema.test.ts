import { describe, expect, it } from 'vitest'
import { parseTraceEvents, MAX_TRACE_EVENTS } from './trace-schema.ts'
import { READABLE_VERSIONS, TRACE_FORMAT_VERSION } from './trace.ts'
import { Simulation } from './simulation.ts'
import { LiveScoreServer } from './servers/live-score.ts'

const file = (events: unknown[]) => ({ format: 'wirelab-trace', version: TRACE_FORMAT_VERSION, events })
const close = { seq: 1, t: 0, arrives: 0, conn: 'c1', from: 'client', to: 'server', bytes: 0, kind: 'conn.close', reason: 'bye' }
const parse = (events: unknown[]) => () => parseTraceEvents(file(events), READABLE_VERSIONS)

describe('an imported trace file', () => {
  it('accepts a real run, every kind the simulation writes', () => {
    const sim = new Simulation({
      host: 'h',
      seed: 1,
      latencyMs: 10,
      createServer: (ctx) => new LiveScoreServer(ctx, { intervalMs: 100, home: 'A', away: 'B', updates: null, retryMs: null }),
    })
    const exchange = sim.receive({ key: 1, sentAt: 0, method: 'GET', host: 'h', target: '/api/stream', headers: [], api: 'EventSource' })
    void exchange
    sim.scheduler.runDue(500)
    const events = JSON.parse(JSON.stringify(sim.trace.events)) as unknown[]
    expect(events.length).toBeGreaterThan(3)
    expect(parseTraceEvents(file(events), READABLE_VERSIONS)).toEqual(events)
  })

  it('refuses wrong types in kind-specific fields, with the event and the field', () => {
    expect(parse([{ ...close, kind: 'http.response', status: '200', reason: 'OK', headers: [], wire: '', streaming: false }])).toThrow(
      /^Trace event 1: field "status": /,
    )
    expect(parse([{ ...close, kind: 'http.request', method: 'GET', target: '/', headers: 'none', wire: '', api: 'fetch' }])).toThrow(
      /^Trace event 1: field "headers": /,
    )
    expect(
      parse([{ ...close, kind: 'ws.frame', rsv: [true], fin: true, opcode: 1, opcodeName: 'text', maskKey: null, payloadLength: 1, hex: '', payloadHex: '' }]),
    ).toThrow(/^Trace event 1: field "rsv/)
    expect(parse([{ ...close, extra: 1 }])).toThrow(/^Trace event 1: /)
  })

  it('refuses huge numbers and huge strings instead of freezing the page', () => {
    expect(parse([{ ...close, t: 1e300 }])).toThrow(/^Trace event 1: field "t": /)
    expect(
      parse([
        {
          ...close,
          kind: 'ws.frame',
          fin: true,
          rsv: [false, false, false],
          opcode: 1,
          opcodeName: 'text',
          maskKey: null,
          payloadLength: 1e300,
          hex: '',
          payloadHex: '',
        },
      ]),
    ).toThrow(/payloadLength/)
    expect(parse([{ ...close, reason: 'x'.repeat(300_000) }])).toThrow(/^Trace event 1: field "reason": /)
    expect(() => parseTraceEvents({ ...file([]), events: { length: 1e9 } }, READABLE_VERSIONS)).toThrow(/does not fit the trace format/)
    expect(() => parseTraceEvents(file(new Array(MAX_TRACE_EVENTS + 1).fill(close)), READABLE_VERSIONS)).toThrow(/more than 200,000 events/)
  })

  it('refuses events out of order and unknown versions', () => {
    expect(parse([{ ...close, seq: 2 }])).toThrow('Trace event 1: out of order (seq 2, expected 1)')
    expect(() => parseTraceEvents({ ...file([]), version: 99 }, READABLE_VERSIONS)).toThrow(/version 99 is not supported/)
    expect(() => parseTraceEvents({ format: 'other', version: 2, events: [] }, READABLE_VERSIONS)).toThrow('Not a Wirelab trace')
  })
})
