// "Chat": a WebSocket endpoint at /chat. Every text message a client sends is broadcast, as JSON, to
// every client connected to this server; scripted users post on a schedule; a heartbeat ping keeps
// idle connections alive. HTTP requests get 404 with a hint.
import type { ResponseWriter } from '../exchange.ts'
import type { ServerSocket } from '../ws-connection.ts'
import { plural, type ServerContext, type ServerRequest, type ServerStat, type SimServer } from './types.ts'

export interface ChatOptions {
  /** messages from simulated users, at simulated times */
  script: Array<{ atMs: number; from: string; text: string }>
  /** ms between heartbeat pings on each connection (null: none) */
  pingIntervalMs: number | null
}

export class ChatServer implements SimServer {
  readonly endpoints = ['WebSocket /chat']
  private readonly clients = new Set<ServerSocket>()
  private received = 0
  private broadcasts = 0

  constructor(
    private readonly ctx: ServerContext,
    private readonly options: ChatOptions,
  ) {
    for (const line of options.script) ctx.scheduler.at(line.atMs, () => this.broadcast({ type: 'chat', from: line.from, text: line.text }), { label: 'chat: a scripted message' })
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
    response.respond(404, JSON.stringify({ error: 'This server speaks WebSocket: new WebSocket(\'/chat\')' }))
  }

  acceptWebSocket(target: string, protocols: string[], socket: ServerSocket): { protocol: string } | null {
    if (target.split('?')[0] !== '/chat') return null
    this.clients.add(socket)
    socket.onMessage((data) => {
      this.received++
      const text = typeof data === 'string' ? data : `(${data.length} bytes of binary data)`
      this.broadcast({ type: 'chat', from: socket.conn, text })
    })
    socket.onClose(() => this.clients.delete(socket))
    if (this.options.pingIntervalMs !== null) this.heartbeat(socket, this.options.pingIntervalMs)
    // speak the first protocol offered that we know
    return { protocol: protocols.find((p) => p === 'chat.v1') ?? '' }
  }

  private heartbeat(socket: ServerSocket, every: number): void {
    this.ctx.scheduler.after(every, () => {
      if (!this.clients.has(socket) || !socket.open) return
      socket.ping('heartbeat')
      this.heartbeat(socket, every)
    }, { label: 'chat: heartbeat' })
  }

  private broadcast(message: { type: string; from: string; text: string }): void {
    this.broadcasts++
    for (const client of this.clients) client.send(JSON.stringify(message))
  }
}
