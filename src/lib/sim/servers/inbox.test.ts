import { describe, expect, it } from 'vitest'
import { Simulation, type ClientRequest } from '../simulation.ts'
import { InboxServer } from './inbox.ts'
import type { HttpResponseEvent } from '../trace.ts'

function inbox(holdTimeoutMs = 3000) {
  return new Simulation({
    host: 'h',
    seed: 1,
    latencyMs: 50,
    createServer: (ctx) =>
      new InboxServer(ctx, {
        holdTimeoutMs,
        messages: [
          { atMs: 1000, from: 'Ada', text: 'Hi' },
          { atMs: 5000, from: 'Bob', text: 'Yo' },
        ],
      }),
  })
}
let key = 0
const get = (target: string, sentAt: number): ClientRequest => ({ key: ++key, sentAt, method: 'GET', host: 'h', target, headers: [], api: 'fetch' })
const responses = (sim: Simulation) => sim.trace.events.filter((e): e is HttpResponseEvent => e.kind === 'http.response')

describe('inbox server', () => {
  it('short polling: answers at once with what is new since the given id, and counts empty answers', () => {
    const sim = inbox()
    sim.receive(get('/api/messages?since=0', 0))
    sim.receive(get('/api/messages?since=0', 1500))
    sim.receive(get('/api/messages?since=1', 2500))
    sim.scheduler.runDue(3000)
    expect(responses(sim).map((r) => [r.t, r.status, r.body])).toEqual([
      [50, 200, '{"messages":[],"last":0}'],
      [1550, 200, '{"messages":[{"id":1,"from":"Ada","text":"Hi"}],"last":1}'],
      [2550, 200, '{"messages":[],"last":1}'],
    ])
    expect(responses(sim)[0]!.wire).toBe(
      'HTTP/1.1 200 OK\r\nDate: Thu, 15 Jan 2026 19:30:00 GMT\r\nContent-Type: application/json\r\nContent-Length: 24\r\n\r\n',
    )
    expect(sim.serverStats().map((s) => [s.id, s.value])).toEqual([
      ['requests', 3],
      ['empty', 2],
      ['held', 0],
    ])
  })

  it('long polling: holds the request until a message arrives, then answers at once', () => {
    const sim = inbox()
    sim.receive(get('/api/messages/wait?since=0', 0))
    sim.scheduler.runDue(2000)
    expect(sim.trace.events.map((e) => `${e.kind}@${e.t}`)).toEqual(['http.request@0', 'http.held@50', 'http.response@1000'])
    expect(responses(sim)[0]!.body).toContain('"text":"Hi"')
  })

  it('long polling: a message the client already has does not release its request', () => {
    const sim = inbox(3000)
    sim.receive(get('/api/messages/wait?since=1', 0))
    sim.scheduler.runDue(1500)
    expect(responses(sim)).toEqual([])
  })

  it('long polling: answers 204 No Content when the hold timeout passes', () => {
    const sim = inbox(3000)
    sim.receive(get('/api/messages/wait?since=1', 1100))
    sim.scheduler.runDue(6000)
    const [r] = responses(sim)
    expect([r!.t, r!.status, r!.wire.split('\r\n')[0], r!.body]).toEqual([4150, 204, 'HTTP/1.1 204 No Content', ''])
    expect(sim.serverStats().find((s) => s.id === 'empty')!.value).toBe(1)
  })

  it('long polling: a request the client gave up on gets no answer', () => {
    const sim = inbox()
    const exchange = sim.receive(get('/api/messages/wait?since=0', 0))
    sim.scheduler.runDue(500)
    exchange.closeByClient('aborted')
    sim.scheduler.runDue(6000)
    expect(sim.trace.events.map((e) => e.kind)).toEqual(['http.request', 'http.held', 'conn.close'])
  })

  it('refuses bad input with the status a real server would give', () => {
    const sim = inbox()
    sim.receive(get('/api/messages?since=abc', 0))
    sim.receive(get('/api/nope', 0))
    sim.receive({ ...get('/api/messages', 0), method: 'POST' })
    sim.scheduler.runDue(200)
    expect(responses(sim).map((r) => r.status)).toEqual([400, 404, 405])
  })
})

