import { describe, expect, it } from 'vitest'
import { Simulation, type ClientRequest } from '../simulation.ts'
import { defineServer } from './define.ts'
import { LessonServer } from './lesson-server.ts'
import type { ServerDefinition } from './types.ts'
import type { HttpResponseEvent, SseEventEvent } from '../trace.ts'
import type { WsClientListener } from '../ws-connection.ts'

function simulate<O, W>(definition: ServerDefinition<O, W>, options: O, extra: Partial<ConstructorParameters<typeof Simulation>[0]> = {}) {
  return new Simulation({ host: 'h', seed: 1, latencyMs: 50, createServer: (ctx) => new LessonServer(ctx, definition, options), ...extra })
}
let key = 0
const request = (target: string, sentAt = 0, more: Partial<ClientRequest> = {}): ClientRequest => ({
  key: ++key,
  sentAt,
  method: 'GET',
  host: 'h',
  target,
  headers: [],
  api: 'fetch',
  ...more,
})
const responses = (sim: Simulation) => sim.trace.events.filter((e): e is HttpResponseEvent => e.kind === 'http.response')
const logs = (sim: Simulation) => sim.trace.events.flatMap((e) => (e.kind === 'server.log' ? [`${e.t} ${e.text}`] : []))
const listener = (heard: string[]): WsClientListener => ({
  open: () => heard.push('open'),
  message: (data) => heard.push(`message ${String(data)}`),
  error: () => heard.push('error'),
  close: (code, reason) => heard.push(`close ${code} ${reason}`),
})

describe('HTTP routes', () => {
  const routes = defineServer({
    setup(server) {
      server.get('/api/items/:id', (req, res) => res.json({ id: req.params.id, q: req.query.q ?? null, h: req.header('X-Thing') ?? null }))
      server.post('/api/items', (req, res) => res.json(req.json(), { status: 201, headers: { Location: '/api/items/9' } }))
      server.get('/api/limited', (_req, res) => res.text('slow down', { status: 429, headers: { 'Retry-After': '2' } }))
      server.get('/api/later', (_req, res) => {
        res.hold('waiting for news')
        server.after(1000, () => res.empty(204))
      })
      server.get('/api/broken', () => {
        throw new Error('oops')
      })
    },
  })

  it('match method and path, with params, query and headers; any status and headers', () => {
    const sim = simulate(routes, undefined)
    sim.receive(request('/api/items/7?q=x', 0, { headers: [{ name: 'X-Thing', value: 'yes', source: 'observed' }] }))
    sim.receive(request('/api/items', 0, { method: 'POST', body: '{"a":1}' }))
    sim.receive(request('/api/limited', 0))
    sim.scheduler.runDue(1000)
    const [item, created, limited] = responses(sim)
    expect(item!.body).toBe('{"id":"7","q":"x","h":"yes"}')
    expect(created!.status).toBe(201)
    expect(created!.wire).toContain('\r\nContent-Type: application/json\r\nLocation: /api/items/9\r\n')
    expect(limited!.wire).toMatch(/^HTTP\/1\.1 429 Too Many Requests\r\n.*Content-Type: text\/plain; charset=utf-8\r\nRetry-After: 2\r\n/s)
    expect(limited!.body).toBe('slow down')
  })

  it('a held request is answered later, on the simulation clock', () => {
    const sim = simulate(routes, undefined)
    sim.receive(request('/api/later', 0))
    sim.scheduler.runDue(2000)
    expect(sim.trace.events.map((e) => `${e.kind}@${e.t}`)).toEqual(['http.request@0', 'http.held@50', 'http.response@1050'])
    expect(responses(sim)[0]!.status).toBe(204)
  })

  it('no route: 404 naming the path; a route of another method: 405', () => {
    const sim = simulate(routes, undefined)
    sim.receive(request('/nope', 0))
    sim.receive(request('/api/items/3', 0, { method: 'DELETE' }))
    sim.scheduler.runDue(500)
    expect(responses(sim).map((r) => [r.status, r.body])).toEqual([
      [404, '{"error":"No such endpoint: /nope."}'],
      [405, '{"error":"DELETE is not allowed on /api/items/3."}'],
    ])
  })

  it('a status or header the server may not send is its error: 500, and the log says why', () => {
    const bad = defineServer({
      setup(server) {
        server.get('/a', (_req, res) => res.json({}, { status: 42 }))
        server.get('/b', (_req, res) => res.text('x', { headers: { 'X-Evil': 'a\r\nSet-Cookie: b' } }))
      },
    })
    const sim = simulate(bad, undefined)
    sim.receive(request('/a', 0))
    sim.receive(request('/b', 0))
    sim.scheduler.runDue(500)
    expect(responses(sim).map((r) => r.status)).toEqual([500, 500])
    expect(logs(sim)).toEqual([
      "50 Error in the server's code (GET /a): 42 is not a status a route can answer with (200–599)",
      "50 Error in the server's code (GET /b): the value of X-Evil may not contain a line break",
    ])
  })

  it("code that throws answers 500 and the error is the server's log line in the trace", () => {
    const sim = simulate(routes, undefined)
    sim.receive(request('/api/broken', 0))
    sim.scheduler.runDue(500)
    expect(responses(sim)[0]!.status).toBe(500)
    expect(logs(sim)).toEqual(["50 Error in the server's code (GET /api/broken): oops"])
  })
})

