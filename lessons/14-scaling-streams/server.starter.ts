import { defineServer, type EventStream } from 'wirelab/server'

// One instance of the news feed. This lesson runs two of them behind a load balancer, and the newsroom
// posts each story to whichever instance its request reached: odd stories to Server 1, even ones to
// Server 2 (the 'story' event below). Each instance knows only its own streams and what it was told.
interface Story {
  id: number
  headline: string
}

export default defineServer({
  endpoints: ['GET /api/news (text/event-stream)'],
  world(world) {
    // the newsroom: one story a second, each posted to one instance
    world.every(1000, () => {
      const id = Math.round(world.now() / 1000)
      if (id % 2 === (world.instance === 1 ? 1 : 0)) world.emit('story', { id, headline: `Story ${id}` })
    })
  },
  setup(server) {
    const streams = new Set<EventStream>()
    const history: Story[] = []

    /** sends a story to every stream open on THIS instance, and keeps it for replays */
    const tellMyReaders = (story: Story) => {
      history.push(story)
      for (const stream of streams) stream.send({ id: story.id, data: story })
    }

    // a story posted to this instance
    // TODO 1: publish it on the broker's 'news' channel (server.publish), and subscribe every instance to
    // that channel (server.subscribe), so that the readers of every instance get every story
    server.on('story', (story) => tellMyReaders(story as Story))

    server.get('/api/news', (request, response) => {
      const stream = response.stream()
      // a reconnecting EventSource should come back 1 s after it lost its stream
      stream.send({ retry: 1000 })
      // TODO 2: a reconnecting EventSource sends the id of the last story it got (the Last-Event-ID
      // header): send it every story in `history` that came after that one
      streams.add(stream)
      stream.onClose(() => streams.delete(stream))
    })
  },
})
