// The browser's connection pool in a whole simulation: six HTTP/1.1 connections per origin and browser,
// a queue for the rest, released when a response ends, the code closes a connection or a fault loses it;
// HTTP/2 streams never wait; WebSockets have a pool of their own.
import { describe, expect, it } from 'vitest'
import { Simulation, type ClientRequest, type HttpVersion, type ScheduledFault } from './simulation.ts'
import { LiveScoreServer } from './servers/live-score.ts'
import { CLIENT_KEY_BLOCK } from './conn-name.ts'
import type { TraceEvent } from './trace.ts'

function sim(options: { http?: HttpVersion; clients?: string[]; browsers?: string[]; faults?: ScheduledFault[] } = {}) {
  return new Simulation({
    host: 'localhost',
    seed: 3,
    latencyMs: 50,
    createServer: (ctx) => new LiveScoreServer(ctx, { intervalMs: 1000, home: 'Lions', away: 'Tigers', updates: null, retryMs: null }),
    ...options,
  })
}

const request = (key: number, sentAt = 0, target = '/api/stream'): ClientRequest => ({
  key,
  sentAt,
  method: 'GET',
  host: 'localhost',
  target,
  api: target === '/api/stream' ? 'EventSource' : 'fetch',
  headers: [{ name: 'Host', value: 'localhost', source: 'modelled' }],
})

/** the requests and queue events as `kind conn @t`, with when a sent request was queued */
const lines = (events: readonly TraceEvent[]) =>
  events.flatMap((e) => {
    if (e.kind === 'http.queued') return [`queued ${e.conn} @${e.t} behind ${e.busy.join(',')}`]
    if (e.kind === 'http.request')
      return [`request ${e.conn} @${e.t}${e.queuedAt !== undefined ? ` (queued @${e.queuedAt})` : ''}${e.stream ? ` stream ${e.stream}` : ''}`]
    if (e.kind === 'conn.close') return [`close ${e.conn} @${e.t} ${e.from}→${e.to}`]
    return []
  })