describe('a request for another host', () => {
  it('fails to connect and is never sent: no request, a network error in the trace', async () => {
    const sim = inbox()
    const exchange = sim.receive({ ...get('/x', 100), host: 'example.com' })
    sim.scheduler.runDue(1000)
    expect(sim.trace.events.map((e) => `${e.kind}@${e.t}`)).toEqual(['conn.error@100'])
    expect((await exchange.responseHead)?.networkError).toBe(true)
    expect(sim.trace.events[0]).toMatchObject({ reason: expect.stringContaining('There is no server at example.com') })
  })
})

describe('network faults around the inbox', () => {
  const withProxy = (proxyIdleTimeoutMs: number) =>
    new Simulation({
      host: 'h',
      seed: 1,
      latencyMs: 50,
      proxyIdleTimeoutMs,
      createServer: (ctx) => new InboxServer(ctx, { holdTimeoutMs: 10_000, messages: [{ atMs: 9000, from: 'Ada', text: 'late' }] }),
    })

  it('a proxy idle timeout cuts a held request with 504 Gateway Timeout, and the server stops holding it', async () => {
    const sim = withProxy(2000)
    const exchange = sim.receive(get('/api/messages/wait?since=0', 0))
    sim.scheduler.runDue(12_000)
    expect(sim.trace.events.map((e) => `${e.kind}@${e.t} ${e.from}`)).toEqual(['http.request@0 client', 'http.held@50 server', 'http.response@2050 network'])
    expect(responses(sim)[0]).toMatchObject({ status: 504, reason: 'Gateway Timeout', body: 'Gateway Timeout', arrives: 2100 })
    expect((await exchange.responseHead)?.status).toBe(504)
  })

  it('a request answered in time is not touched by the proxy', () => {
    const sim = withProxy(2000)
    sim.receive(get('/api/messages?since=0', 0))
    sim.scheduler.runDue(12_000)
    expect(responses(sim).map((r) => r.status)).toEqual([200])
  })

  it('offline: open requests are lost, new ones fail until the network is back', async () => {
    const sim = new Simulation({
      host: 'h',
      seed: 1,
      latencyMs: 50,
      faults: [{ atMs: 1000, kind: 'offline', durationMs: 2000 }],
      createServer: (ctx) => new InboxServer(ctx, { holdTimeoutMs: 10_000, messages: [{ atMs: 9000, from: 'Ada', text: 'x' }] }),
    })
    const held = sim.receive(get('/api/messages/wait?since=0', 0))
    const during = sim.receive(get('/api/messages?since=0', 2000))
    const after = sim.receive(get('/api/messages?since=0', 3500))
    sim.scheduler.runDue(4000)
    expect((await held.responseHead)?.networkError).toBe(true)
    expect((await during.responseHead)?.networkError).toBe(true)
    expect((await after.responseHead)?.status).toBe(200)
    expect(sim.trace.events.filter((e) => e.kind === 'fault').map((e) => e.t)).toEqual([1000, 3000])
  })
})

describe('inbox server restart', () => {
  it('forgets the stored messages; later ones still arrive', () => {
    const sim = inbox()
    sim.scheduler.runDue(1500)
    sim.fault({ kind: 'restart-server' })
    sim.receive(get('/api/messages?since=0', 2000))
    sim.receive(get('/api/messages?since=0', 5500))
    sim.scheduler.runDue(6000)
    expect(responses(sim).map((r) => r.body)).toEqual(['{"messages":[],"last":0}', '{"messages":[{"id":2,"from":"Bob","text":"Yo"}],"last":2}'])
  })
})
