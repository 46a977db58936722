// "Live score": one match, played on the server whether anyone listens or not. Every interval the score
// changes and every open stream gets the update as an SSE event with an `id:`, so a reconnecting
// EventSource can send Last-Event-ID and get what it missed replayed. After the final whistle the
// server ends the streams and answers new ones with 204 No Content, which tells EventSource to stop.
//   GET /api/stream   text/event-stream; ?lastEventId=N resumes like the Last-Event-ID header (what
//                     EventSource polyfills send, since they cannot set that header)
//   GET /api/score    the current score as JSON (not an event stream: an EventSource fails on it)
// Written on the lesson server API (server-api/), as a lesson's own server.ts would be.
import { defineServer } from '../server-api/define.ts'
import { LessonServer } from '../server-api/lesson-server.ts'
import type { EventStream } from '../server-api/types.ts'
import { plural, type ServerContext } from './types.ts'

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

/** the match: it goes on whatever the server does (a restart loses the server's memory, not the game) */
interface Match {
  score: ScoreUpdate
  over: boolean
}

const endpoints = ['GET /api/stream (text/event-stream)', 'GET /api/score (JSON)']

export const liveScoreServer = defineServer<LiveScoreOptions, Match>({
  endpoints,
  world(world) {
    const { options } = world
    const match: Match = { score: { match: `${options.home} vs ${options.away}`, minute: 0, home: 0, away: 0 }, over: false }
    let updates = 0
    const tick = () => {
      match.score.minute += 1 + Math.floor(world.random() * 3)
      const goal = world.random()
      if (goal < 0.2) match.score.home++
      else if (goal < 0.35) match.score.away++
      // the feed numbers its updates; the server only keeps them in memory (lost on a restart)
      world.emit('update', { id: ++updates, data: JSON.stringify(match.score) })
      if (options.updates !== null && updates >= options.updates) {
        match.over = true
        world.emit('final-whistle')
      } else world.after(options.intervalMs, tick)
    }
    world.after(options.intervalMs, tick)
    return match
  },
  setup(server, match) {
    const history: Array<{ id: number; data: string }> = []
    const streams = new Set<EventStream>()
    const opened = server.counter('connections', ['stream opened', 'streams opened'])
    const replayed = server.counter('replayed', ['event replayed', 'events replayed'])
    server.forgets(() => `its history of ${plural(history.length, 'update')}, so it cannot replay what a reconnecting client missed`)

    server.on('update', (payload) => {
      const update = payload as { id: number; data: string }
      history.push(update)
      for (const stream of [...streams]) {
        if (stream.closed) streams.delete(stream)
        else stream.send({ id: update.id, data: update.data })
      }
    })
    server.on('final-whistle', () => {
      for (const stream of streams) stream.close()
      streams.clear()
    })

    server.get('/api/score', (_request, response) => response.json(match.score))
    server.get('/api/stream', (request, response) => {
      if (match.over) return response.empty(204)
      opened.add()
      const stream = response.stream()
      if (server.options.retryMs !== null) stream.retry(server.options.retryMs)
      // resume: everything after the id the client says it has
      const lastEventId = request.header('last-event-id') ?? request.query.lastEventId
      const last = Number(lastEventId)
      if (lastEventId !== undefined && Number.isInteger(last)) {
        for (const update of history.filter((u) => u.id > last)) {
          replayed.add()
          stream.send({ id: update.id, data: update.data })
        }
      }
      streams.add(stream)
      stream.onClose(() => streams.delete(stream))
    })
    server.route('*', '/*', (request, response) => {
      if (request.method !== 'GET') return response.json({ error: `Use GET for ${request.path}` }, { status: 405 })
      response.json({ error: `No such endpoint. This server offers: ${endpoints.join(', ')}` }, { status: 404 })
    })
  },
})

/** the live-score feed as a simulated server instance */
export class LiveScoreServer extends LessonServer<LiveScoreOptions, Match> {
  constructor(ctx: ServerContext, options: LiveScoreOptions) {
    super(ctx, liveScoreServer, options)
  }
}
