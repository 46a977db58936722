// "Inbox": messages arrive at the server on a schedule; clients fetch them by polling.
//   GET /api/messages?since=<id>       answers at once (short polling)
//   GET /api/messages/wait?since=<id>  holds the request until a message arrives or the hold timeout
//                                      passes, then answers 200 with it or 204 No Content (long polling)
import type { ResponseWriter } from '../exchange.ts'
import { plural, type ServerContext, type ServerRequest, type ServerStat, type SimServer } from './types.ts'

export interface InboxOptions {
  /** when each message arrives at the server (simulated ms) and what it says */
  messages: Array<{ atMs: number; from: string; text: string }>
  /** how long a long-poll request is held before the server answers 204 */
  holdTimeoutMs: number
}

export interface InboxMessage {
  id: number
  from: string
  text: string
}

export class InboxServer implements SimServer {
  readonly endpoints = ['GET /api/messages?since=<id>', 'GET /api/messages/wait?since=<id>']
  private readonly inbox: InboxMessage[] = []
  /** held long polls: each is released by the first message newer than its `since` */
  private readonly waiting = new Map<() => void, number>()
  private served = 0
  private empty = 0
  private held = 0

  constructor(
    private readonly ctx: ServerContext,
    private readonly options: InboxOptions,
  ) {
    options.messages.forEach((m, i) => {
      ctx.scheduler.at(m.atMs, () => this.arrive({ id: i + 1, from: m.from, text: m.text }), { label: 'inbox: a message arrives' })
    })
  }

  stats(): ServerStat[] {
    return [
      { id: 'requests', label: ['request served', 'requests served'], value: this.served },
      { id: 'empty', label: ['empty answer', 'empty answers'], value: this.empty },
      { id: 'held', label: ['request held', 'requests held'], value: this.held },
    ]
  }

  restart(): string {
    const lost = this.inbox.length
    this.inbox.length = 0
    this.waiting.clear()
    return `the ${plural(lost, 'message')} it had stored`
  }

  handle(request: ServerRequest, response: ResponseWriter): void {
    const url = new URL(request.target, 'http://inbox.invalid')
    const since = Number(url.searchParams.get('since') ?? 0)
    if (request.method !== 'GET') return this.answer(response, 405, { error: `Use GET for ${url.pathname}` })
    if (!Number.isInteger(since) || since < 0) return this.answer(response, 400, { error: '"since" must be the id of the last message you have (0 for none)' })
    if (url.pathname === '/api/messages') return this.reply(response, since)
    if (url.pathname === '/api/messages/wait') return this.longPoll(response, since)
    this.answer(response, 404, { error: `No such endpoint. This server offers: ${this.endpoints.join(', ')}` })
  }

  private newerThan(since: number): InboxMessage[] {
    return this.inbox.filter((m) => m.id > since)
  }

  private reply(response: ResponseWriter, since: number): void {
    const messages = this.newerThan(since)
    this.served++
    if (messages.length === 0) this.empty++
    response.respond(200, JSON.stringify({ messages, last: messages.at(-1)?.id ?? since }))
  }

  private longPoll(response: ResponseWriter, since: number): void {
    if (this.newerThan(since).length > 0) return this.reply(response, since)
    this.held++
    response.hold('No new messages yet: the server holds the request open until one arrives or the hold timeout passes.')
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
        this.served++
        this.empty++
        response.respondEmpty(204)
      },
      { label: 'inbox: hold timeout' },
    )
    this.waiting.set(release, since)
    response.onClientClose(() => {
      this.waiting.delete(release)
      scheduler.cancel(timeout)
    })
  }

  // ids keep counting across a restart: they come from the senders' side, not from this process
  private arrive(message: InboxMessage): void {
    this.inbox.push(message)
    for (const [release, since] of [...this.waiting]) if (message.id > since) release()
  }

  private answer(response: ResponseWriter, status: number, body: object): void {
    this.served++
    response.respond(status, JSON.stringify(body))
  }
}
