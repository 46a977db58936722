// "Chat": a WebSocket endpoint at /chat. Every text message a client sends is broadcast, as JSON, to
// every client connected to this server; scripted users post on a schedule; a heartbeat ping keeps
// idle connections alive. HTTP requests get 404 with a hint. Behind a load balancer each instance
// knows only its own clients: with a pub/sub broker it publishes every message on the "chat" channel
// and broadcasts what the broker delivers (its own messages included), so every client hears it.
// Written on the lesson server API (server-api/), as a lesson's own server.ts would be.
import { defineServer } from '../server-api/define.ts'
import { LessonServer } from '../server-api/lesson-server.ts'
import { plural, type ServerContext } from './types.ts'

export interface ChatOptions {
  /** messages from simulated users, at simulated times */
  script: Array<{ atMs: number; from: string; text: string }>
  /** ms between heartbeat pings on each connection (null: none) */
  pingIntervalMs: number | null
}

const CHANNEL = 'chat'

export const chatServer = defineServer<ChatOptions, void>({
  endpoints: ['WebSocket /chat'],
  // the scripted users are connected to the first instance
  world(world) {
    if (world.instance !== 1) return
    for (const line of world.options.script) world.at(line.atMs, () => world.emit('post', { from: line.from, text: line.text }))
  },
  setup(server) {
    const clients = server.counter('clients', ['client connected', 'clients connected'])
    const received = server.counter('received', ['message received', 'messages received'])
    const broadcasts = server.counter('broadcasts', ['broadcast', 'broadcasts'])
    // a new life starts with nobody connected
    clients.set(0)
    server.forgets(() => `its list of ${plural(server.sockets('/chat').length, 'connected client')}`)

    const broadcast = (json: string) => {
      broadcasts.add()
      for (const client of server.sockets('/chat')) client.send(json)
    }
    /** a new chat message: straight to this instance's clients, or through the broker to every instance's */
    const post = (from: string, text: string) => {
      const json = JSON.stringify({ type: 'chat', from, text })
      if (server.broker) server.publish(CHANNEL, json)
      else broadcast(json)
    }
    server.subscribe(CHANNEL, broadcast)
    server.on('post', (payload) => {
      const line = payload as { from: string; text: string }
      post(line.from, line.text)
    })

    server.socket('/chat', {
      // speak the first protocol offered that we know
      accept: (_request, offered) => ({ protocol: offered.find((p) => p === 'chat.v1') ?? '' }),
      open(socket) {
        clients.set(server.sockets('/chat').length)
        const every = server.options.pingIntervalMs
        if (every === null) return
        const heartbeat = server.every(every, () => (socket.open ? socket.ping('heartbeat') : server.cancel(heartbeat)))
        socket.data.heartbeat = heartbeat
      },
      message(socket, data) {
        received.add()
        post(socket.conn, typeof data === 'string' ? data : `(${data.length} bytes of binary data)`)
      },
      close(socket) {
        clients.set(server.sockets('/chat').length)
        if (typeof socket.data.heartbeat === 'number') server.cancel(socket.data.heartbeat)
      },
    })
    server.route('*', '/*', (_request, response) => response.json({ error: "This server speaks WebSocket: new WebSocket('/chat')" }, { status: 404 }))
  },
})

/** the chat as a simulated server instance */
export class ChatServer extends LessonServer<ChatOptions, void> {
  constructor(ctx: ServerContext, options: ChatOptions) {
    super(ctx, chatServer, options)
  }
}
