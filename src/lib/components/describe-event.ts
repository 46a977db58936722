// Plain-words labels for trace events, shared by the diagram, the timeline and the inspector.
import type { TraceEvent } from '../sim/trace.ts'

export function eventLabel(e: TraceEvent): { main: string; detail: string } {
  switch (e.kind) {
    case 'http.request': {
      if (e.api === 'WebSocket') return { main: `${e.method} ${e.target}`, detail: 'Upgrade: websocket' }
      const accept = e.headers.find((h) => h.name.toLowerCase() === 'accept')
      return { main: `${e.method} ${e.target}`, detail: accept && accept.value !== '*/*' ? `Accept: ${accept.value}` : `${e.api}` }
    }
    case 'http.response': {
      if (e.status === 101) return { main: '101 Switching Protocols', detail: `Sec-WebSocket-Accept: ${e.headers.find((h) => h.name === 'Sec-WebSocket-Accept')?.value ?? ''}` }
      const type = e.headers.find((h) => h.name === 'Content-Type')
      return { main: `${e.status} ${e.reason}`, detail: e.streaming && type ? `Content-Type: ${type.value}` : e.body ? truncate(e.body, 48) : '' }
    }
    case 'sse.event': {
      const f = e.fields
      const main = f.id !== undefined ? `id: ${f.id} · ${f.event ?? 'message'}` : f.data !== undefined ? `${f.event ?? 'message'}` : f.comment !== undefined ? `: ${f.comment}` : `retry: ${f.retry}`
      return { main, detail: f.data !== undefined ? truncate(f.data, 48) : '' }
    }
    case 'http.held':
      return { main: 'server holds the request', detail: 'no new data yet' }
    case 'conn.close':
      return { main: e.from === 'network' ? 'connection lost' : `connection closed by the ${e.from}`, detail: '' }
    case 'fault':
      return { main: `⚡ fault`, detail: e.description }
    case 'conn.error':
      return { main: 'connection failed', detail: e.reason.replace(/ in this simulation.*$/s, '') }
    case 'ws.frame':
      return { main: frameTitle(e), detail: `FIN=${e.fin ? 1 : 0} ${e.maskKey ? 'MASKED' : 'unmasked'} · ${e.payloadLength} B payload · ${e.bytes} B on the wire` }
    case 'pubsub.publish':
      return { main: `PUBLISH ${e.channel}`, detail: `${truncate(e.message, 40)} → ${e.receivers} subscriber${e.receivers === 1 ? '' : 's'}` }
    case 'pubsub.deliver':
      return { main: `message on ${e.channel}`, detail: truncate(e.message, 48) }
  }
}

function frameTitle(e: Extract<TraceEvent, { kind: 'ws.frame' }>): string {
  const name = e.opcodeName.toUpperCase()
  if (e.opcodeName === 'close') return `CLOSE ${e.closeCode ?? '(no code)'}${e.text ? ` "${truncate(e.text, 24)}"` : ''}`
  if (e.text !== undefined && e.opcodeName === 'text') return `${name} ${truncate(e.text, 40)}`
  return e.text ? `${name} "${truncate(e.text, 24)}"` : name
}

export function eventSentence(e: TraceEvent): string {
  switch (e.kind) {
    case 'http.request':
      return e.api === 'WebSocket' ? `The client asks to upgrade the connection to a WebSocket.` : `The client sends ${e.method} ${e.target}.`
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
    case 'pubsub.deliver':
      return `The broker delivers the message to ${e.server ?? 'the server'}, which passes it on to its own clients.`
  }
}

function truncate(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text
}
