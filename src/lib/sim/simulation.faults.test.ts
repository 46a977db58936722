// The silent fault (a path that stops carrying anything, with nothing closed) and a restart with a
// downtime (new connections refused meanwhile), on exact trace events.
import { describe, expect, it } from 'vitest'
import { Simulation, type ClientRequest, type ScheduledFault } from './simulation.ts'
import { ChatServer } from './servers/chat.ts'
import { LiveScoreServer } from './servers/live-score.ts'
import type { TraceEvent } from './trace.ts'
import type { WsConnection } from './ws-connection.ts'
import type { SimServer } from './servers/types.ts'

/** one line per trace event: what, who, when it left → when it arrives, and what a silent path did to it */
function line(e: TraceEvent): string {
  const what =
    e.kind === 'ws.frame'
      ? `${e.opcodeName}${e.text ? ` "${e.text}"` : ''}`
      : e.kind === 'http.response'
        ? `${e.status}`
        : e.kind === 'sse.event'
          ? `id ${e.fields.id}`
          : e.kind === 'fault'
            ? `"${e.description}"`
            : ''
  return `${e.kind}${what ? ` ${what}` : ''} ${e.from}@${e.t}→${e.arrives}${e.lost ? ' LOST' : ''}${e.retransmitted ? ' RETRANSMITTED' : ''}${e.kind === 'fault' && e.recovers ? ' recovers' : ''}`
}

function chatSim(options: { faults?: ScheduledFault[]; instances?: number; server?: (ctx: ConstructorParameters<typeof ChatServer>[0]) => SimServer } = {}) {
  const sim = new Simulation({
    host: 'wirelab.test',
    seed: 1,
    latencyMs: 50,
    instances: options.instances ?? 1,
    faults: options.faults ?? [],
    createServer: options.server ?? ((ctx) => new ChatServer(ctx, { script: [], pingIntervalMs: 1000 })),
  })
  const heard: string[] = []
  const open = (key: number, sentAt = 0): WsConnection =>
    sim.openWebSocket(
      { key, sentAt, host: 'wirelab.test', target: '/chat', origin: 'http://wirelab.test', protocols: [] },
      {
        open: () => heard.push(`${sim.now} c${key} open`),
        message: (data) => heard.push(`${sim.now} c${key} message ${String(data)}`),
        error: () => heard.push(`${sim.now} c${key} error`),
        close: (code, _reason, wasClean) => heard.push(`${sim.now} c${key} close ${code} ${wasClean}`),
      },
    )
  const clients = () => sim.serverStats().find((s) => s.id === 'clients')?.value
  return { sim, heard, open, clients, lines: (from = 0) => sim.trace.events.slice(from).map(line) }
}

