// Rows of the network timeline, derived from the trace: one per connection, with the phases a
// devtools waterfall shows (sent, waiting, receiving) and a tick for each event in a stream.
import type { TraceEvent } from '../../sim/trace.ts'

export interface TimelineTick {
  seq: number
  /** simulated ms when it reached the other end */
  t: number
  label: string
  /** which way it travelled: down = to the client */
  direction: 'up' | 'down'
  /** events that arrived at the same instant the same way share one tick (a replay burst) */
  count: number
}

/**
 * One tick object per event, kept across calls: replaying a long run rebuilds the rows at every step,
 * and reusing the ticks lets the view keep its elements (10 000 events: a step was 30 ms without it).
 */
const tickOf = new WeakMap<TraceEvent, TimelineTick>()

/** one tick per instant and direction: a burst of 1000 replayed events is one tick, not 1000 */
function addTick(row: TimelineRow, e: TraceEvent, make: () => Omit<TimelineTick, 'count'>): void {
  const last = row.ticks.at(-1)
  const tick = tickOf.get(e) ?? { ...make(), count: 1 }
  tickOf.set(e, tick)
  if (last && last.t === tick.t && last.direction === tick.direction) {
    // a new object: the cached ones are shared between calls and must not change
    const count = last.count + 1
    row.ticks[row.ticks.length - 1] = { ...last, count, label: `${count} messages at once, from ${last.label.replace(/^\d+ messages at once, from /, '')}` }
    return
  }
  row.ticks.push(tick)
}

export interface TimelineRow {
  conn: string
  label: string
  /** request sent */
  start: number
  /** the server started holding the request (long polling), or null */
  heldAt: number | null
  /** the connection failed before reaching a server */
  failed: boolean
  /** the server sent its response head (null while waiting) */
  respondedAt: number | null
  /** response head reached the client (null while waiting) */
  headAt: number | null
  /** connection closed (null while open) */
  end: number | null
  streaming: boolean
  requestSeq: number
  ticks: TimelineTick[]
}

export function timelineRows(events: readonly TraceEvent[]): TimelineRow[] {
  const rows = new Map<string, TimelineRow>()
  for (const e of events) {
    if (e.kind === 'http.request') {
      rows.set(e.conn, {
        conn: e.conn,
        label: `${e.method} ${e.target}`,
        start: e.t,
        heldAt: null,
        failed: false,
        respondedAt: null,
        headAt: null,
        end: null,
        streaming: false,
        requestSeq: e.seq,
        ticks: [],
      })
      continue
    }
    if (e.kind === 'conn.error') {
      rows.set(e.conn, {
        conn: e.conn,
        label: 'failed to connect',
        start: e.t,
        heldAt: null,
        failed: true,
        respondedAt: null,
        headAt: null,
        end: e.t,
        streaming: false,
        requestSeq: e.seq,
        ticks: [],
      })
      continue
    }
    const row = rows.get(e.conn)
    if (!row) continue
    if (e.kind === 'http.held') {
      row.heldAt = e.t
    } else if (e.kind === 'http.response') {
      row.respondedAt = e.t
      row.headAt = e.arrives
      row.streaming = e.streaming
      if (!e.streaming) row.end = e.arrives
    } else if (e.kind === 'sse.event') {
      addTick(row, e, () => ({ seq: e.seq, t: e.arrives, label: e.fields.id !== undefined ? `event id ${e.fields.id}` : 'event', direction: 'down' }))
    } else if (e.kind === 'ws.frame') {
      addTick(row, e, () => ({ seq: e.seq, t: e.arrives, label: `${e.opcodeName} frame from the ${e.from}`, direction: e.from === 'client' ? 'up' : 'down' }))
      if (e.opcodeName === 'close' && row.end === null && e.from === 'server') row.end = e.arrives
    } else if (e.kind === 'conn.close' && row.end === null) {
      row.end = e.from === 'client' ? e.t : e.arrives
    }
  }
  return [...rows.values()]
}

/** connections still open at the end of the trace so far (for "drop this connection") */
export function openConnections(events: readonly TraceEvent[]): Set<string> {
  return new Set(
    timelineRows(events)
      .filter((r) => r.end === null && !r.failed)
      .map((r) => r.conn),
  )
}