describe('event streams', () => {
  const feed = defineServer({
    setup(server) {
      server.get('/feed', (_req, res) => {
        const stream = res.stream({ headers: { 'Cache-Control': 'no-store' } })
        stream.send({ event: 'goal', id: 1, data: 'line one\nline two' })
        stream.comment('keep-alive')
        stream.retry(2500)
        stream.send({ data: { home: 1 } })
        stream.raw('data: crlf\r\n\r\n')
        server.after(100, () => stream.close())
      })
    },
  })

  it('writes each field as the WHATWG format says, raw bytes as given, and ends the stream', () => {
    const sim = simulate(feed, undefined)
    sim.receive(request('/feed', 0, { api: 'EventSource' }))
    sim.scheduler.runDue(1000)
    const head = responses(sim)[0]!
    expect(head.wire).toContain('Content-Type: text/event-stream\r\nCache-Control: no-store\r\n')
    const wire = sim.trace.events.filter((e): e is SseEventEvent => e.kind === 'sse.event').map((e) => e.wire)
    expect(wire).toEqual([
      'event: goal\nid: 1\ndata: line one\ndata: line two\n\n',
      ': keep-alive\n\n',
      'retry: 2500\n\n',
      'data: {"home":1}\n\n',
      'data: crlf\r\n\r\n',
    ])
    expect(sim.trace.events.at(-1)!.kind).toBe('conn.close')
  })
})

describe('WebSocket endpoints', () => {
  const chat = defineServer({
    setup(server) {
      server.socket('/ws', {
        accept: (req, offered) => {
          if (req.header('origin') !== 'http://h') return { refuse: 403 }
          return offered.includes('v2') ? { protocol: 'v2' } : true
        },
        open: (socket) => socket.send({ hello: socket.conn }),
        message: (socket, data) => {
          if (data === 'bye') socket.close(4000, 'asked to')
          else for (const s of server.sockets('/ws')) s.send(`echo ${String(data)}`)
        },
      })
    },
  })

  it('accepts choosing a subprotocol, greets on open, echoes, closes with a code and reason', () => {
    const sim = simulate(chat, undefined)
    const heard: string[] = []
    const socket = sim.openWebSocket(
      { key: 1, sentAt: 0, host: 'h', target: '/ws', origin: 'http://h', protocols: ['v1', 'v2'] },
      {
        ...listener(heard),
        open: () => {
          heard.push('open')
          sim.scheduler.at(sim.now, () => socket.clientSend('hi'), { key: 1 })
          sim.scheduler.at(sim.now + 10, () => socket.clientSend('bye'), { key: 1 })
        },
      },
    )
    sim.scheduler.runDue(1000)
    expect(responses(sim)[0]!.wire).toContain('Sec-WebSocket-Protocol: v2\r\n')
    expect(heard).toEqual(['open', 'message {"hello":"c1"}', 'message echo hi', 'close 4000 asked to'])
  })

  it('refuses a handshake from another origin with the status the server chose', () => {
    const sim = simulate(chat, undefined)
    const heard: string[] = []
    sim.openWebSocket({ key: 1, sentAt: 0, host: 'h', target: '/ws', origin: 'http://evil.example', protocols: [] }, listener(heard))
    sim.scheduler.runDue(1000)
    expect(responses(sim)[0]!.status).toBe(403)
    expect(heard).toEqual(['error', 'close 1006 '])
  })

  it('no endpoint at the path: 404', () => {
    const sim = simulate(chat, undefined)
    const heard: string[] = []
    sim.openWebSocket({ key: 1, sentAt: 0, host: 'h', target: '/other', origin: 'http://h', protocols: [] }, listener(heard))
    sim.scheduler.runDue(1000)
    expect(responses(sim)[0]!.status).toBe(404)
  })
})

