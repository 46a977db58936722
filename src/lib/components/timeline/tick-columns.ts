// A long stream draws at most one tick per pixel column and direction (a few hundred elements, not
// thousands). Filtering a row of 10 000 ticks at every replay step was most of the timeline's share of
// a step. Ticks only ever join a row at its end, and the first tick of a column among a row's first k
// ticks is that column's first tick overall whenever it is among them; so the columns' first ticks are
// found once, as the row grows, and a step cuts that list. Gives what `visibleTicks` gives
// (tick-columns.test.ts, every step).
import { countBelow } from '../../sim/trace-prefix.ts'
import type { TimelineTick } from './timeline-model.ts'

/** rows with fewer ticks draw them all */
export const THIN_FROM = 200

/** how the time axis maps simulated ms to pixels: x = left + t / span × width */
export interface TickScale {
  left: number
  width: number
  span: number
}

/** the pixel column a tick falls in, and which way: even down, odd up */
export function tickSlot(tick: TimelineTick, scale: TickScale): number {
  return Math.round(scale.left + (tick.t / scale.span) * scale.width) * 2 + (tick.direction === 'up' ? 1 : 0)
}

/** the ticks drawn, worked out from all of them: the first of each column, and the selected one */
export function visibleTicks(ticks: readonly TimelineTick[], scale: TickScale, selected: number | null): readonly TimelineTick[] {
  if (ticks.length < THIN_FROM) return ticks
  const seen = new Set<number>()
  return ticks.filter((tick) => {
    const slot = tickSlot(tick, scale)
    if (seen.has(slot) && tick.seq !== selected) return false
    seen.add(slot)
    return true
  })
}

/**
 * The columns' first ticks of one row as it grows (the row's history: its ticks in order, each index
 * always at the same instant and direction, whatever step is shown).
 */
export class TickColumns {
  private scaleKey = ''
  private readonly seen = new Set<number>()
  /** indices of the ticks that are the first of their column (ascending) */
  private readonly firsts: number[] = []
  private read = 0
  private last: { ticks: readonly TimelineTick[]; selected: number | null; drawn: readonly TimelineTick[] } | null = null

  /**
   * The ticks drawn of `ticks`, the row as of a step (a first part of `history`, the last one perhaps
   * standing for part of a burst), at `scale`: the same array while nothing it depends on changed.
   */
  drawn(ticks: readonly TimelineTick[], history: readonly TimelineTick[], scale: TickScale, selected: number | null): readonly TimelineTick[] {
    if (ticks.length < THIN_FROM) return ticks
    const key = `${scale.left} ${scale.width} ${scale.span}`
    if (key !== this.scaleKey) {
      this.scaleKey = key
      this.seen.clear()
      this.firsts.length = 0
      this.read = 0
      this.last = null
    }
    for (; this.read < history.length; this.read++) {
      const slot = tickSlot(history[this.read]!, scale)
      if (this.seen.has(slot)) continue
      this.seen.add(slot)
      this.firsts.push(this.read)
    }
    if (this.last && this.last.ticks === ticks && this.last.selected === selected) return this.last.drawn
    const count = countBelow(this.firsts, ticks.length)
    const drawn = this.firsts.slice(0, count).map((i) => ticks[i]!)
    // the selected tick is drawn too, in its place, though another one is first in its column
    const at = selected === null ? -1 : indexOfSeq(ticks, selected)
    if (at >= 0) {
      const place = countBelow(this.firsts, at)
      if (place >= count || this.firsts[place] !== at) drawn.splice(place, 0, ticks[at]!)
    }
    this.last = { ticks, selected, drawn }
    return drawn
  }
}

/** where the tick with `seq` is in `ticks` (ascending seqs), or -1: a binary search */
function indexOfSeq(ticks: readonly TimelineTick[], seq: number): number {
  let low = 0
  let high = ticks.length
  while (low < high) {
    const mid = (low + high) >> 1
    if (ticks[mid]!.seq < seq) low = mid + 1
    else high = mid
  }
  return ticks[low]?.seq === seq ? low : -1
}
