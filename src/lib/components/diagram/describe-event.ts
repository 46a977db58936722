// Plain-words labels for trace events, shared by the diagram, the timeline and the inspector.
import type { TraceEvent } from '../../sim/trace.ts'

export function eventLabel(e: TraceEvent): { main: string; detail: string } {
  const label = plainLabel(e)
  // what went wrong on the way says more than the usual detail
  if (e.kind === 'ws.frame' && e.invalid) return { main: `⚠ ${label.main}`, detail: `invalid: ${truncate(e.invalid, 60)}` }
  if (e.lost) return { main: label.main, detail: 'lost: the path is silent' }
  if (e.retransmitted) return { main: label.main, detail: 'retransmitted after the silence' }
  return label
}

function plainLabel(e: TraceEvent): { main: string; detail: string } {
  switch (e.kind) {
    case 'http.request': {
      if (e.api === 'WebSocket') return { main: `${e.method} ${e.target}`, detail: 'Upgrade: websocket' }
      const accept = e.headers.find((h) => h.name.toLowerCase() === 'accept')
      return { main: `${e.method} ${e.target}`, detail: accept && accept.value !== '*/*' ? `Accept: ${accept.value}` : `${e.api}` }
    }
    case 'http.response': {
      if (e.status === 101)
        return { main: '101 Switching Protocols', detail: `Sec-WebSocket-Accept: ${e.headers.find((h) => h.name === 'Sec-WebSocket-Accept')?.value ?? ''}` }
      const type = e.headers.find((h) => h.name === 'Content-Type')
      return { main: `${e.status} ${e.reason}`, detail: e.streaming && type ? `Content-Type: ${type.value}` : e.body ? truncate(e.body, 48) : '' }
    }
    case 'sse.event': {
      const f = e.fields
      const main =
        f.id !== undefined
          ? `id: ${f.id} · ${f.event ?? 'message'}`
          : f.data !== undefined
            ? `${f.event ?? 'message'}`
            : f.comment !== undefined
              ? `: ${f.comment}`
              : `retry: ${f.retry}`
      return { main, detail: f.data !== undefined ? truncate(f.data, 48) : '' }
    }
    case 'http.held':
      return { main: 'server holds the request', detail: 'no new data yet' }
    case 'http.queued':
      return { main: 'waiting for a connection', detail: `${e.method} ${e.target}` }
    case 'conn.close':
      return { main: e.from === 'network' ? 'connection lost' : `connection closed by the ${e.from}`, detail: '' }
    case 'fault':
      return { main: `⚡ fault`, detail: e.description }
    case 'conn.error':
      return { main: 'connection failed', detail: e.reason.replace(/ in this simulation.*$/s, '') }
    case 'ws.frame':
      return {
        main: frameTitle(e),
        detail: `FIN=${e.fin ? 1 : 0} ${e.maskKey ? 'MASKED' : 'unmasked'} · ${e.payloadLength} B payload · ${e.bytes} B on the wire`,
      }
    case 'pubsub.publish':
      return { main: `PUBLISH ${e.channel}`, detail: `${truncate(e.message, 40)} → ${e.receivers} subscriber${e.receivers === 1 ? '' : 's'}` }
    case 'pubsub.deliver':
      return { main: `message on ${e.channel}`, detail: truncate(e.message, 48) }
    case 'server.log':
      return { main: truncate(e.text, 60), detail: '' }
  }
}

function frameTitle(e: Extract<TraceEvent, { kind: 'ws.frame' }>): string {
  const name = e.opcodeName.toUpperCase()
  if (e.opcodeName === 'close') return `CLOSE ${e.closeCode ?? '(no code)'}${e.text ? ` "${truncate(e.text, 24)}"` : ''}`
  if (e.text !== undefined && e.opcodeName === 'text') return `${name} ${truncate(e.text, 40)}`
  return e.text ? `${name} "${truncate(e.text, 24)}"` : name
}

function truncate(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text
}
