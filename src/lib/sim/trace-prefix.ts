// Views of a replay show the first k events of a trace, and k moves one step at a time. Working a view's
// model out from all k events at every step costs the whole trace (a replay of 10 000 events: most of a
// frame). A TracePrefix reads each event once, as the trace grows, keeping what changed at which event;
// the model as of any first k events is then read from that, at the cost of what k touches.
import type { TraceEvent } from './trace.ts'

export abstract class TracePrefix<T> {
  /** the events read so far, in order (the trace's own objects) */
  private readonly seen: TraceEvent[] = []

  /** forget everything read (another trace is shown) */
  protected abstract clear(): void
  /** take in the event at `index`, the next one of the trace */
  protected abstract read(event: TraceEvent, index: number): void
  /** the model as of the first `count` events read */
  protected abstract at(count: number): T

  /**
   * The model of `events`: the trace so far, or a first part of it. Events not read yet are read;
   * a list that is not the same trace (a new run, an opened file) starts again from its first event.
   */
  of(events: readonly TraceEvent[]): T {
    const common = Math.min(events.length, this.seen.length)
    if (common > 0 && (events[0] !== this.seen[0] || events[common - 1] !== this.seen[common - 1])) {
      this.seen.length = 0
      this.clear()
    }
    for (let i = this.seen.length; i < events.length; i++) {
      this.seen.push(events[i]!)
      this.read(events[i]!, i)
    }
    return this.at(events.length)
  }
}

/** how many of `sorted` (ascending) are below `limit`: a binary search */
export function countBelow(sorted: ArrayLike<number>, limit: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const mid = (low + high) >> 1
    if (sorted[mid]! < limit) low = mid + 1
    else high = mid
  }
  return low
}

/** the event with `seq` in `events` (seqs ascend through a trace: a binary search, not a walk over 10 000 events) */
export function findSeq(events: readonly TraceEvent[], seq: number | null): TraceEvent | null {
  if (seq === null) return null
  let low = 0
  let high = events.length
  while (low < high) {
    const mid = (low + high) >> 1
    if (events[mid]!.seq < seq) low = mid + 1
    else high = mid
  }
  // a trace file whose seqs do not ascend is still searched, the long way
  return events[low]?.seq === seq ? events[low]! : (events.find((e) => e.seq === seq) ?? null)
}
