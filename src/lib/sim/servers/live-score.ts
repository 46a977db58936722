// "Live score": one match, one score update per interval on GET /api/stream as an event stream.
// Every update carries an `id:` so a reconnecting EventSource could say where it stopped.
import type { ResponseWriter } from '../exchange.ts'
import type { ServerContext, ServerRequest, SimServer } from './types.ts'

export interface LiveScoreOptions {
  /** simulated ms between two updates */
  intervalMs: number
  home: string
  away: string
}

export interface ScoreUpdate {
  match: string
  minute: number
  home: number
  away: number
}

export class LiveScoreServer implements SimServer {
  readonly endpoints = ['GET /api/stream']

  constructor(
    private readonly ctx: ServerContext,
    private readonly options: LiveScoreOptions,
  ) {}

  handle(request: ServerRequest, response: ResponseWriter): void {
    const path = request.target.split('?')[0]
    if (path !== '/api/stream') {
      response.respond(404, JSON.stringify({ error: `No such endpoint. This server offers: ${this.endpoints.join(', ')}` }))
      return
    }
    if (request.method !== 'GET') {
      response.respond(405, JSON.stringify({ error: 'Use GET for /api/stream' }))
      return
    }
    this.stream(response)
  }

  private stream(response: ResponseWriter): void {
    const { scheduler, random } = this.ctx
    const stream = response.eventStream()
    const score: ScoreUpdate = { match: `${this.options.home} vs ${this.options.away}`, minute: 0, home: 0, away: 0 }
    let id = 0
    let timer = 0
    const tick = () => {
      if (stream.closed) return
      score.minute += 1 + Math.floor(random() * 3)
      const goal = random()
      if (goal < 0.2) score.home++
      else if (goal < 0.35) score.away++
      stream.send({ id: String(++id), data: JSON.stringify(score) })
      timer = scheduler.after(this.options.intervalMs, tick, { label: 'live-score update' })
    }
    timer = scheduler.after(this.options.intervalMs, tick, { label: 'live-score update' })
    response.onClientClose(() => scheduler.cancel(timer))
  }
}
