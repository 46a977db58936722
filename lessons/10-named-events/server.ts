// A build log streamed as Server-Sent Events with named events: `stage` when a stage starts, `log`
// with several output lines in one event (one `data:` line each), unnamed progress messages, and
// `done` at the end. Midway the server sends `retry: 1000` (reconnect quicker from now on) and a
// comment to keep the connection alive. A reconnection with Last-Event-ID gets what it missed; a
// new EventSource (no Last-Event-ID) gets the whole log so far. After `done` the build is over: the
// server ends the stream, and answers a reconnection with an empty stream it ends at once.
import { defineServer, type EventStream, type SseEventInit } from 'wirelab/server'

interface BuildEvent {
  id: number
  atMs: number
  event?: string
  data: string | object
}

const STEP_MS = 500
const SCRIPT: Array<Omit<BuildEvent, 'id' | 'atMs'>> = [
  { event: 'stage', data: { name: 'install' } },
  { event: 'log', data: 'npm ci\nadded 371 packages in 12s' },
  { data: { percent: 25 } },
  { event: 'stage', data: { name: 'test' } },
  { event: 'log', data: 'vitest run\n✓ 128 tests passed\nDuration 4.20s' },
  { data: { percent: 50 } },
  { event: 'stage', data: { name: 'build' } },
  { event: 'log', data: 'vite build\ndist/index.html 0.62 kB\ndist/assets/app.js 210.4 kB' },
  { data: { percent: 75 } },
  { event: 'stage', data: { name: 'deploy' } },
  { event: 'log', data: 'uploading dist/\npublished to https://example.test' },
  { data: { percent: 100 } },
  { event: 'done', data: { result: 'success' } },
]
const EVENTS: BuildEvent[] = SCRIPT.map((e, i) => ({ ...e, id: i + 1, atMs: STEP_MS * (i + 1) }))
/** the server asks for quicker reconnections once the build runs, between events 3 and 4 */
const RETRY_AT_MS = STEP_MS * 3.5
const RETRY_MS = 1000
/** a comment while the tests run quietly, between events 4 and 5 */
const QUIET_AT_MS = STEP_MS * 4.5

const block = (e: BuildEvent): SseEventInit => ({ id: e.id, ...(e.event ? { event: e.event } : {}), data: e.data })

export default defineServer({
  endpoints: ['GET /api/build (text/event-stream: stage, log, done and unnamed progress events)'],
  world(world) {
    for (const e of EVENTS) world.at(e.atMs, () => world.emit('build', e))
    world.at(RETRY_AT_MS, () => world.emit('retry'))
    world.at(QUIET_AT_MS, () => world.emit('quiet'))
  },
  setup(server) {
    const streams = new Set<EventStream>()
    const finished = () => server.now() >= EVENTS.at(-1)!.atMs
    server.on('build', (e) => {
      const event = e as BuildEvent
      for (const stream of streams) {
        stream.send(block(event))
        if (event.event === 'done') stream.close()
      }
    })
    server.on('retry', () => {
      for (const stream of streams) stream.retry(RETRY_MS)
    })
    server.on('quiet', () => {
      for (const stream of streams) stream.comment('tests running, nothing to say: this comment keeps the connection alive')
    })
    server.get('/api/build', (request, response) => {
      const stream = response.stream({ headers: { 'Cache-Control': 'no-cache' } })
      const last = Number(request.header('last-event-id') ?? 0)
      const missed = EVENTS.filter((e) => e.atMs <= server.now() && e.id > last)
      // a fresh stream starts with a comment, and the retry once the build runs; a resumed one with what
      // it missed only (the browser keeps the retry time it was given, and its last event id)
      if (last === 0) {
        stream.comment('build #1234')
        if (server.now() >= RETRY_AT_MS) stream.retry(RETRY_MS)
      }
      for (const e of missed) stream.send(block(e))
      if (finished()) {
        server.log(`The build is over: ${missed.length ? 'sent what was missed, then ended' : 'nothing new'}; the stream ends`)
        stream.close()
        return
      }
      streams.add(stream)
      stream.onClose(() => streams.delete(stream))
    })
  },
})
