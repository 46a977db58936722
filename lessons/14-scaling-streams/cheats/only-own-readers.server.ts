// cheat: no broker: each server sends the other server's stories too, written into the code
// fails: every-reader-every-story /never published on the broker/
// fails: publishes-on-arrival /never published it on the broker/
import { defineServer, type EventStream } from 'wirelab/server'

export default defineServer({
  world(world) {
    world.every(1000, () => world.emit('tick', Math.round(world.now() / 1000)))
  },
  setup(server) {
    const streams = new Set<EventStream>()
    server.on('tick', (n) => {
      const id = n as number
      if (id % 2 === (server.instance === 1 ? 1 : 0)) for (const s of streams) s.send({ id, data: { id, headline: `Story ${id}` } })
    })
    server.get('/api/news', (_request, response) => {
      const stream = response.stream()
      streams.add(stream)
      stream.onClose(() => streams.delete(stream))
    })
  },
})
