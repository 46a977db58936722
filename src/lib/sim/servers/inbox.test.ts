import { describe, expect, it } from 'vitest'
import { Simulation, type ClientRequest } from '../simulation.ts'
import { InboxServer } from './inbox.ts'
import type { HttpResponseEvent } from '../trace.ts'

function inbox(holdTimeoutMs = 3000) {
  return new Simulation({
    host: 'h', seed: 1, latencyMs: 50,
    createServer: (ctx) => new InboxServer(ctx, { holdTimeoutMs, messages: [{ atMs: 1000, from: 'Ada', text: 'Hi' }, { atMs: 5000, from: 'Bob', text: 'Yo' }] }),
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
    expect(responses(sim)[0]!.wire).toBe('HTTP/1.1 200 OK\r\nDate: Thu, 15 Jan 2026 19:30:00 GMT\r\nContent-Type: application/json\r\nContent-Length: 24\r\n\r\n')
    expect(sim.serverStats().map((s) => [s.id, s.value])).toEqual([['requests', 3], ['empty', 2], ['held', 0]])
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
