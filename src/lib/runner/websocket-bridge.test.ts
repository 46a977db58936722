// The page's end of the learner's WebSockets in Node: what the learner's code is handed (open, messages,
// close) and that simulated time waits for its listeners (crossing/crossings.ts) until the worker says
// they ran; sends and closes happen at the simulated time the code made them.
import { describe, expect, it } from 'vitest'
import { Simulation } from '../sim/simulation.ts'
import { ChatServer } from '../sim/servers/chat.ts'
import { Barrier } from '../sim/barrier.ts'
import { Crossings } from '../crossing/crossings.ts'
import { WebSocketBridge } from './websocket-bridge.ts'
import type { PageToWorker } from './protocol.ts'

function bridge() {
  const sim = new Simulation({
    host: 'wirelab.test',
    seed: 1,
    latencyMs: 50,
    createServer: (ctx) => new ChatServer(ctx, { script: [], pingIntervalMs: null }),
  })
  const barrier = new Barrier()
  const posted: Array<Extract<PageToWorker, { type: 'ws-event' }>> = []
  const sockets = new WebSocketBridge(sim, new Crossings(barrier), (m) => posted.push(m), 'http://wirelab.test')
  const base = { now: 0, next: null }
  return { sim, barrier, posted, sockets, base }
}

/** events are posted a few promise steps after the simulation delivers them (each waits for its turn) */
const posting = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('WebSocketBridge', () => {
  it('hands the learner open, then the server’s answer to what it sent, each holding time until acknowledged', async () => {
    const { sim, barrier, posted, sockets, base } = bridge()
    sockets.connect({ ...base, type: 'ws-connect', conn: 1, t: 0, url: 'ws://wirelab.test/chat?room=1', protocols: [] })
    sim.scheduler.runDue(100)
    await posting()
    const request = sim.trace.events[0]!
    expect(request).toMatchObject({ kind: 'http.request', conn: 'c1', target: '/chat?room=1', api: 'WebSocket' })
    expect(posted).toEqual([{ type: 'ws-event', conn: 1, n: 1, event: 'open', protocol: '' }])
    expect(barrier.open).toEqual(['c1/ws/1'])
    sockets.ack({ ...base, type: 'ws-ack', conn: 1, n: 1 })
    expect(barrier.open).toEqual([])
    // the 101 brought `open`: the learner's line logged in its listener points at it
    expect(sockets.eventSeq(1, 1)).toBe(sim.trace.events.find((e) => e.kind === 'http.response')!.seq)

    sockets.send({ ...base, type: 'ws-send', conn: 1, t: 120, data: 'hello' })
    sim.scheduler.runDue(400)
    await posting()
    const sent = sim.trace.events.find((e) => e.kind === 'ws.frame' && e.from === 'client')!
    expect(sent).toMatchObject({ t: 120, conn: 'c1' })
    const answers = posted.slice(1)
    expect(answers.map((m) => [m.n, m.event])).toEqual([[2, 'message']])
    expect(answers[0]).toMatchObject({ type: 'ws-event', conn: 1 })
    expect(String((answers[0] as { data: string }).data)).toContain('hello')
    expect(barrier.open).toEqual(['c1/ws/2'])
    sockets.ack({ ...base, type: 'ws-ack', conn: 1, n: 2 })
    expect(barrier.open).toEqual([])
  })

  it('closes at the time the code called close(), and hands the learner a clean close', async () => {
    const { sim, posted, sockets, base } = bridge()
    sockets.connect({ ...base, type: 'ws-connect', conn: 1, t: 0, url: 'ws://wirelab.test/chat', protocols: [] })
    sim.scheduler.runDue(100)
    sockets.close({ ...base, type: 'ws-close', conn: 1, t: 150, code: 1000, reason: 'bye' })
    sim.scheduler.runDue(1000)
    await posting()
    const closing = sim.trace.events.find((e) => e.kind === 'ws.frame' && e.from === 'client')!
    expect(closing).toMatchObject({ t: 150, opcodeName: 'close' })
    expect(posted.at(-1)).toEqual({ type: 'ws-event', conn: 1, n: 2, event: 'close', code: 1000, reason: 'bye', wasClean: true })
  })

  it('hands the learner error and close 1006 when the connection is lost', async () => {
    const { sim, posted, sockets, base } = bridge()
    sockets.connect({ ...base, type: 'ws-connect', conn: 1, t: 0, url: 'ws://wirelab.test/chat', protocols: [] })
    sim.scheduler.runDue(100)
    sim.scheduler.at(200, () => sim.fault({ kind: 'drop-connections' }))
    sim.scheduler.runDue(1000)
    await posting()
    expect(posted.slice(1).map((m) => (m.event === 'close' ? `${m.n} close ${m.code} ${m.wasClean}` : `${m.n} ${m.event}`))).toEqual([
      '2 error',
      '3 close 1006 false',
    ])
  })

  it('takes turns with other connections: an event delivered at the same instant waits until the one before it was acknowledged', async () => {
    const { sim, barrier, posted, sockets, base } = bridge()
    sockets.connect({ ...base, type: 'ws-connect', conn: 1, t: 0, url: 'ws://wirelab.test/chat', protocols: [] })
    sockets.connect({ ...base, type: 'ws-connect', conn: 2, t: 0, url: 'ws://wirelab.test/chat', protocols: [] })
    sim.scheduler.runDue(100)
    await posting()
    // both sockets opened at the same instant: only the first is in the worker's hands
    expect(barrier.open).toEqual(['c1/ws/1', 'c2/ws/1'])
    expect(posted.map((m) => `${m.conn} ${m.event}`)).toEqual(['1 open'])
    sockets.ack({ ...base, type: 'ws-ack', conn: 1, n: 1 })
    await posting()
    expect(posted.map((m) => `${m.conn} ${m.event}`)).toEqual(['1 open', '2 open'])
  })
})
