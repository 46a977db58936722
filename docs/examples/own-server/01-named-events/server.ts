// A match feed with named events: `event: goal` and `event: card` for addEventListener, and a plain
// `message` (no event field) each minute for onmessage. What happens comes from the seed.
import { defineServer, type EventStream } from 'wirelab/server'

interface FeedOptions {
  /** simulated ms per match minute */
  minuteMs: number
}

export default defineServer<FeedOptions, void>({
  endpoints: ['GET /api/match (text/event-stream)'],
  world(world) {
    let minute = 0
    world.every(world.options.minuteMs, () => {
      minute++
      const roll = world.random()
      const team = world.random() < 0.5 ? 'Lions' : 'Tigers'
      if (roll < 0.25) world.emit('goal', { minute, team })
      else if (roll < 0.4) world.emit('card', { minute, team, colour: roll < 0.37 ? 'yellow' : 'red' })
      else world.emit('minute', { minute })
    })
  },
  setup(server) {
    let id = 0
    const streams = new Set<EventStream>()
    const send = (event: string | undefined, data: object) => {
      id++
      for (const stream of streams) stream.send({ id, ...(event ? { event } : {}), data })
    }
    server.on('goal', (goal) => send('goal', goal as object))
    server.on('card', (card) => send('card', card as object))
    server.on('minute', (minute) => send(undefined, minute as object))

    server.get('/api/match', (_request, response) => {
      const stream = response.stream()
      streams.add(stream)
      stream.onClose(() => streams.delete(stream))
      server.log('A fan joined the match feed')
    })
  },
})
