import type { ResponseWriter } from '../exchange.ts'
import type { SimScheduler } from '../scheduler.ts'
import type { HandshakeAnswer, ServerSocket } from '../ws-connection.ts'
import type { PubSubClient } from '../broker.ts'

/** a request as it reaches a simulated server */
export interface ServerRequest {
  method: string
  /** path and query, e.g. "/api/stream" */
  target: string
  /** header names in lower case */
  headers: ReadonlyMap<string, string>
  body: string
}

/** one number a server keeps about its work, e.g. requests served */
export interface ServerStat {
  id: string
  /** what is counted, singular and plural: ['request served', 'requests served'] */
  label: [one: string, other: string]
  value: number
  /** the instance that counted it, when the lesson runs several ("Server 2") */
  server?: string
}

/** "1 message", "3 messages" */
export function plural(n: number, one: string, other = `${one}s`): string {
  return `${n} ${n === 1 ? one : other}`
}

/** "1 request served", "3 requests served" */
export function formatStat(stat: ServerStat): string {
  return plural(stat.value, stat.label[0], stat.label[1])
}

/** "Server: 3 requests served · 1 empty answer", one group per instance when there are several */
export function formatStats(stats: readonly ServerStat[]): string {
  const groups = new Map<string, ServerStat[]>()
  for (const stat of stats) groups.set(stat.server ?? 'Server', [...(groups.get(stat.server ?? 'Server') ?? []), stat])
  return [...groups].map(([server, list]) => `${server}: ${list.map(formatStat).join(' · ')}`).join(' | ')
}

export interface ServerContext {
  scheduler: SimScheduler
  random: () => number
  /** "Server" alone, or "Server 1", "Server 2" … behind a load balancer */
  name: string
  /** 1-based position among the instances */
  instance: number
  /** this instance's connection to the pub/sub broker, when the lesson has one */
  pubsub: PubSubClient | null
  /** a line in the trace on this instance's lifeline (`server.log` events) */
  log(text: string): void
}

/** a simulated server: plain logic on the simulated clock, no knowledge of msw or the browser */
export interface SimServer {
  /** what a learner may call, for hints and docs, e.g. "GET /api/stream" */
  readonly endpoints: readonly string[]
  handle(request: ServerRequest, response: ResponseWriter): void
  stats?(): ServerStat[]
  /**
   * The server process restarts: everything it kept in memory is gone (its connections are closed
   * by the simulation). Returns what was lost, in plain words. Events of the outside world (messages
   * arriving, the match going on) continue.
   */
  restart?(): string
  /**
   * A WebSocket handshake for `target` (`headers`: the handshake's, names in lower case): the subprotocol
   * chosen ('' for none) to accept, `{ refuse: status }` to refuse, null for 404
   */
  acceptWebSocket?(target: string, protocols: string[], socket: ServerSocket, headers: ReadonlyMap<string, string>): HandshakeAnswer
}
