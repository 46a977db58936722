// "Inbox": messages arrive at the server on a schedule; clients fetch them by polling.
//   GET /api/messages?since=<id>       answers at once (short polling)
//   GET /api/messages/wait?since=<id>  holds the request until a message arrives or the hold timeout
//                                      passes, then answers 200 with it or 204 No Content (long polling)
// Written on the lesson server API (server-api/), as a lesson's own server.ts would be.
import { defineServer } from '../server-api/define.ts'
import { LessonServer } from '../server-api/lesson-server.ts'
import type { LessonResponse } from '../server-api/types.ts'
import { plural, type ServerContext } from './types.ts'

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

const endpoints = ['GET /api/messages?since=<id>', 'GET /api/messages/wait?since=<id>']

export const inboxServer = defineServer<InboxOptions, void>({
  endpoints,
  // the senders: messages arrive whatever the server is doing (ids come from their side, so they keep
  // counting across a restart)
  world(world) {
    world.options.messages.forEach((m, i) => world.at(m.atMs, () => world.emit('message', { id: i + 1, from: m.from, text: m.text })))
  },
  setup(server) {
    const inbox: InboxMessage[] = []
    /** held long polls: each is released by the first message newer than its `since` */
    const waiting = new Map<() => void, number>()
    const served = server.counter('requests', ['request served', 'requests served'])
    const empty = server.counter('empty', ['empty answer', 'empty answers'])
    const held = server.counter('held', ['request held', 'requests held'])
    server.forgets(() => `the ${plural(inbox.length, 'message')} it had stored`)

    const newerThan = (since: number) => inbox.filter((m) => m.id > since)
    const reply = (response: LessonResponse, since: number) => {
      const messages = newerThan(since)
      served.add()
      if (messages.length === 0) empty.add()
      response.json({ messages, last: messages.at(-1)?.id ?? since })
    }
    const answer = (response: LessonResponse, status: number, body: object) => {
      served.add()
      response.json(body, { status })
    }
    /** the `since` query parameter, or null when it is not a message id (the answer is then sent) */
    const since = (query: Readonly<Record<string, string>>, response: LessonResponse): number | null => {
      const value = Number(query.since ?? 0)
      if (Number.isInteger(value) && value >= 0) return value
      answer(response, 400, { error: '"since" must be the id of the last message you have (0 for none)' })
      return null
    }

    server.on('message', (payload) => {
      const message = payload as InboxMessage
      inbox.push(message)
      for (const [release, after] of [...waiting]) if (message.id > after) release()
    })

    server.get('/api/messages', (request, response) => {
      const after = since(request.query, response)
      if (after !== null) reply(response, after)
    })

    server.get('/api/messages/wait', (request, response) => {
      const after = since(request.query, response)
      if (after === null) return
      if (newerThan(after).length > 0) return reply(response, after)
      held.add()
      response.hold('No new messages yet: the server holds the request open until one arrives or the hold timeout passes.')
      const release = () => {
        waiting.delete(release)
        server.cancel(timeout)
        reply(response, after)
      }
      const timeout = server.after(server.options.holdTimeoutMs, () => {
        waiting.delete(release)
        served.add()
        empty.add()
        response.empty(204)
      })
      waiting.set(release, after)
      response.onClose(() => {
        waiting.delete(release)
        server.cancel(timeout)
      })
    })

    for (const path of ['/api/messages', '/api/messages/wait'])
      server.route('*', path, (request, response) => answer(response, 405, { error: `Use GET for ${path}` }))
    server.route('*', '/*', (_request, response) => answer(response, 404, { error: `No such endpoint. This server offers: ${endpoints.join(', ')}` }))
  },
})

/** the inbox as a simulated server instance */
export class InboxServer extends LessonServer<InboxOptions, void> {
  constructor(ctx: ServerContext, options: InboxOptions) {
    super(ctx, inboxServer, options)
  }
}
