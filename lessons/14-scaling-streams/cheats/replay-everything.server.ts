// cheat: pub/sub, but a reconnection gets the whole history again, whatever it already had
// fails: each-story-once /received story \d+ twice/
import { defineServer, type EventStream } from 'wirelab/server'

interface Story {
  id: number
  headline: string
}

export default defineServer({
  world(world) {
    world.every(1000, () => {
      const id = Math.round(world.now() / 1000)
      if (id % 2 === (world.instance === 1 ? 1 : 0)) world.emit('story', { id, headline: `Story ${id}` })
    })
  },
  setup(server) {
    const streams = new Set<EventStream>()
    const history: Story[] = []
    server.subscribe('news', (json) => {
      const story = JSON.parse(json) as Story
      history.push(story)
      for (const s of streams) s.send({ id: story.id, data: story })
    })
    server.on('story', (story) => server.publish('news', story as Story))
    server.get('/api/news', (_request, response) => {
      const stream = response.stream()
      stream.send({ retry: 1000 })
      for (const story of history) stream.send({ id: story.id, data: story })
      streams.add(stream)
      stream.onClose(() => streams.delete(stream))
    })
  },
})