describe('a silent connection', () => {
  it('loses everything sent on it, either way; nothing is closed until the learner gives up, and Chromium waits 60 s for its close frame', () => {
    const { sim, heard, open, clients, lines } = chatSim()
    const socket = open(1)
    sim.scheduler.at(500, () => sim.fault({ kind: 'silent' }))
    sim.scheduler.at(1200, () => socket.clientSend('anyone?'), { key: 1 })
    // the learner's heartbeat has heard nothing for a while: it closes the socket
    sim.scheduler.at(3000, () => socket.clientClose(4000, 'no heartbeat'), { key: 1 })
    sim.scheduler.runDue(70_000)
    expect(lines(2)).toEqual([
      'fault "Every open connection (c1) goes silent: nothing sent on it arrives, either way, and neither end is told, until one of them gives up." network@500→500',
      'ws.frame ping "heartbeat" server@1050→1100 LOST',
      'ws.frame text "anyone?" client@1200→1250 LOST',
      'ws.frame ping "heartbeat" server@2050→2100 LOST',
      'ws.frame close "no heartbeat" client@3000→3050 LOST',
      ...Array.from({ length: 60 }, (_, i) => `ws.frame ping "heartbeat" server@${3050 + i * 1000}→${3100 + i * 1000} LOST`),
      'conn.close client@63000→63050 LOST',
      ...Array.from({ length: 7 }, (_, i) => `ws.frame ping "heartbeat" server@${63050 + i * 1000}→${63100 + i * 1000} LOST`),
    ])
    expect(sim.trace.events.find((e) => e.kind === 'conn.close')).toMatchObject({
      reason:
        "No close frame came back within 60 s (Chromium's closing handshake timeout): the browser drops the TCP connection, and the page gets close with code 1006 (wasClean false).",
    })
    // no error event: Chromium's closing handshake timeout is a drop, not a failure
    expect(heard).toEqual(['100 c1 open', '63000 c1 close 1006 false'])
    // the server never learns: it still counts the client and pings into the void
    expect(clients()).toBe(1)
    expect(sim.openConnectionCount()).toBe(0)
  })

  it('with a duration, TCP delivers what was sent meanwhile when the path recovers, in order', () => {
    const { sim, heard, open, lines } = chatSim()
    const socket = open(1)
    sim.scheduler.at(500, () => sim.fault({ kind: 'silent', conn: 'c1', durationMs: 2000 }, 'learner'))
    sim.scheduler.at(1200, () => socket.clientSend('anyone?'), { key: 1 })
    sim.scheduler.runDue(2700)
    expect(lines(2)).toEqual([
      'fault "The path of c1 goes silent: for 2 s nothing sent on it arrives, either way, and neither end is told; TCP keeps what is sent and retransmits it when the path recovers." network@500→500',
      'ws.frame ping "heartbeat" server@1050→2550 RETRANSMITTED',
      'ws.frame text "anyone?" client@1200→2550 RETRANSMITTED',
      'ws.frame ping "heartbeat" server@2050→2550 RETRANSMITTED',
      'fault "The path of c1 recovers: what was sent while it was silent arrives now (TCP retransmits it)." network@2500→2500 recovers',
      'ws.frame pong "heartbeat" client@2550→2600',
      'ws.frame text "{"type":"chat","from":"c1","text":"anyone?"}" server@2550→2600',
      'ws.frame pong "heartbeat" client@2550→2600',
    ])
    expect(sim.trace.events.filter((e) => e.kind === 'fault').map((e) => [e.conn, e.kind === 'fault' && e.origin])).toEqual([
      ['c1', 'learner'],
      ['c1', 'learner'],
    ])
    expect(heard).toEqual(['100 c1 open', '2600 c1 message {"type":"chat","from":"c1","text":"anyone?"}'])
  })

  it('what is already on its way when the path goes silent still arrives', () => {
    const { sim, open, lines } = chatSim()
    open(1)
    sim.scheduler.at(1070, () => sim.fault({ kind: 'silent' }))
    sim.scheduler.runDue(1500)
    expect(lines(2)).toEqual([
      'ws.frame ping "heartbeat" server@1050→1100',
      'fault "Every open connection (c1) goes silent: nothing sent on it arrives, either way, and neither end is told, until one of them gives up." network@1070→1070',
      'ws.frame pong "heartbeat" client@1100→1150 LOST',
    ])
  })

  it("a server's close into a silent path: after 30 s without an answer the server ends the connection; the page never hears of it", () => {
    let serverSide: WsConnection | null = null
    const closed: string[] = []
    const { sim, heard, open, lines } = chatSim({
      server: () => ({
        endpoints: [],
        handle: (_r, response) => response.respond(404, ''),
        acceptWebSocket: (_t, _p, socket) => {
          serverSide = socket as WsConnection
          socket.onClose((code) => closed.push(`${sim.now} ${code}`))
          return { protocol: '' }
        },
      }),
    })
    open(1)
    sim.scheduler.at(500, () => sim.fault({ kind: 'silent' }))
    sim.scheduler.at(600, () => serverSide!.close(1001, 'going away'))
    sim.scheduler.runDue(40_000)
    expect(lines(3)).toEqual(['ws.frame close "going away" server@600→650 LOST', 'conn.close server@30600→30650 LOST'])
    expect(closed).toEqual(['30600 1006'])
    expect(heard).toEqual(['100 c1 open'])
  })

  it('an event stream on a silent path: events are lost and the stream stays open; dropping it later is news both ends get', async () => {
    const sim = new Simulation({
      host: 'h',
      seed: 1,
      latencyMs: 50,
      createServer: (ctx) => new LiveScoreServer(ctx, { intervalMs: 1000, home: 'A', away: 'B', updates: null, retryMs: null }),
    })
    const stream: ClientRequest = { key: 1, sentAt: 0, method: 'GET', host: 'h', target: '/api/stream', headers: [], api: 'EventSource' }
    const exchange = sim.receive(stream)
    const got: number[] = []
    exchange.onChunk(() => got.push(sim.now))
    let ended: number | null = null
    exchange.onEnd(() => (ended = sim.now))
    sim.scheduler.at(1500, () => sim.fault({ kind: 'silent', conn: 'c1' }))
    sim.scheduler.at(3500, () => sim.fault({ kind: 'drop-connection', conn: 'c1' }))
    sim.scheduler.runDue(5000)
    expect(sim.trace.events.map(line).slice(2)).toEqual([
      'sse.event id 1 server@1000→1050',
      expect.stringMatching(/^fault "The path of c1 goes silent: .*" network@1500→1500$/),
      'sse.event id 2 server@2000→2050 LOST',
      'sse.event id 3 server@3000→3050 LOST',
      'fault "The connection c1 is dropped." network@3500→3500',
      'conn.close network@3500→3550',
    ])
    expect(got).toEqual([1050])
    expect(ended).toBe(3550)
    await expect(exchange.responseHead).resolves.toMatchObject({ status: 200 })
  })

  it('one connection only; an unknown or closed one is refused, and nothing goes in the trace', () => {
    const { sim, open, lines } = chatSim()
    open(1)
    open(2)
    sim.scheduler.runDue(500)
    expect(sim.fault({ kind: 'silent', conn: 'c9' })).toBe(false)
    expect(sim.fault({ kind: 'silent', conn: 'c2' })).toBe(true)
    sim.scheduler.runDue(1200)
    expect(lines(4)).toEqual([
      expect.stringMatching(/^fault "The path of c2 goes silent/),
      'ws.frame ping "heartbeat" server@1050→1100',
      'ws.frame ping "heartbeat" server@1050→1100 LOST',
      'ws.frame pong "heartbeat" client@1100→1150',
    ])
    expect(sim.trace.events.filter((e) => e.kind === 'ws.frame').map((e) => e.conn)).toEqual(['c1', 'c2', 'c1'])
  })

  it('scheduled by the lesson, like any fault', () => {
    const { sim, open, lines } = chatSim({ faults: [{ atMs: 500, kind: 'silent', durationMs: 100 }] })
    open(1)
    sim.scheduler.runDue(700)
    expect(lines(2)).toEqual([
      expect.stringMatching(/^fault "Every open connection \(c1\) goes silent: for 0.1 s/),
      'fault "The path of c1 recovers: what was sent while it was silent arrives now (TCP retransmits it)." network@600→600 recovers',
    ])
    expect(sim.trace.events[2]).toMatchObject({ origin: 'lesson' })
  })
})

describe('a restart with a downtime', () => {
  const fetchAt = (sentAt: number, key: number): ClientRequest => ({ key, sentAt, method: 'GET', host: 'h', target: '/api/stream', headers: [], api: 'fetch' })

  it('refuses new connections while the instance is down: fetch gets a network error one round trip later', async () => {
    const sim = new Simulation({
      host: 'h',
      seed: 1,
      latencyMs: 50,
      createServer: (ctx) => new LiveScoreServer(ctx, { intervalMs: 1000, home: 'A', away: 'B', updates: null, retryMs: null }),
    })
    sim.scheduler.at(500, () => sim.fault({ kind: 'restart-server', downMs: 2000 }))
    const refused = sim.receive(fetchAt(1000, 1))
    let networkErrorAt: number | null = null
    refused.onHeadDelivered(() => (networkErrorAt = sim.now))
    const later = sim.receive(fetchAt(3000, 2))
    sim.scheduler.runDue(3200)
    expect(sim.trace.events.map(line)).toEqual([
      'fault "The server restarts: its connections close and it loses its history of 0 updates, so it cannot replay what a reconnecting client missed; it is down for 2 s and refuses new connections meanwhile." network@500→500',
      'conn.error client@1000→1100',
      'fault "The server is up again, fresh: it accepts connections." network@2500→2500 recovers',
      'http.request client@3000→3050',
      'http.response 200 server@3050→3100',
    ])
    expect(sim.trace.events[1]).toMatchObject({
      kind: 'conn.error',
      to: 'server',
      reason:
        'Connection refused: the server is restarting (up again at 2.500 s). No request was sent: the attempt to connect was answered with a TCP reset one round trip later, and the fetch rejects with TypeError: Failed to fetch.',
    })
    expect(networkErrorAt).toBe(1100)
    await expect(refused.responseHead).resolves.toMatchObject({ networkError: true })
    await expect(later.responseHead).resolves.toMatchObject({ status: 200 })
  })

  it('a WebSocket to the instance while it is down: error, then close 1006, one round trip later; only that instance refuses', () => {
    const { sim, heard, open, lines } = chatSim({ instances: 2 })
    sim.scheduler.at(500, () => sim.fault({ kind: 'restart-server', server: 2, downMs: 1000 }))
    open(1, 1000) // round-robin: Server 1
    open(2, 1000) // Server 2, down
    open(3, 1600) // Server 1 again (the load balancer does not skip a down instance)
    open(4, 1600) // Server 2, up again
    sim.scheduler.runDue(1700)
    expect(lines()).toEqual([
      'fault "Server 2 restarts: its connections close and it loses its list of 0 connected clients; it is down for 1 s and refuses new connections meanwhile." network@500→500',
      'http.request client@1000→1050',
      'conn.error client@1000→1100',
      'http.response 101 server@1050→1100',
      'fault "Server 2 is up again, fresh: it accepts connections." network@1500→1500 recovers',
      'http.request client@1600→1650',
      'http.request client@1600→1650',
      'http.response 101 server@1650→1700',
      'http.response 101 server@1650→1700',
    ])
    expect(sim.trace.events.filter((e) => e.kind === 'conn.error' || e.kind === 'http.response').map((e) => [e.conn, e.server])).toEqual([
      ['c2', 'Server 2'],
      ['c1', 'Server 1'],
      ['c3', 'Server 1'],
      ['c4', 'Server 2'],
    ])
    // at one instant the scheduler runs the learner's connections in the order they were made
    expect(heard).toEqual(['1100 c1 open', '1100 c2 error', '1100 c2 close 1006 false', '1700 c3 open', '1700 c4 open'])
  })

  it('without downMs it is back at once, as before', () => {
    const { sim, open, lines } = chatSim()
    sim.scheduler.at(500, () => sim.fault({ kind: 'restart-server' }))
    open(1, 600)
    sim.scheduler.runDue(700)
    expect(lines()).toEqual([
      'fault "The server restarts: its connections close and it loses its list of 0 connected clients." network@500→500',
      'http.request client@600→650',
      'http.response 101 server@650→700',
    ])
  })
})
