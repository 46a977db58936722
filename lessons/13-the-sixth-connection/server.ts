// A monitoring dashboard's server: four metrics (widgets), sampled every `sampleMs`. Each widget has a
// stream of its own (unnamed events), and one stream carries them all as events named after the widget.
// Who is signed in comes from a plain JSON endpoint. What the samples are comes from the seed.
import { defineServer, type EventStream } from 'wirelab/server'

const WIDGETS = ['cpu', 'memory', 'requests', 'errors'] as const

interface DashboardOptions {
  /** simulated ms between two samples of every widget */
  sampleMs: number
}

interface Sample {
  round: number
  widget: string
  value: number
}

export default defineServer<DashboardOptions, void>({
  endpoints: [
    'GET /api/me (JSON: who is signed in)',
    'GET /api/metrics/:widget (text/event-stream: one widget, unnamed events)',
    'GET /api/dashboard (text/event-stream: every widget, each event named after its widget)',
  ],
  world(world) {
    let round = 0
    world.every(world.options.sampleMs, () => {
      round++
      for (const widget of WIDGETS) world.emit('sample', { round, widget, value: Math.round(world.random() * 100) } satisfies Sample)
    })
  },
  setup(server) {
    /** one-widget streams, with their widget */
    const single = new Map<EventStream, string>()
    const dashboards = new Set<EventStream>()
    const streamsOpen = server.counter('streams', ['stream opened', 'streams opened'])

    server.on('sample', (payload) => {
      const { round, widget, value } = payload as Sample
      for (const [stream, which] of single) if (which === widget) stream.send({ id: round, data: { widget, value } })
      for (const stream of dashboards) stream.send({ id: round, event: widget, data: { widget, value } })
    })

    server.get('/api/me', (_request, response) => response.json({ name: 'Ada' }))

    server.get('/api/metrics/:widget', (request, response) => {
      const widget = request.params.widget ?? ''
      if (!(WIDGETS as readonly string[]).includes(widget)) return response.json({ error: `No widget "${widget}": try ${WIDGETS.join(', ')}` }, { status: 404 })
      const stream = response.stream()
      single.set(stream, widget)
      streamsOpen.add()
      stream.onClose(() => single.delete(stream))
      server.log(`A stream for the ${widget} widget opened`)
    })

    server.get('/api/dashboard', (_request, response) => {
      const stream = response.stream()
      dashboards.add(stream)
      streamsOpen.add()
      stream.onClose(() => dashboards.delete(stream))
      server.log('A stream for the whole dashboard opened')
    })
  },
})
