// The lab's measures read from a trace: what crossed the simulated wire, byte by byte, and when each
// update reached each client. The live table is made from these; the model must agree with them.
import { utf8Length } from '../http1.ts'
import type { TraceEvent } from '../trace.ts'
import { DelayHistogram, type Measures } from './measures.ts'
import type { Technique } from './reference-clients.ts'
import { FEED_PATHS, updateIds } from './wire.ts'
import type { FeedUpdate } from './workload.ts'

export interface TraceScenario {
  technique: Technique
  updates: readonly FeedUpdate[]
  /** each client's start, simulated ms, in client order */
  clientStarts: readonly number[]
  /** the clients' names in the trace (absent when there is one) */
  clientNames?: readonly string[]
  durationMs: number
}

const POLL_PATHS: ReadonlySet<string> = new Set([FEED_PATHS.poll, FEED_PATHS.wait])
const isData = (opcode: number) => opcode === 0x1 || opcode === 0x2

export function measureTrace(events: readonly TraceEvent[], scenario: TraceScenario): Measures {
  const { durationMs: D } = scenario
  const clientOf = new Map<string, number>()
  const pollConns = new Set<string>()
  const openedAt = new Map<string, number>()
  const endedAt = new Map<string, number>()
  const have = scenario.clientStarts.map(() => 0)
  const atOf = new Map(scenario.updates.map((u) => [u.id, u.atMs]))
  const delays = new DelayHistogram()
  const m: Measures = {
    technique: scenario.technique,
    clients: scenario.clientStarts.length,
    durationMs: D,
    requests: 0,
    emptyAnswers: 0,
    bytes: { headers: 0, framing: 0, payload: 0 },
    connectionsOpened: 0,
    connectionsHeld: 0,
    delivered: 0,
    undelivered: 0,
    delay: null,
    sent: 0,
    sendsOnSameConnection: scenario.technique === 'websocket',
  }
  /** updates reach a client's handler: each counts once, at its first arrival before the end */
  const deliver = (conn: string, ids: number[], arrives: number) => {
    if (arrives > D) return
    const client = clientOf.get(conn) ?? 0
    for (const id of ids) {
      if (id <= have[client]!) continue
      for (let next = have[client]! + 1; next <= id; next++) {
        const at = atOf.get(next)
        if (at === undefined) continue
        delays.add(arrives - Math.max(at, scenario.clientStarts[client]!))
        m.delivered++
      }
      have[client] = id
    }
  }
  const end = (conn: string, at: number) => endedAt.set(conn, Math.max(endedAt.get(conn) ?? 0, at))

  for (const e of events) {
    switch (e.kind) {
      case 'http.request': {
        m.requests++
        m.connectionsOpened++
        m.bytes.headers += e.wire.length
        m.bytes.payload += e.bytes - e.wire.length
        clientOf.set(e.conn, e.client ? Math.max(0, scenario.clientNames?.indexOf(e.client) ?? 0) : 0)
        openedAt.set(e.conn, e.t)
        const path = e.target.split('?')[0]!
        if (e.method === 'GET' && POLL_PATHS.has(path)) pollConns.add(e.conn)
        if (e.method === 'POST' && path === FEED_PATHS.send) m.sent++
        break
      }
      case 'http.response': {
        m.bytes.headers += e.wire.length
        m.bytes.payload += e.bytes - e.wire.length
        const body = e.body ?? ''
        if (pollConns.has(e.conn) && (e.status !== 200 || body.startsWith('{"messages":[]'))) m.emptyAnswers++
        if (e.status === 200 && body) deliver(e.conn, updateIds(body), e.arrives)
        if (!e.streaming) end(e.conn, e.arrives)
        break
      }
      case 'sse.event': {
        const data = e.fields.data ?? ''
        m.bytes.payload += utf8Length(data)
        m.bytes.framing += e.bytes - utf8Length(data)
        if (data) deliver(e.conn, updateIds(data), e.arrives)
        break
      }
      case 'ws.frame':
        if (isData(e.opcode)) {
          m.bytes.payload += e.payloadLength
          m.bytes.framing += e.bytes - e.payloadLength
          if (e.from === 'client') m.sent++
          else if (e.text) deliver(e.conn, updateIds(e.text), e.arrives)
        } else m.bytes.framing += e.bytes
        break
      case 'conn.close':
        m.bytes.framing += e.bytes
        end(e.conn, e.arrives)
        break
      case 'conn.error':
        end(e.conn, e.t)
        break
      default:
        break
    }
  }
  let openTime = 0
  for (const [conn, from] of openedAt) openTime += Math.min(endedAt.get(conn) ?? D, D) - Math.min(from, D)
  m.connectionsHeld = openTime / D
  m.undelivered = scenario.clientStarts.length * scenario.updates.length - m.delivered
  m.delay = delays.stats()
  return m
}
