// A team dashboard's server with three live feeds, behind a proxy that cuts idle connections:
// - GET /api/alerts: an event stream of rare alerts, fire-and-forget (an alert sent while a client is
//   reconnecting is lost to it). With ?keepalive=<ms> it also sends a comment that often: the bytes
//   that keep a proxy from calling the stream idle.
// - GET /api/jobs/wait?since=<n>&hold=<ms>: a long poll for finished jobs, held up to `hold` ms
//   (default 30 s), then answered 204 No Content.
// - WebSocket /chat: a chat line every 2 s; answers {"type":"ping"} with {"type":"pong"}.
import { defineServer, type EventStream, type LessonResponse } from 'wirelab/server'

interface DashboardOptions {
  alerts: Array<{ atMs: number; text: string }>
  jobs: Array<{ atMs: number; name: string }>
  chatEveryMs: number
}

interface Job {
  id: number
  name: string
  status: string
}

const CHAT = [
  ['Ada', 'Deploy looks good'],
  ['Ben', 'Coffee?'],
  ['Cleo', 'Reviewing the PR now'],
  ['Ada', 'Tests are green'],
] as const

const DEFAULT_HOLD_MS = 30_000

export default defineServer<DashboardOptions, Job[]>({
  endpoints: ['GET /api/alerts?keepalive=<ms> (text/event-stream)', 'GET /api/jobs/wait?since=<id>&hold=<ms>', 'WebSocket /chat'],
  world(world) {
    const jobs: Job[] = []
    for (const alert of world.options.alerts) world.at(alert.atMs, () => world.emit('alert', alert.text))
    for (const job of world.options.jobs)
      world.at(job.atMs, () => {
        jobs.push({ id: jobs.length + 1, name: job.name, status: 'finished' })
        world.emit('job')
      })
    let n = 0
    world.every(world.options.chatEveryMs, () => {
      const [from, text] = CHAT[n++ % CHAT.length]!
      world.emit('chat', { from, text: `${text} (${n})` })
    })
    return jobs
  },
  setup(server, jobs) {
    // alerts
    const streams = new Set<EventStream>()
    server.on('alert', (text) => {
      for (const stream of streams) stream.send({ data: { text } })
    })
    server.get('/api/alerts', (request, response) => {
      const stream = response.stream({ headers: { 'Cache-Control': 'no-cache' } })
      streams.add(stream)
      const every = Number(request.query.keepalive)
      const timer = Number.isFinite(every) && every >= 100 ? server.every(every, () => stream.comment('keep-alive')) : null
      stream.onClose(() => {
        streams.delete(stream)
        if (timer !== null) server.cancel(timer)
      })
    })

    // jobs, long polled
    const held = new Set<{ since: number; response: LessonResponse; timer: number }>()
    const after = (since: number) => jobs.filter((j) => j.id > since)
    const answer = (response: LessonResponse, since: number) => response.json({ jobs: after(since), last: jobs.length })
    server.on('job', () => {
      for (const wait of held) {
        server.cancel(wait.timer)
        held.delete(wait)
        answer(wait.response, wait.since)
      }
    })
    server.get('/api/jobs/wait', (request, response) => {
      const since = Number(request.query.since ?? 0)
      if (!Number.isInteger(since) || since < 0)
        return response.json({ error: '"since" must be the id of the last job you have (0 for none)' }, { status: 400 })
      if (after(since).length > 0) return answer(response, since)
      const holdMs = request.query.hold === undefined ? DEFAULT_HOLD_MS : Number(request.query.hold)
      if (!Number.isFinite(holdMs) || holdMs < 100 || holdMs > 120_000)
        return response.json({ error: '"hold" must be milliseconds, 100 to 120000' }, { status: 400 })
      response.hold(`no finished job yet: held for up to ${holdMs / 1000} s`)
      const wait = {
        since,
        response,
        timer: server.after(holdMs, () => {
          held.delete(wait)
          response.empty(204)
        }),
      }
      held.add(wait)
      response.onClose(() => {
        server.cancel(wait.timer)
        held.delete(wait)
      })
    })

    // chat, with an application heartbeat
    server.on('chat', (message) => {
      for (const socket of server.sockets('/chat')) socket.send({ type: 'chat', ...(message as object) })
    })
    server.socket('/chat', {
      message(socket, data) {
        let message: { type?: unknown }
        try {
          message = JSON.parse(String(data)) as { type?: unknown }
        } catch {
          return
        }
        if (message.type === 'ping') socket.send({ type: 'pong' })
      },
    })
  },
})
