import { describe, expect, it } from 'vitest'
import { answerRequest, responseHeaders } from './http-transport.ts'
import { Simulation } from '../sim/simulation.ts'
import { Barrier } from '../sim/barrier.ts'
import { Crossings } from '../crossing/crossings.ts'
import type { RunWire } from '../crossing/run-wire.ts'
import { defineServer } from '../sim/server-api/define.ts'
import { LessonServer } from '../sim/server-api/lesson-server.ts'

describe("the learner's code reads the simulated server's headers", () => {
  it('passes every header but the framing ones, and no-cache unless the server chose', () => {
    const headers = responseHeaders([
      { name: 'Content-Type', value: 'application/json' },
      { name: 'Retry-After', value: '2' },
      { name: 'X-Request-Id', value: 'abc' },
      { name: 'Content-Length', value: '12' },
      { name: 'Connection', value: 'keep-alive' },
    ])
    expect([...headers]).toEqual([
      ['cache-control', 'no-cache'],
      ['content-type', 'application/json'],
      ['retry-after', '2'],
      ['x-request-id', 'abc'],
    ])
    expect(responseHeaders([{ name: 'Cache-Control', value: 'max-age=60' }]).get('cache-control')).toBe('max-age=60')
  })
})

describe("the transport's answer path (Node: a real Request in, a real Response out)", () => {
  const server = defineServer({
    setup(s) {
      s.get('/api/quote', (_req, res) => res.json({ error: 'rate_limited' }, { status: 429, headers: { 'Retry-After': '2' } }))
      s.get('/api/stream', (_req, res) => {
        const stream = res.stream()
        stream.send({ id: 1, data: 'one' })
        s.after(100, () => stream.send({ id: 2, event: 'goal', data: 'two' }))
        s.after(200, () => stream.close())
      })
    },
  })

  function wireFor(api: 'fetch' | 'EventSource') {
    const sim = new Simulation({ host: 'h', seed: 1, latencyMs: 50, createServer: (ctx) => new LessonServer(ctx, server, undefined) })
    const barrier = new Barrier()
    const delivered: Array<{ text: string; dispatched: string[] }> = []
    const ended: string[] = []
    let events = 0
    const wire: RunWire = {
      sim,
      crossings: new Crossings(barrier),
      noiseMs: 0,
      announcement: async () => ({ sentAt: 0, api, attempt: 1, lastEventId: '' }),
      expectSseType: async () => undefined,
      sseDelivered: (_conn, chunk) => {
        delivered.push({ text: chunk.text, dispatched: chunk.dispatched })
        return chunk.dispatched.map(() => ++events)
      },
      streamEnded: (conn) => ended.push(`ended ${conn}`),
      streamFailed: (conn) => ended.push(`failed ${conn}`),
    }
    return { sim, barrier, wire, delivered, ended }
  }
  /** simulated time moves only when the transport has handed its crossing over, as the clock driver does */
  async function runUntil<T>(sim: Simulation, pending: Promise<T>, upTo: number): Promise<T> {
    let settled = false
    void pending.then(() => (settled = true))
    for (let t = 0; t <= upTo && !settled; t += 10) {
      await new Promise((resolve) => setTimeout(resolve, 0))
      sim.scheduler.runDue(t)
    }
    return pending
  }

  it("answers with the server's status, its headers for the code to read, and the body", async () => {
    const { sim, wire, barrier } = wireFor('fetch')
    const response = await runUntil(sim, answerRequest(new Request('http://h/api/quote?__wirelab=r1.1'), 1, wire), 1000)
    expect(response.status).toBe(429)
    expect(response.headers.get('retry-after')).toBe('2')
    expect(await response.text()).toBe('{"error":"rate_limited"}')
    // the trace has the request without the run's tag, and the head's arrival held time for the code
    expect(sim.trace.ofKind('http.request')[0]!.target).toBe('/api/quote')
    expect(barrier.open).toEqual(['c1/head'])
  })

  it('streams each SSE block as the trace shows it, the real retry first, and reports the end', async () => {
    const { sim, wire, delivered, ended } = wireFor('EventSource')
    const response = await runUntil(sim, answerRequest(new Request('http://h/api/stream?__wirelab=r1.1'), 1, wire), 100)
    expect(response.headers.get('content-type')).toBe('text/event-stream')
    const body = response.text()
    await runUntil(sim, body, 1000)
    expect(await body).toBe('retry: 5\n\nid: 1\ndata: one\n\nevent: goal\nid: 2\ndata: two\n\n')
    expect(delivered.map((d) => d.dispatched)).toEqual([['message'], ['goal']])
    expect(ended).toEqual(['ended 1'])
  })
})
