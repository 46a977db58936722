// "Live score": one match, played on the server whether anyone listens or not. Every interval the score
// changes and every open stream gets the update as an SSE event with an `id:`, so a reconnecting
// EventSource can send Last-Event-ID and get what it missed replayed. After the final whistle the
// server ends the streams and answers new ones with 204 No Content, which tells EventSource to stop.
//   GET /api/stream   text/event-stream; ?lastEventId=N resumes like the Last-Event-ID header (what
//                     EventSource polyfills send, since they cannot set that header)
//   GET /api/score    the current score as JSON (not an event stream: an EventSource fails on it)
import type { EventStreamWriter, ResponseWriter } from '../exchange.ts'
import { plural, type ServerContext, type ServerRequest, type ServerStat, type SimServer } from './types.ts'

export interface LiveScoreOptions {
  /** simulated ms between two updates */
  intervalMs: number
  home: string
  away: string
  /** how many updates the match lasts; then the final whistle (null: longer than any run) */
  updates: number | null
  /** reconnection time the server asks for with `retry:` at the start of each stream (null: none sent) */
  retryMs: number | null
}

export interface ScoreUpdate {
  match: string
  minute: number
  home: number
  away: number
}

export class LiveScoreServer implements SimServer {
  readonly endpoints = ['GET /api/stream (text/event-stream)', 'GET /api/score (JSON)']
  private readonly history: Array<{ id: number; data: string }> = []
  private readonly streams = new Set<EventStreamWriter>()
  private readonly score: ScoreUpdate
  private over = false
  private lastId = 0
  private connections = 0
  private replayed = 0

  constructor(
    private readonly ctx: ServerContext,
    private readonly options: LiveScoreOptions,
  ) {
    this.score = { match: `${options.home} vs ${options.away}`, minute: 0, home: 0, away: 0 }
    ctx.scheduler.after(options.intervalMs, () => this.tick(), { label: 'live-score update' })
  }

  stats(): ServerStat[] {
    return [
      { id: 'connections', label: ['stream opened', 'streams opened'], value: this.connections },
      { id: 'replayed', label: ['event replayed', 'events replayed'], value: this.replayed },
    ]
  }

  restart(): string {
    const lost = this.history.length
    this.history.length = 0
    this.streams.clear()
    return `its history of ${plural(lost, 'update')}, so it cannot replay what a reconnecting client missed`
  }

  handle(request: ServerRequest, response: ResponseWriter): void {
    const path = request.target.split('?')[0]
    if (request.method !== 'GET') return response.respond(405, JSON.stringify({ error: `Use GET for ${path}` }))
    if (path === '/api/score') return response.respond(200, JSON.stringify(this.score))
    if (path !== '/api/stream') return response.respond(404, JSON.stringify({ error: `No such endpoint. This server offers: ${this.endpoints.join(', ')}` }))
    if (this.over) return response.respondEmpty(204)
    this.open(response, request.headers.get('last-event-id') ?? new URLSearchParams(request.target.split('?')[1] ?? '').get('lastEventId') ?? undefined)
  }

  private open(response: ResponseWriter, lastEventId: string | undefined): void {
    this.connections++
    const stream = response.eventStream()
    if (this.options.retryMs !== null) stream.send({ retry: this.options.retryMs })
    // resume: everything after the id the client says it has
    const last = Number(lastEventId)
    if (lastEventId !== undefined && Number.isInteger(last)) {
      for (const update of this.history.filter((u) => u.id > last)) {
        this.replayed++
        stream.send({ id: String(update.id), data: update.data })
      }
    }
    this.streams.add(stream)
    response.onClientClose(() => this.streams.delete(stream))
  }

  private tick(): void {
    const { random, scheduler } = this.ctx
    this.score.minute += 1 + Math.floor(random() * 3)
    const goal = random()
    if (goal < 0.2) this.score.home++
    else if (goal < 0.35) this.score.away++
    // the feed numbers updates; the server only keeps them in memory (lost on a restart)
    const update = { id: ++this.lastId, data: JSON.stringify(this.score) }
    this.history.push(update)
    for (const stream of [...this.streams]) {
      if (stream.closed) this.streams.delete(stream)
      else stream.send({ id: String(update.id), data: update.data })
    }
    if (this.options.updates !== null && update.id >= this.options.updates) return this.finalWhistle()
    scheduler.after(this.options.intervalMs, () => this.tick(), { label: 'live-score update' })
  }

  private finalWhistle(): void {
    this.over = true
    for (const stream of this.streams) stream.close()
    this.streams.clear()
  }
}
