// The event list's filters, as devtools' EventStream and Messages panes have them: by kind, direction,
// connection and text. Pure, so the list stays cheap at 10 000 events (it also shows only a page).
import type { TraceEvent } from '../../sim/trace.ts'
import { eventLabel } from '../diagram/describe-event.ts'

export type KindFilter = 'all' | 'http' | 'sse' | 'websocket' | 'broker' | 'server' | 'problems'
export type DirectionFilter = 'all' | 'up' | 'down'

export interface EventFilter {
  kind: KindFilter
  direction: DirectionFilter
  /** '' for every connection */
  conn: string
  text: string
}

export const noFilter: EventFilter = { kind: 'all', direction: 'all', conn: '', text: '' }

const KIND_OF: Record<TraceEvent['kind'], Exclude<KindFilter, 'all'>> = {
  'http.request': 'http',
  'http.response': 'http',
  'http.held': 'http',
  'http.queued': 'http',
  'sse.event': 'sse',
  'ws.frame': 'websocket',
  'pubsub.publish': 'broker',
  'pubsub.deliver': 'broker',
  'conn.close': 'problems',
  'conn.error': 'problems',
  fault: 'problems',
  'server.log': 'server',
}

/** what the text filter searches: the label, its detail and the exact wire text */
export function searchableText(e: TraceEvent): string {
  const label = eventLabel(e)
  const wire = 'wire' in e ? e.wire : e.kind === 'ws.frame' ? (e.text ?? '') : ''
  return `${e.conn} ${label.main} ${label.detail} ${wire}`.toLowerCase()
}

export function filterEvents(events: readonly TraceEvent[], filter: EventFilter): TraceEvent[] {
  const text = filter.text.trim().toLowerCase()
  return events.filter((e) => {
    if (filter.kind !== 'all' && KIND_OF[e.kind] !== filter.kind) return false
    if (filter.direction === 'up' && e.from !== 'client') return false
    if (filter.direction === 'down' && e.to !== 'client') return false
    if (filter.conn && e.conn !== filter.conn && !e.conn.startsWith(`${filter.conn}.`)) return false
    return text === '' || searchableText(e).includes(text)
  })
}

/** the connections in a trace, in the order they first appear */
export function connectionsOf(events: readonly TraceEvent[]): string[] {
  const seen = new Set<string>()
  for (const e of events) if (e.conn && !e.conn.includes('.')) seen.add(e.conn)
  return [...seen]
}
