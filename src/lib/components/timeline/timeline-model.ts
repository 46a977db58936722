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

/** the tick event `e` draws on its connection's row (one object per event), or null */
export function eventTick(e: TraceEvent): TimelineTick | null {
  if (e.kind !== 'sse.event' && e.kind !== 'ws.frame') return null
  let tick = tickOf.get(e)
  if (!tick) {
    tick =
      e.kind === 'sse.event'
        ? { seq: e.seq, t: e.arrives, label: e.fields.id !== undefined ? `event id ${e.fields.id}` : 'event', direction: 'down', count: 1 }
        : { seq: e.seq, t: e.arrives, label: `${e.opcodeName} frame from the ${e.from}`, direction: e.from === 'client' ? 'up' : 'down', count: 1 }
    tickOf.set(e, tick)
  }
  return tick
}

/** one tick per instant and direction: a burst of 1000 replayed events is one tick, not 1000 */
export function sameInstant(a: TimelineTick, b: TimelineTick): boolean {
  return a.t === b.t && a.direction === b.direction
}

/** the tick standing for `count` events at one instant, the first of them `first` (or that instant's tick so far) */
export function burstTick(first: TimelineTick, count: number): TimelineTick {
  return count === 1 ? first : { ...first, count, label: `${count} messages at once, from ${first.label.replace(/^\d+ messages at once, from /, '')}` }
}

export interface TimelineRow {
  conn: string
  label: string
  /** the code made the request, but the browser held it back for a free connection until `start` (null: it went at once) */
  queuedAt: number | null
  /** still waiting for a connection: nothing sent yet (`start` is then when it began waiting) */
  queued: boolean
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

export type RowFields = Omit<TimelineRow, 'ticks'>

/** the row event `e` starts (a request, or a connection that failed), or null */
export function rowStartedBy(e: TraceEvent): RowFields | null {
  if (e.kind === 'http.request' || e.kind === 'http.queued') {
    return {
      conn: e.conn,
      label: `${e.method} ${e.target}`,
      queuedAt: e.kind === 'http.queued' ? e.t : (e.queuedAt ?? null),
      queued: e.kind === 'http.queued',
      start: e.t,
      heldAt: null,
      failed: false,
      respondedAt: null,
      headAt: null,
      end: null,
      streaming: false,
      requestSeq: e.seq,
    }
  }
  if (e.kind === 'conn.error') {
    return {
      conn: e.conn,
      label: 'failed to connect',
      queuedAt: null,
      queued: false,
      start: e.t,
      heldAt: null,
      failed: true,
      respondedAt: null,
      headAt: null,
      end: e.t,
      streaming: false,
      requestSeq: e.seq,
    }
  }
  return null
}

/** what event `e` changes in its connection's row as it is (`row`), or null */
export function rowChange(row: RowFields, e: TraceEvent): Partial<RowFields> | null {
  if (e.kind === 'http.held') return { heldAt: e.t }
  if (e.kind === 'http.response') return { respondedAt: e.t, headAt: e.arrives, streaming: e.streaming, ...(e.streaming ? {} : { end: e.arrives }) }
  if (e.kind === 'ws.frame' && e.opcodeName === 'close' && row.end === null && e.from === 'server') return { end: e.arrives }
  if (e.kind === 'conn.close' && row.end === null) return { end: e.from === 'client' ? e.t : e.arrives }
  return null
}

/** the rows of `events`, worked out from all of them (for a replay step, see TimelineHistory) */
export function timelineRows(events: readonly TraceEvent[]): TimelineRow[] {
  const rows = new Map<string, TimelineRow>()
  for (const e of events) {
    const started = rowStartedBy(e)
    if (started) {
      rows.set(e.conn, { ...started, ticks: [] })
      continue
    }
    const row = rows.get(e.conn)
    if (!row) continue
    const change = rowChange(row, e)
    if (change) Object.assign(row, change)
    const tick = eventTick(e)
    if (!tick) continue
    const last = row.ticks.at(-1)
    // a new object for a burst: the cached ones are shared between calls and must not change
    if (last && sameInstant(last, tick)) row.ticks[row.ticks.length - 1] = burstTick(last, last.count + 1)
    else row.ticks.push(tick)
  }
  return [...rows.values()]
}

/** connections still open at the end of the trace so far (for "drop this connection") */
export function openConnections(events: readonly TraceEvent[]): Set<string> {
  return new Set(
    timelineRows(events)
      .filter((r) => r.end === null && !r.failed && !r.queued)
      .map((r) => r.conn),
  )
}
