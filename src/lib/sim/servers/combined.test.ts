import { describe, expect, it } from 'vitest'
import { Simulation } from '../simulation.ts'
import { CombinedServer } from './combined.ts'
import { InboxServer } from './inbox.ts'
import { LiveScoreServer } from './live-score.ts'
import { ChatServer } from './chat.ts'

function combined() {
  return new Simulation({
    host: 'h',
    seed: 1,
    latencyMs: 50,
    createServer: (ctx) =>
      new CombinedServer([
        new InboxServer(ctx, { messages: [{ atMs: 0, from: 'Ann', text: 'hi' }], holdTimeoutMs: 5000 }),
        new LiveScoreServer(ctx, { intervalMs: 1000, home: 'A', away: 'B', updates: null, retryMs: null }),
        new ChatServer(ctx, { script: [], pingIntervalMs: null }),
      ]),
  })
}
const get = (key: number, target: string) => ({ key, sentAt: 0, method: 'GET', host: 'h', target, headers: [], api: 'fetch' as const })

describe('several servers in one process', () => {
  it('sends each request to the part that offers its path, and 404s the rest naming every endpoint', () => {
    const sim = combined()
    sim.receive(get(1, '/api/messages?since=0'))
    sim.receive({ ...get(2, '/api/stream'), api: 'EventSource' })
    sim.receive(get(3, '/api/nothing'))
    let opened = false
    sim.openWebSocket(
      { key: 4, sentAt: 0, host: 'h', target: '/chat', origin: 'http://h', protocols: [] },
      { open: () => (opened = true), message: () => {}, error: () => {}, close: () => {} },
    )
    sim.scheduler.runDue(500)
    const responses = sim.trace.ofKind('http.response').map((e) => [e.conn, e.status, e.streaming])
    expect(responses).toEqual([
      ['c1', 200, false],
      ['c2', 200, true],
      ['c3', 404, false],
      ['c4', 101, true],
    ])
    expect(opened).toBe(true)
    expect(sim.trace.ofKind('http.response')[2]!.body).toContain(
      'GET /api/messages?since=<id>, GET /api/messages/wait?since=<id>, GET /api/stream (text/event-stream), GET /api/score (JSON), WebSocket /chat',
    )
    expect(sim.serverStats().map((s) => s.id)).toEqual(['requests', 'empty', 'held', 'connections', 'replayed', 'clients', 'received', 'broadcasts'])
  })
})
