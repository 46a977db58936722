// "Chat": a WebSocket endpoint at /chat. Every text message a client sends is broadcast, as JSON, to
// every client connected to this server; scripted users post on a schedule; a heartbeat ping keeps
// idle connections alive. HTTP requests get 404 with a hint. Behind a load balancer each instance
// knows only its own clients: with a pub/sub broker it publishes every message on the "chat" channel
// and broadcasts what the broker delivers (its own messages included), so every client hears it.
import type { ResponseWriter } from '../exchange.ts'
import type { ServerSocket } from '../ws-connection.ts'
import { plural, type ServerContext, type ServerRequest, type ServerStat, type SimServer } from './types.ts'

export interface ChatOptions {
  /** messages from simulated users, at simulated times */
  script: Array<{ atMs: number; from: string; text: string }>
  /** ms between heartbeat pings on each connection (null: none) */
  pingIntervalMs: number | null
}

const CHANNEL = 'chat'

export class ChatServer implements SimServer {
  readonly endpoints = ['WebSocket /chat']
  private readonly clients = new Set<ServerSocket>()
  private received = 0
  private broadcasts = 0

  constructor(
    private readonly ctx: ServerContext,
    private readonly options: ChatOptions,
  ) {
    // the scripted users are connected to the first instance
    if (ctx.instance === 1)
      for (const line of options.script)
        ctx.scheduler.at(line.atMs, () => this.post({ type: 'chat', from: line.from, text: line.text }), { label: 'chat: a scripted message' })
    ctx.pubsub?.subscribe(CHANNEL, (message) => this.broadcast(message))
  }

  stats(): ServerStat[] {
    return [
      { id: 'clients', label: ['client connected', 'clients connected'], value: this.clients.size },
      { id: 'received', label: ['message received', 'messages received'], value: this.received },
      { id: 'broadcasts', label: ['broadcast', 'broadcasts'], value: this.broadcasts },
    ]
  }

  restart(): string {
    const lost = this.clients.size
    this.clients.clear()
    return `its list of ${plural(lost, 'connected client')}`
  }

  handle(_request: ServerRequest, response: ResponseWriter): void {
    response.respond(404, JSON.stringify({ error: "This server speaks WebSocket: new WebSocket('/chat')" }))
  }

  acceptWebSocket(target: string, protocols: string[], socket: ServerSocket): { protocol: string } | null {
    if (target.split('?')[0] !== '/chat') return null
    this.clients.add(socket)
    socket.onMessage((data) => {
      this.received++
      const text = typeof data === 'string' ? data : `(${data.length} bytes of binary data)`
      this.post({ type: 'chat', from: socket.conn, text })
    })
    socket.onClose(() => this.clients.delete(socket))
    if (this.options.pingIntervalMs !== null) this.heartbeat(socket, this.options.pingIntervalMs)
    // speak the first protocol offered that we know
    return { protocol: protocols.find((p) => p === 'chat.v1') ?? '' }
  }

  private heartbeat(socket: ServerSocket, every: number): void {
    this.ctx.scheduler.after(
      every,
      () => {
        if (!this.clients.has(socket) || !socket.open) return
        socket.ping('heartbeat')
        this.heartbeat(socket, every)
      },
      { label: 'chat: heartbeat' },
    )
  }

  /** a new chat message: straight to this instance's clients, or through the broker to every instance's */
  private post(message: { type: string; from: string; text: string }): void {
    const json = JSON.stringify(message)
    if (this.ctx.pubsub) this.ctx.pubsub.publish(CHANNEL, json)
    else this.broadcast(json)
  }

  private broadcast(json: string): void {
    this.broadcasts++
    for (const client of this.clients) client.send(json)
  }
}
