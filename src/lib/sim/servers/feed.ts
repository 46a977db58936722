// "Feed": one stream of updates offered by all four techniques, so the lab can run the same workload
// with each and compare them on the wire. Updates arrive at the server on a schedule (the lab's
// workload); every client may ask for everything newer than the last id it has.
//   GET  /api/feed?since=<id>          answers at once (short polling)
//   GET  /api/feed/wait?since=<id>     holds the request until an update arrives or the hold timeout
//                                      passes: 200 with the updates, or 204 No Content (long polling)
//   GET  /api/feed/stream?since=<id>   text/event-stream, one event per update with its `id:`; a
//                                      Last-Event-ID header wins over `since` (a reconnection)
//   WebSocket /feed?since=<id>         one text message per update; what the client sends is counted
//   POST /api/feed/send                what a client without a way back sends (204 No Content)
import type { EventStreamWriter, ResponseWriter } from '../exchange.ts'
import type { ServerSocket } from '../ws-connection.ts'
import type { FeedUpdate } from '../lab/workload.ts'
import { FEED_PATHS, pollBody } from '../lab/wire.ts'
import type { ServerContext, ServerRequest, ServerStat, SimServer } from './types.ts'

export interface FeedOptions {
  updates: readonly FeedUpdate[]
  /** how long /api/feed/wait holds a request before answering 204 */
  holdTimeoutMs: number
}

export class FeedServer implements SimServer {
  readonly endpoints = [
    `GET ${FEED_PATHS.poll}?since=<id>`,
    `GET ${FEED_PATHS.wait}?since=<id>`,
    `GET ${FEED_PATHS.stream} (text/event-stream)`,
    `POST ${FEED_PATHS.send}`,
    `WebSocket ${FEED_PATHS.socket}`,
  ]
  /** updates that have arrived so far (ids 1 … arrived.length) */
  private readonly arrived: FeedUpdate[] = []
  private readonly waiting = new Set<() => void>()
  private readonly streams = new Set<EventStreamWriter>()
  private readonly sockets = new Set<ServerSocket>()
  private served = 0
  private empty = 0
  private received = 0

  constructor(
    private readonly ctx: ServerContext,
    private readonly options: FeedOptions,
  ) {
    for (const update of options.updates) ctx.scheduler.at(update.atMs, () => this.arrive(update), { label: 'feed: an update arrives' })
  }

  stats(): ServerStat[] {
    return [
      { id: 'requests', label: ['request served', 'requests served'], value: this.served },
      { id: 'empty', label: ['empty answer', 'empty answers'], value: this.empty },
      { id: 'streams', label: ['stream open', 'streams open'], value: this.streams.size },
      { id: 'sockets', label: ['WebSocket open', 'WebSockets open'], value: this.sockets.size },
      { id: 'received', label: ['client message received', 'client messages received'], value: this.received },
    ]
  }

  handle(request: ServerRequest, response: ResponseWriter): void {
    const url = new URL(request.target, 'http://feed.invalid')
    const since = Number(url.searchParams.get('since') ?? 0)
    this.served++
    if (request.method === 'POST' && url.pathname === FEED_PATHS.send) {
      this.received++
      return response.respondEmpty(204)
    }
    if (request.method !== 'GET') return response.respond(405, JSON.stringify({ error: `Use GET for ${url.pathname}` }))
    if (!Number.isInteger(since) || since < 0) return response.respond(400, JSON.stringify({ error: '"since" must be the last id you have (0 for none)' }))
    if (url.pathname === FEED_PATHS.poll) return this.reply(response, since)
    if (url.pathname === FEED_PATHS.wait) return this.longPoll(response, since)
    if (url.pathname === FEED_PATHS.stream) return this.stream(response, Number(request.headers.get('last-event-id') ?? since))
    response.respond(404, JSON.stringify({ error: `No such endpoint. This server offers: ${this.endpoints.join(', ')}` }))
  }

  acceptWebSocket(target: string, _protocols: string[], socket: ServerSocket): { protocol: string } | null {
    const url = new URL(target, 'http://feed.invalid')
    if (url.pathname !== FEED_PATHS.socket) return null
    const since = Number(url.searchParams.get('since') ?? 0)
    this.sockets.add(socket)
    socket.onMessage(() => this.received++)
    socket.onClose(() => this.sockets.delete(socket))
    // the socket is open once this returns: what the client missed goes out at the same instant
    this.ctx.scheduler.at(this.ctx.scheduler.now, () => this.newerThan(since).forEach((u) => socket.send(u.json)), { label: 'feed: catch up a WebSocket' })
    return { protocol: '' }
  }

  private newerThan(since: number): FeedUpdate[] {
    return this.arrived.slice(Math.min(Math.max(0, since), this.arrived.length))
  }

  private reply(response: ResponseWriter, since: number): void {
    const newer = this.newerThan(since)
    if (newer.length === 0) this.empty++
    response.respond(
      200,
      pollBody(
        newer.map((u) => u.json),
        newer.at(-1)?.id ?? since,
      ),
    )
  }

  private longPoll(response: ResponseWriter, since: number): void {
    if (this.newerThan(since).length > 0) return this.reply(response, since)
    response.hold('Nothing newer yet: the server holds the request until an update arrives or the hold timeout passes.')
    const { scheduler } = this.ctx
    const release = () => {
      this.waiting.delete(release)
      scheduler.cancel(timeout)
      this.reply(response, since)
    }
    const timeout = scheduler.after(
      this.options.holdTimeoutMs,
      () => {
        this.waiting.delete(release)
        this.empty++
        response.respondEmpty(204)
      },
      { label: 'feed: hold timeout' },
    )
    this.waiting.add(release)
    response.onClientClose(() => {
      this.waiting.delete(release)
      scheduler.cancel(timeout)
    })
  }

  private stream(response: ResponseWriter, since: number): void {
    const stream = response.eventStream()
    for (const update of this.newerThan(Number.isInteger(since) ? since : 0)) stream.send({ id: String(update.id), data: update.json })
    this.streams.add(stream)
    response.onClientClose(() => this.streams.delete(stream))
  }

  private arrive(update: FeedUpdate): void {
    this.arrived.push(update)
    for (const stream of [...this.streams]) {
      if (stream.closed) this.streams.delete(stream)
      else stream.send({ id: String(update.id), data: update.json })
    }
    for (const socket of this.sockets) socket.send(update.json)
    for (const release of [...this.waiting]) release()
  }
}