describe('the browser connection pool (HTTP/1.1: 6 per origin)', () => {
  it('sends six streams at once; the seventh waits, in the trace, until the code closes one', () => {
    const s = sim()
    const exchanges = [1, 2, 3, 4, 5, 6, 7].map((k) => s.receive(request(k)))
    s.scheduler.at(2000, () => exchanges[2]!.closeByClient('The code called es.close()'), { key: 3 })
    s.scheduler.runDue(3000)
    expect(lines(s.trace.events)).toEqual([
      'request c1 @0',
      'request c2 @0',
      'request c3 @0',
      'request c4 @0',
      'request c5 @0',
      'request c6 @0',
      'queued c7 @0 behind c1,c2,c3,c4,c5,c6',
      'close c3 @2000 client→server',
      'request c7 @2000 (queued @0)',
    ])
    const queued = s.trace.events.find((e) => e.kind === 'http.queued')!
    expect(queued).toMatchObject({ from: 'client', to: 'client', bytes: 0, arrives: 0, method: 'GET', target: '/api/stream', api: 'EventSource' })
    expect(queued.kind === 'http.queued' && queued.reason).toBe(
      'Every connection the browser may open to localhost is busy (HTTP/1.1: 6 connections per origin, shared by every tab of the browser): c1, c2, c3, c4, c5, c6. The browser holds c7 back until one is free; nothing is sent meanwhile.',
    )
    // the seventh stream is answered one round trip after it finally left
    expect(s.trace.events.find((e) => e.kind === 'http.response' && e.conn === 'c7')).toMatchObject({ t: 2050, arrives: 2100 })
  })

  it('keeps the exact queue order: first queued, first sent, whichever connection frees the slot', () => {
    const s = sim()
    const exchanges = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => s.receive(request(k)))
    s.scheduler.at(1000, () => exchanges[5]!.closeByClient('closed'), { key: 6 })
    s.scheduler.at(1500, () => exchanges[0]!.closeByClient('closed'), { key: 1 })
    s.scheduler.runDue(2000)
    expect(lines(s.trace.events).filter((l) => l.startsWith('request c7') || l.startsWith('request c8') || l.startsWith('queued'))).toEqual([
      'queued c7 @0 behind c1,c2,c3,c4,c5,c6',
      'queued c8 @0 behind c1,c2,c3,c4,c5,c6',
      'queued c9 @0 behind c1,c2,c3,c4,c5,c6',
      'request c7 @1000 (queued @0)',
      'request c8 @1500 (queued @0)',
    ])
    expect(s.trace.events.some((e) => e.kind === 'http.request' && e.conn === 'c9')).toBe(false)
  })

  it('frees a connection when a fetch response has reached the client, not when the server sent it', () => {
    const s = sim()
    for (const k of [1, 2, 3, 4, 5, 6, 7, 8]) s.receive(request(k, 0, '/api/score'))
    s.scheduler.runDue(500)
    // sent at 0, answered at 50, the answer arrives at 100: then c7 and c8 go
    expect(lines(s.trace.events).filter((l) => l.includes('c7') || l.includes('c8'))).toEqual([
      'queued c7 @0 behind c1,c2,c3,c4,c5,c6',
      'queued c8 @0 behind c1,c2,c3,c4,c5,c6',
      'request c7 @100 (queued @0)',
      'request c8 @100 (queued @0)',
    ])
  })

  it('frees connections a fault loses when the client learns of the loss (one latency later)', () => {
    const s = sim({ faults: [{ atMs: 1000, kind: 'drop-connections' }] })
    for (const k of [1, 2, 3, 4, 5, 6, 7]) s.receive(request(k))
    s.scheduler.runDue(2000)
    const out = lines(s.trace.events)
    expect(out.filter((l) => l.includes('c7'))).toEqual(['queued c7 @0 behind c1,c2,c3,c4,c5,c6', 'request c7 @1050 (queued @0)'])
    // the fault lost the six streams, not the request that was still in the browser
    expect(out.filter((l) => l.startsWith('close'))).toEqual([
      'close c1 @1000 network→client',
      'close c2 @1000 network→client',
      'close c3 @1000 network→client',
      'close c4 @1000 network→client',
      'close c5 @1000 network→client',
      'close c6 @1000 network→client',
    ])
  })

  it('a request closed while it waits is never sent, and gives up its place in the queue', () => {
    const s = sim()
    const exchanges = [1, 2, 3, 4, 5, 6, 7, 8].map((k) => s.receive(request(k)))
    s.scheduler.at(500, () => exchanges[6]!.closeByClient('The code called es.close().'), { key: 7 })
    s.scheduler.at(1000, () => exchanges[0]!.closeByClient('closed'), { key: 1 })
    s.scheduler.runDue(1500)
    expect(lines(s.trace.events).filter((l) => l.includes('c7') || l.includes('c8'))).toEqual([
      'queued c7 @0 behind c1,c2,c3,c4,c5,c6',
      'queued c8 @0 behind c1,c2,c3,c4,c5,c6',
      'close c7 @500 client→client',
      'request c8 @1000 (queued @0)',
    ])
    const close = s.trace.events.find((e) => e.kind === 'conn.close' && e.conn === 'c7')
    expect(close).toMatchObject({ arrives: 500, reason: 'The code called es.close(). It was still waiting for a connection: nothing was sent.' })
  })

  it('sends nothing that was still waiting when the run ends (closing the others frees no slot for it)', () => {
    const s = sim()
    for (const k of [1, 2, 3, 4, 5, 6, 7, 8]) s.receive(request(k))
    s.scheduler.runDue(1000)
    s.closeAll('The run ended.')
    s.scheduler.runDue(2000)
    const out = lines(s.trace.events)
    expect(out.filter((l) => l.startsWith('request'))).toHaveLength(6)
    expect(out.filter((l) => l.includes('c7') || l.includes('c8'))).toEqual([
      'queued c7 @0 behind c1,c2,c3,c4,c5,c6',
      'queued c8 @0 behind c1,c2,c3,c4,c5,c6',
      'close c7 @1000 client→client',
      'close c8 @1000 client→client',
    ])
  })

  it('shares the pool between the tabs of one browser, and not between browsers', () => {
    const keys = (client: number) => [1, 2, 3, 4].map((n) => (client + 1) * CLIENT_KEY_BLOCK + n)
    const oneBrowser = sim({ clients: ['Tab 1', 'Tab 2'] })
    const twoBrowsers = sim({ clients: ['Alice', 'Bob'], browsers: ['Alice', 'Bob'] })
    for (const s of [oneBrowser, twoBrowsers]) {
      for (const key of [...keys(0), ...keys(1)]) s.receive(request(key))
      s.scheduler.runDue(1000)
    }
    expect(lines(oneBrowser.trace.events).filter((l) => l.startsWith('queued'))).toEqual([
      'queued B3 @0 behind A1,A2,A3,A4,B1,B2',
      'queued B4 @0 behind A1,A2,A3,A4,B1,B2',
    ])
    expect(oneBrowser.trace.events.find((e) => e.kind === 'http.queued')).toMatchObject({ client: 'Tab 2' })
    expect(twoBrowsers.trace.events.filter((e) => e.kind === 'http.queued')).toEqual([])
  })

  it('does not count WebSockets: they have a pool of their own', () => {
    const s = sim()
    for (const k of [1, 2, 3, 4, 5, 6]) s.receive(request(k))
    s.openWebSocket(
      { key: 7, sentAt: 0, host: 'localhost', target: '/ws', origin: 'http://localhost', protocols: [] },
      { open: () => {}, message: () => {}, error: () => {}, close: () => {} },
    )
    s.receive(request(8))
    s.scheduler.runDue(500)
    expect(lines(s.trace.events).filter((l) => l.includes('c7') || l.includes('c8'))).toEqual(['request c7 @0', 'queued c8 @0 behind c1,c2,c3,c4,c5,c6'])
  })
})

describe('HTTP/2: every request is a stream of one connection', () => {
  it('sends seven streams at once, numbered 1, 3, 5 … as RFC 9113 numbers client streams', () => {
    const s = sim({ http: '2' })
    for (const k of [1, 2, 3, 4, 5, 6, 7]) s.receive(request(k))
    s.scheduler.runDue(1000)
    expect(lines(s.trace.events)).toEqual([
      'request c1 @0 stream 1',
      'request c2 @0 stream 3',
      'request c3 @0 stream 5',
      'request c4 @0 stream 7',
      'request c5 @0 stream 9',
      'request c6 @0 stream 11',
      'request c7 @0 stream 13',
    ])
    // the bytes shown are the HTTP/1.1 form (the inspector says so)
    const first = s.trace.events[0]!
    expect(first.kind === 'http.request' && first.wire).toBe('GET /api/stream HTTP/1.1\r\nHost: localhost\r\n\r\n')
  })
})
