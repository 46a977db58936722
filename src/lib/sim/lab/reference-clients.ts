// The lab's reference clients: one per technique, written against the simulation the way the lessons'
// solutions are written against the browser (a timer that polls, a poll sent again on every answer, an
// EventSource that reconnects with Last-Event-ID, a WebSocket reopened a second after it closes). They
// run in Node or in the page without a worker: each reacts to the simulation's deliveries synchronously,
// at the simulated instant a browser's handler would run.
import type { Simulation } from '../simulation.ts'
import type { HttpExchange } from '../exchange.ts'
import { connBase } from '../conn-name.ts'
import type { ClientMessage } from './workload.ts'
import {
  GET_HEADERS,
  LAB_HOST,
  FEED_PATHS,
  STREAM_HEADERS,
  STREAM_TARGET,
  lastEventIdHeader,
  pollTarget,
  postHeaders,
  socketTarget,
  waitTarget,
} from './wire.ts'

export type Technique = 'short-polling' | 'long-polling' | 'sse' | 'websocket'
export const TECHNIQUES: readonly Technique[] = ['short-polling', 'long-polling', 'sse', 'websocket']

/** what a browser's EventSource waits before reconnecting when the server sent no `retry:` (Wirelab: 3 s) */
export const SSE_RECONNECT_MS = 3000
/** the reference WebSocket client opens a new connection this long after one closes */
export const WS_RECONNECT_MS = 1000
/** client timers run before the server's actions at the same instant (as in a lesson's run) */
const CLIENT_FIRST = -1

export interface ReferenceClient {
  technique: Technique
  /** 0-based position among the simulation's clients */
  index: number
  clients: number
  /** when it starts, simulated ms */
  startMs: number
  pollIntervalMs: number
  /** what it sends upstream (chat) */
  upstream: readonly ClientMessage[]
}

/** the answer that reached the client: its status and body from the trace (null: a network error) */
function answer(sim: Simulation, exchange: HttpExchange): { status: number; body: string } | null {
  const event = exchange.headSeq === null ? undefined : sim.trace.events[exchange.headSeq - 1]
  return event?.kind === 'http.response' ? { status: event.status, body: event.body ?? '' } : null
}

const lastOf = (body: string) => Number(/"last":(\d+)\}$/.exec(body)?.[1] ?? 0)

/** starts one reference client in `sim`; it acts as simulated time runs */
export function startReferenceClient(sim: Simulation, client: ReferenceClient): void {
  let key = connBase(client.index, client.clients)
  // a client says nothing before it starts
  const upstream = client.upstream.filter((m) => m.atMs >= client.startMs)
  const nextKey = () => ++key
  const at = (t: number, fn: () => void) => sim.scheduler.at(t, fn, { key: CLIENT_FIRST, label: `lab client ${client.index + 1}` })
  const get = (target: string, api: 'fetch' | 'EventSource' = 'fetch') =>
    sim.receive({ key: nextKey(), sentAt: sim.now, method: 'GET', host: LAB_HOST, target, headers: [...GET_HEADERS], api })
  /** what the client says, when it has no way back on its connection: a POST each */
  const post = (json: string) =>
    sim.receive({
      key: nextKey(),
      sentAt: sim.now,
      method: 'POST',
      host: LAB_HOST,
      target: FEED_PATHS.send,
      headers: postHeaders(json),
      api: 'fetch',
      body: json,
    })

  switch (client.technique) {
    case 'short-polling': {
      let last = 0
      const poll = () => {
        const exchange = get(pollTarget(last))
        exchange.onHeadDelivered(() => {
          const got = answer(sim, exchange)
          if (got?.status === 200) last = Math.max(last, lastOf(got.body))
        })
        at(sim.now + client.pollIntervalMs, poll)
      }
      at(client.startMs, poll)
      for (const message of upstream) at(message.atMs, () => post(message.json))
      return
    }
    case 'long-polling': {
      let last = 0
      const poll = () => {
        const exchange = get(waitTarget(last))
        exchange.onHeadDelivered(() => {
          const got = answer(sim, exchange)
          if (got?.status === 200) last = Math.max(last, lastOf(got.body))
          poll()
        })
      }
      at(client.startMs, poll)
      for (const message of upstream) at(message.atMs, () => post(message.json))
      return
    }
    case 'sse': {
      const streamKey = nextKey()
      let attempt = 0
      let lastEventId = ''
      const connect = () => {
        attempt++
        const headers = lastEventId === '' ? [...STREAM_HEADERS] : [...STREAM_HEADERS, lastEventIdHeader(lastEventId)]
        const exchange = sim.receive({
          key: streamKey,
          attempt,
          sentAt: sim.now,
          method: 'GET',
          host: LAB_HOST,
          target: STREAM_TARGET,
          headers,
          api: 'EventSource',
        })
        exchange.onChunk((chunk) => {
          lastEventId = chunk.lastEventId
        })
        // the stream ended (the proxy cut it, the network lost it): EventSource tries again
        exchange.onEnd(() => at(sim.now + SSE_RECONNECT_MS, connect))
      }
      at(client.startMs, connect)
      for (const message of upstream) at(message.atMs, () => post(message.json))
      return
    }
    case 'websocket': {
      let last = 0
      let open = false
      const queued: string[] = []
      let socket: ReturnType<Simulation['openWebSocket']> | null = null
      const connect = () => {
        socket = sim.openWebSocket(
          { key: nextKey(), sentAt: sim.now, host: LAB_HOST, target: socketTarget(last), origin: `http://${LAB_HOST}`, protocols: [] },
          {
            open: () => {
              open = true
              for (const json of queued.splice(0)) socket!.clientSend(json)
            },
            message: (data) => {
              if (typeof data === 'string') last = Math.max(last, Number(/^\{"id":(\d+)/.exec(data)?.[1] ?? 0))
            },
            error: () => {},
            close: () => {
              open = false
              at(sim.now + WS_RECONNECT_MS, connect)
            },
          },
        )
      }
      at(client.startMs, connect)
      for (const message of upstream)
        at(message.atMs, () => {
          if (open) socket!.clientSend(message.json)
          else queued.push(message.json)
        })
      return
    }
  }
}
