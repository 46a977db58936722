// What each built-in server sends, byte for byte, in short scripted runs: docs/authoring.md shows these
// (wire-examples.test.ts fails when the docs and the servers disagree). Only what the server sends is
// shown: the browser's request headers depend on the browser.
import { Simulation, type ClientRequest } from '../simulation.ts'
import type { TraceEvent } from '../trace.ts'
import type { WsConnection } from '../ws-connection.ts'
import { ChatServer } from './chat.ts'
import { InboxServer } from './inbox.ts'
import { LiveScoreServer } from './live-score.ts'
import type { SimServer, ServerContext } from './types.ts'

const HOST = 'wirelab.test'

function simulation(createServer: (ctx: ServerContext) => SimServer): Simulation {
  return new Simulation({ host: HOST, seed: 1, latencyMs: 50, createServer })
}

let key = 0
const get = (target: string, sentAt: number, api: ClientRequest['api'] = 'fetch', method = 'GET'): ClientRequest => ({
  key: ++key,
  sentAt,
  method,
  host: HOST,
  target,
  headers: [],
  api,
})

/** the server's side of the wire on each connection: response heads (CRLF shown as line ends), bodies, stream blocks, frames */
function serverSide(events: readonly TraceEvent[]): string {
  const out: string[] = []
  for (const e of events) {
    if (e.kind === 'http.request') out.push(`→ ${e.method} ${e.target}  (${e.conn}, ${e.t} ms)`)
    else if (e.kind === 'http.response') out.push(`← ${e.conn}, ${e.t} ms:\n${e.wire.replace(/\r\n/g, '\n')}${e.body ?? ''}`)
    else if (e.kind === 'http.held') out.push(`… ${e.conn} held at ${e.t} ms`)
    else if (e.kind === 'sse.event') out.push(`← ${e.conn}, ${e.t} ms, one chunk:\n${e.wire}`)
    else if (e.kind === 'conn.close' && e.from === 'server') out.push(`← ${e.conn}, ${e.t} ms: the last chunk (0␍␊␍␊) ends the response`)
    else if (e.kind === 'ws.frame')
      out.push(
        `${e.from === 'server' ? '←' : '→'} ${e.conn}, ${e.t} ms, ${e.opcodeName} frame: ${e.hex}${e.text !== undefined ? `  (${JSON.stringify(e.text)})` : ''}`,
      )
  }
  return out.join('\n').trimEnd()
}

export function wireExamples(): Record<string, string> {
  key = 0
  const score = simulation((ctx) => new LiveScoreServer(ctx, { intervalMs: 1000, home: 'Lions', away: 'Tigers', updates: 2, retryMs: 2000 }))
  score.receive(get('/api/stream', 0, 'EventSource'))
  score.scheduler.runDue(1500)
  score.receive(get('/api/score', 1500))
  score.scheduler.runDue(2500)
  score.receive(get('/api/stream', 2500, 'EventSource'))
  score.scheduler.runDue(3000)

  key = 0
  const inbox = simulation((ctx) => new InboxServer(ctx, { holdTimeoutMs: 2000, messages: [{ atMs: 1000, from: 'Ada', text: 'Lunch at noon?' }] }))
  inbox.receive(get('/api/messages?since=0', 0))
  inbox.receive(get('/api/messages/wait?since=0', 0))
  inbox.scheduler.runDue(1100)
  inbox.receive(get('/api/messages/wait?since=1', 1100))
  inbox.receive(get('/api/messages?since=abc', 1100))
  inbox.receive(get('/api/messages', 1100, 'fetch', 'POST'))
  inbox.scheduler.runDue(4000)

  key = 0
  const chat = simulation((ctx) => new ChatServer(ctx, { script: [{ atMs: 500, from: 'Ada', text: 'Hello' }], pingIntervalMs: 1000 }))
  let socket: WsConnection | null = null
  socket = chat.openWebSocket(
    { key: ++key, sentAt: 0, host: HOST, target: '/chat', origin: `http://${HOST}`, protocols: ['chat.v1'] },
    {
      open: () => chat.scheduler.at(chat.now, () => socket!.clientSend('hi'), { key: 1 }),
      message: () => undefined,
      error: () => undefined,
      close: () => undefined,
    },
  )
  chat.scheduler.runDue(1200)

  const on = (sim: Simulation, ...conns: string[]) => serverSide(sim.trace.events.filter((e) => conns.includes(e.conn)))
  const chatEvents = chat.trace.events.filter((e) => e.kind !== 'http.request')
  return {
    'live-score': on(score, 'c1', 'c2', 'c3'),
    inbox: on(inbox, 'c1', 'c2', 'c3', 'c4', 'c5'),
    chat: serverSide(chatEvents),
  }
}
