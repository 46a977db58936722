// cheat: pub/sub without a history: a reader who reconnects gets only what comes next
// fails: replays-after-failover /did not send story 5/
import { defineServer, type EventStream } from 'wirelab/server'

export default defineServer({
  world(world) {
    world.every(1000, () => {
      const id = Math.round(world.now() / 1000)
      if (id % 2 === (world.instance === 1 ? 1 : 0)) world.emit('story', { id, headline: `Story ${id}` })
    })
  },
  setup(server) {
    const streams = new Set<EventStream>()
    server.subscribe('news', (json) => {
      for (const s of streams) s.send({ id: (JSON.parse(json) as { id: number }).id, data: json })
    })
    server.on('story', (story) => server.publish('news', story as object))
    server.get('/api/news', (_request, response) => {
      const stream = response.stream()
      stream.send({ retry: 1000 })
      streams.add(stream)
      stream.onClose(() => streams.delete(stream))
    })
  },
})
