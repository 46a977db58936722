// The network timeline's rows for a replay step without going over the whole trace: each event is read
// once, as the trace grows, into what it changed in which row; the rows as of the first k events are
// read from that. A row that did not change since the last step is the same object, so the view keeps
// its elements. Gives what timelineRows(events.slice(0, k)) gives (timeline-history.test.ts).
import type { TraceEvent } from '../../sim/trace.ts'
import { countBelow, TracePrefix } from '../../sim/trace-prefix.ts'
import { burstTick, eventTick, rowChange, rowStartedBy, sameInstant, type RowFields, type TimelineRow, type TimelineTick } from './timeline-model.ts'
import { TickColumns, visibleTicks, type TickScale } from './tick-columns.ts'

/** one row of a connection, from the event that started it (a connection may start a new one) */
interface RowHistory {
  start: number
  fields: RowFields
  /** what changed, at which event (ascending) */
  changes: Array<{ at: number; change: Partial<RowFields> }>
  /** the row's fields after every change so far (what the next change depends on) */
  now: RowFields
  /** the event index each tick starts at (ascending), its events' indices, and the tick for all of them */
  tickStarts: number[]
  tickMembers: number[][]
  ticks: TimelineTick[]
  /** the row last handed out, and for which step of the history */
  shown: { key: string; row: TimelineRow } | null
  /** which of its ticks a long row draws (made when first asked) */
  columns: TickColumns | null
}

export class TimelineHistory extends TracePrefix<TimelineRow[]> {
  /** each connection's rows, in the order the connections first appear */
  private connections: RowHistory[][] = []
  private byConn = new Map<string, RowHistory[]>()
  /** the history each row handed out comes from */
  private historyOf = new WeakMap<TimelineRow, RowHistory>()

  protected clear(): void {
    this.connections = []
    this.byConn.clear()
    this.historyOf = new WeakMap()
  }

  /**
   * The ticks `row` (one this history handed out) draws at `scale`: at most one per pixel column and
   * direction, and the selected one; worked out as the row grows, not from all its ticks at every step.
   */
  drawnTicks(row: TimelineRow, scale: TickScale, selected: number | null): readonly TimelineTick[] {
    const history = this.historyOf.get(row)
    if (!history) return visibleTicks(row.ticks, scale, selected)
    history.columns ??= new TickColumns()
    return history.columns.drawn(row.ticks, history.ticks, scale, selected)
  }

  protected read(e: TraceEvent, index: number): void {
    const started = rowStartedBy(e)
    if (started) {
      let rows = this.byConn.get(e.conn)
      if (!rows) {
        rows = []
        this.byConn.set(e.conn, rows)
        this.connections.push(rows)
      }
      rows.push({ start: index, fields: started, changes: [], now: { ...started }, tickStarts: [], tickMembers: [], ticks: [], shown: null, columns: null })
      return
    }
    const row = this.byConn.get(e.conn)?.at(-1)
    if (!row) return
    const change = rowChange(row.now, e)
    if (change) {
      row.changes.push({ at: index, change })
      Object.assign(row.now, change)
    }
    const tick = eventTick(e)
    if (!tick) return
    const last = row.ticks.length - 1
    if (last >= 0 && sameInstant(row.ticks[last]!, tick)) {
      row.tickMembers[last]!.push(index)
      row.ticks[last] = burstTick(row.ticks[last]!, row.tickMembers[last]!.length)
    } else {
      row.tickStarts.push(index)
      row.tickMembers.push([index])
      row.ticks.push(tick)
    }
  }

  protected at(count: number): TimelineRow[] {
    const rows: TimelineRow[] = []
    for (const connection of this.connections) {
      // the connection's latest row started within the first `count` events
      let i = connection.length - 1
      while (i >= 0 && connection[i]!.start >= count) i--
      if (i >= 0) rows.push(this.rowAt(connection[i]!, count))
    }
    return rows
  }

  private rowAt(row: RowHistory, count: number): TimelineRow {
    let changes = row.changes.length
    while (changes > 0 && row.changes[changes - 1]!.at >= count) changes--
    const ticks = countBelow(row.tickStarts, count)
    const members = ticks > 0 ? countBelow(row.tickMembers[ticks - 1]!, count) : 0
    const key = `${changes} ${ticks} ${members}`
    if (row.shown?.key === key) return row.shown.row
    const fields = { ...row.fields }
    for (let c = 0; c < changes; c++) Object.assign(fields, row.changes[c]!.change)
    const list = row.ticks.slice(0, ticks)
    // the step stops inside a burst: the tick stands for the part of it shown
    if (ticks > 0 && members < row.tickMembers[ticks - 1]!.length) list[ticks - 1] = burstTick(eventTickAt(row, ticks - 1), members)
    const shown = { ...fields, ticks: list }
    row.shown = { key, row: shown }
    this.historyOf.set(shown, row)
    return shown
  }
}

/** the tick of a burst's first event (its label without the count) */
function eventTickAt(row: RowHistory, tick: number): TimelineTick {
  const whole = row.ticks[tick]!
  return { ...whole, count: 1, label: whole.label.replace(/^\d+ messages at once, from /, '') }
}
