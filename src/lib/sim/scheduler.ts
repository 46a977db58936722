// The page-side timeline of the simulated servers. Actions run in (time, order key, insertion) order:
// the order key lets actions caused by the learner's requests run in the order the learner made them,
// whatever order their real messages happened to arrive in, so equal code gives an equal trace.

export interface ScheduleOptions {
  /** what the action is, for diagnostics */
  label?: string
  /** tie-breaker for actions at the same instant: lower runs first (default 0) */
  key?: number
}

interface Entry {
  t: number
  key: number
  seq: number
  id: number
  fn: () => void
  label: string
}

function before(a: Entry, b: Entry): boolean {
  if (a.t !== b.t) return a.t < b.t
  if (a.key !== b.key) return a.key < b.key
  return a.seq < b.seq
}

export class SimScheduler {
  /** simulated milliseconds since the run started */
  now = 0
  private queue: Entry[] = []
  private seq = 0

  /** run `fn` when simulated time reaches `t` (at once on the next `runDue` if `t` is already past) */
  at(t: number, fn: () => void, opts: ScheduleOptions = {}): number {
    const entry: Entry = { t: Math.max(t, this.now), key: opts.key ?? 0, seq: this.seq, id: ++this.seq, fn, label: opts.label ?? '' }
    let i = this.queue.length
    while (i > 0 && before(entry, this.queue[i - 1]!)) i--
    this.queue.splice(i, 0, entry)
    return entry.id
  }

  after(delayMs: number, fn: () => void, opts: ScheduleOptions = {}): number {
    return this.at(this.now + delayMs, fn, opts)
  }

  cancel(id: number): void {
    const i = this.queue.findIndex((e) => e.id === id)
    if (i >= 0) this.queue.splice(i, 1)
  }

  /** the time of the next action, or null when nothing is scheduled */
  peek(): number | null {
    return this.queue[0]?.t ?? null
  }

  get size(): number {
    return this.queue.length
  }

  /** run every action due at or before `upTo`, in order; `now` follows each action, then moves to `upTo` */
  runDue(upTo: number): number {
    let ran = 0
    while (this.queue.length > 0 && this.queue[0]!.t <= upTo) {
      const entry = this.queue.shift()!
      this.now = Math.max(this.now, entry.t)
      ran++
      entry.fn()
    }
    this.now = Math.max(this.now, upTo)
    return ran
  }

  /** a promise that resolves when simulated time reaches `t` */
  until(t: number, opts: ScheduleOptions = {}): Promise<void> {
    return new Promise((resolve) => this.at(t, resolve, opts))
  }
}
