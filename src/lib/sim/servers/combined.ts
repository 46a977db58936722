// Several simulated servers in one process, e.g. an inbox, a live-score feed and a chat on one host:
// each request goes to the part that offers its path (from the parts' `endpoints`), a WebSocket
// handshake to the part that accepts it. A restart restarts every part; the stats are all parts'.
import type { ResponseWriter } from '../exchange.ts'
import type { HandshakeAnswer, ServerSocket } from '../ws-connection.ts'
import type { ServerRequest, ServerStat, SimServer } from './types.ts'

/** "/api/messages" from "GET /api/messages?since=<id>", "/chat" from "WebSocket /chat" */
function endpointPath(endpoint: string): string {
  return (endpoint.split(' ')[1] ?? '').split('?')[0]!
}

export class CombinedServer implements SimServer {
  readonly endpoints: readonly string[]

  constructor(private readonly parts: readonly SimServer[]) {
    this.endpoints = parts.flatMap((p) => p.endpoints)
  }

  handle(request: ServerRequest, response: ResponseWriter): void {
    const path = request.target.split('?')[0]
    const part = this.parts.find((p) => p.endpoints.some((e) => !e.startsWith('WebSocket ') && endpointPath(e) === path))
    if (part) return part.handle(request, response)
    response.respond(404, JSON.stringify({ error: `No such endpoint. This server offers: ${this.endpoints.join(', ')}` }))
  }

  acceptWebSocket(target: string, protocols: string[], socket: ServerSocket, headers: ReadonlyMap<string, string>): HandshakeAnswer {
    for (const part of this.parts) {
      const accepted = part.acceptWebSocket?.(target, protocols, socket, headers)
      if (accepted) return accepted
    }
    return null
  }

  stats(): ServerStat[] {
    return this.parts.flatMap((p) => p.stats?.() ?? [])
  }

  restart(): string {
    const lost = this.parts.map((p) => p.restart?.()).filter((x): x is string => x !== undefined)
    return lost.length ? lost.join('; ') : 'nothing (it kept no state)'
  }
}
