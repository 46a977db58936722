// What the simulated browser sends a site from its own page and from a page of another site: the Origin of
// the page, and the site's cookies (RFC 6265 §5.4), SameSite applied. Exact header lines, as in the trace.
import { describe, expect, it } from 'vitest'
import { Simulation } from './simulation.ts'
import { LessonServer } from './server-api/lesson-server.ts'
import { defineServer } from './server-api/define.ts'
import type { WsClientListener } from './ws-connection.ts'

const quiet: WsClientListener = { open() {}, message() {}, error() {}, close() {} }

/** a site that logs in with a cookie and lets anyone with it listen on /private (no Origin check) */
const site = defineServer({
  setup(server) {
    server.post('/api/session', (_req, res) =>
      res.json({ user: 'alice' }, { headers: { 'Set-Cookie': 'sid=abc123; Path=/; Secure; HttpOnly; SameSite=None' } }),
    )
    server.socket('/private', {
      accept(request) {
        server.log(`handshake from ${request.header('origin')} with cookies ${JSON.stringify(request.cookies)}`)
        return request.cookies.sid === 'abc123' ? true : { refuse: 401 }
      },
      open(socket) {
        socket.send('a secret')
      },
    })
  },
})

function run(crossSitePages: Array<{ atMs: number; origin: string; socket: string }>) {
  const sim = new Simulation({
    host: 'wirelab.test',
    seed: 1,
    latencyMs: 50,
    cookies: [{ name: 'theme', value: 'dark', sameSite: 'Lax' }],
    crossSitePages,
    createServer: (ctx) => new LessonServer(ctx, site, {}),
  })
  sim.receive({
    key: 1,
    sentAt: 0,
    method: 'POST',
    host: 'wirelab.test',
    target: '/api/session',
    headers: [{ name: 'Host', value: 'wirelab.test', source: 'modelled' }],
    api: 'fetch',
  })
  sim.openWebSocket({ key: 2, sentAt: 200, host: 'wirelab.test', target: '/private', origin: 'http://wirelab.test', protocols: [] }, quiet)
  sim.scheduler.runDue(1000)
  const lines = (conn: string, name: string) =>
    sim.trace.events.flatMap((e) =>
      e.kind === 'http.request' && e.conn === conn ? e.headers.filter((h) => h.name === name).map((h) => `${h.name}: ${h.value}`) : [],
    )
  const statuses = (conn: string) => sim.trace.events.flatMap((e) => (e.kind === 'http.response' && e.conn === conn ? [e.status] : []))
  const frames = (conn: string) => sim.trace.events.filter((e) => e.kind === 'ws.frame' && e.conn === conn && e.from === 'server').length
  const logs = sim.trace.events.flatMap((e) => (e.kind === 'server.log' ? [e.text] : []))
  return { sim, lines, statuses, frames, logs }
}

describe('a page of another site in the same browser', () => {
  it("sends its own Origin and only the site's SameSite=None cookie: the server without an Origin check lets it listen", () => {
    const { lines, statuses, frames, logs, sim } = run([{ atMs: 300, origin: 'https://evil.example', socket: '/private' }])
    // your page: the cookie the login set (its answer arrived at 100) and the Lax one, older first
    expect([...lines('c2', 'Origin'), ...lines('c2', 'Cookie')]).toEqual(['Origin: http://wirelab.test', 'Cookie: theme=dark; sid=abc123'])
    // the other site's page: its origin, and the SameSite=None cookie only
    expect([...lines('x1', 'Origin'), ...lines('x1', 'Cookie')]).toEqual(['Origin: https://evil.example', 'Cookie: sid=abc123'])
    const wire = sim.trace.events.find((e) => e.kind === 'http.request' && e.conn === 'x1')
    expect(wire?.kind === 'http.request' && wire.wire.split('\r\n').slice(6, 8)).toEqual(['Origin: https://evil.example', 'Cookie: sid=abc123'])
    expect([statuses('x1'), frames('x1')]).toEqual([[101], 1])
    expect(logs).toEqual([
      'handshake from http://wirelab.test with cookies {"theme":"dark","sid":"abc123"}',
      'handshake from https://evil.example with cookies {"sid":"abc123"}',
    ])
    expect(sim.trace.events.find((e) => e.conn === 'x1')?.client).toBe('evil.example')
  })

  it('before the login has arrived, the browser has no session cookie to send: the handshake is refused', () => {
    const { lines, statuses, frames } = run([{ atMs: 50, origin: 'https://evil.example', socket: '/private' }])
    expect(lines('x1', 'Cookie')).toEqual([])
    expect([statuses('x1'), frames('x1')]).toEqual([[401], 0])
  })
})
