// One sentence in plain words for a trace event: the replay caption and the inspector's first line.
// Apart from describe-event.ts (the diagram's labels) so the lesson page does not carry it before a run.
import type { TraceEvent } from '../../sim/trace.ts'

export function eventSentence(e: TraceEvent): string {
  switch (e.kind) {
    case 'http.request': {
      if (e.api === 'WebSocket') return `The client asks to upgrade the connection to a WebSocket.`
      // c1.2, c1.3 …: the EventSource coming back by itself after its retry wait
      const lastId = e.headers.find((h) => h.name === 'Last-Event-ID')?.value
      if (e.api === 'EventSource' && /\.\d+$/.test(e.conn))
        return `After its retry wait the EventSource reconnects by itself${lastId ? `, sending Last-Event-ID: ${lastId} so the server can replay what it missed` : ''}.`
      if (e.queuedAt !== undefined) return `A connection is free: the browser sends ${e.method} ${e.target} at last.`
      return `The client sends ${e.method} ${e.target}.`
    }
    case 'http.queued':
      return `The browser holds ${e.method} ${e.target} back: every connection it may open to the server is busy.`
    case 'http.response':
      if (e.status === 101) return 'The server agrees: from now on this TCP connection carries WebSocket frames, both ways.'
      return e.streaming ? `The server answers ${e.status} ${e.reason} and keeps the response open.` : `The server answers ${e.status} ${e.reason}.`
    case 'sse.event':
      return e.dispatches ? `The server writes an event into the open stream.` : 'The server writes a line the browser does not dispatch.'
    case 'http.held':
      return 'The server holds the request open: no new data yet.'
    case 'conn.close':
    case 'conn.error':
      return e.reason
    case 'fault':
      return e.description
    case 'ws.frame':
      if (e.opcodeName === 'pong') return 'The browser answers the ping with a pong by itself: your code never sees either.'
      if (e.opcodeName === 'ping') return 'The server pings the connection to check that it is still alive.'
      if (e.opcodeName === 'close') return `The ${e.from} sends a close frame: the closing handshake.`
      return `The ${e.from} sends a WebSocket frame${e.from === 'client' ? ', masked as every client frame must be' : ''}.`
    case 'pubsub.publish':
      return `${e.server ?? 'The server'} publishes on the broker's "${e.channel}" channel; the broker passes it to the ${e.receivers} instance${e.receivers === 1 ? '' : 's'} subscribed right now and keeps nothing.`
    case 'server.log':
      return `${e.server ?? 'The server'} notes: ${e.text}`
    case 'pubsub.deliver':
      return `The broker delivers the message to ${e.server ?? 'the server'}, which passes it on to its own clients.`
  }
}