describe('world, lives, timers, broker, randomness', () => {
  /** the world counts ticks whatever happens; each life counts what it has heard */
  const ticker = defineServer<{ every: number }, { ticks: number }>({
    world(world) {
      const state = { ticks: 0 }
      world.every(world.options.every, () => world.emit('tick', ++state.ticks))
      return state
    },
    setup(server, state) {
      const heard: number[] = []
      const restarts = server.counter('restarts', ['restart', 'restarts'])
      restarts.set(server.restarts)
      server.forgets(() => `${heard.length} ticks`)
      server.on('tick', (n) => heard.push(n as number))
      server.every(250, () => server.log(`life ${server.restarts} heard ${heard.join(',')} of ${state.ticks}`))
    },
  })

  it('the world survives a restart; the life, its timers and its memory do not', () => {
    const sim = simulate(ticker, { every: 100 }, { faults: [{ atMs: 260, kind: 'restart-server' }] })
    sim.scheduler.runDue(520)
    expect(logs(sim)).toEqual(['250 life 0 heard 1,2 of 2', '510 life 1 heard 3,4,5 of 5'])
    expect(sim.trace.events.find((e) => e.kind === 'fault')).toMatchObject({ description: expect.stringContaining('loses 2 ticks') })
    expect(sim.serverStats().map((s) => [s.id, s.value])).toEqual([['restarts', 1]])
  })

  it('the same seed gives the same random numbers; publish reaches every instance through the broker', () => {
    const pubsub = defineServer({
      setup(server) {
        server.subscribe('news', (m) => server.log(`${server.name} got ${m}`))
        if (server.instance === 1) server.after(10, () => server.log(`published to ${server.publish('news', { r: Math.round(server.random() * 1000) })}`))
      },
    })
    const run = () => {
      const sim = simulate(pubsub, undefined, { instances: 2, broker: { latencyMs: 1 } })
      sim.scheduler.runDue(100)
      return logs(sim)
    }
    const first = run()
    expect(first).toHaveLength(3)
    expect(first[0]).toBe('10 published to 2')
    expect(first.slice(1).map((l) => l.replace(/\{.*\}/, '{…}'))).toEqual(['12 Server 1 got {…}', '12 Server 2 got {…}'])
    expect(run()).toEqual(first)
  })

  it('a setup that throws is logged, and the server answers 404 to everything', () => {
    const broken = defineServer({
      setup() {
        throw new Error('typo')
      },
    })
    const sim = simulate(broken, undefined)
    sim.receive(request('/x', 0))
    sim.scheduler.runDue(500)
    expect(logs(sim)).toEqual(["0 Error in the server's code (setup): typo"])
    expect(responses(sim)[0]!.status).toBe(404)
  })

  it('defineServer refuses a definition without setup', () => {
    expect(() => defineServer({} as never)).toThrow('defineServer needs { setup(server) { … } }')
  })
})
