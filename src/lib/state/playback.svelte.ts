// Replay of a run, one message at a time: a cursor over the trace that every view reads, so the
// diagram, the timeline, the inspector and the caption never disagree. `shown` is how many events are
// visible (null: all of them, following the run as it grows).
import type { TraceEvent } from '../sim/trace.ts'

/** real ms between two steps at 1× when replaying (simulated gaps are often 0 or minutes long) */
const STEP_MS = 600

export class Playback {
  shown = $state<number | null>(null)
  playing = $state(false)
  speed = $state(1)
  private frame = 0

  constructor(private readonly trace: () => readonly TraceEvent[]) {}

  get total(): number {
    return this.trace().length
  }

  /** the events the views show */
  visible(events: readonly TraceEvent[]): readonly TraceEvent[] {
    return this.shown === null || this.shown >= events.length ? events : events.slice(0, this.shown)
  }

  /** the step the cursor is on, or null when following everything */
  get current(): TraceEvent | null {
    if (this.shown === null) return null
    return this.trace()[this.shown - 1] ?? null
  }

  /** 1-based step number of the cursor (the number of events shown) */
  get position(): number {
    return this.shown ?? this.total
  }

  goTo(step: number): void {
    this.shown = Math.max(0, Math.min(this.total, Math.round(step)))
  }

  forward(): void {
    this.goTo(this.position + 1)
  }

  back(): void {
    this.goTo(this.position - 1)
  }

  toStart(): void {
    this.stop()
    this.goTo(0)
  }

  toEnd(): void {
    this.stop()
    this.goTo(this.total)
  }

  /** back to following the run (a new run starts, or the learner leaves replay) */
  follow(): void {
    this.stop()
    this.shown = null
  }

  toggle(): void {
    if (this.playing) this.stop()
    else this.play()
  }

  /** one step every STEP_MS / speed of real time, to the end */
  play(): void {
    if (this.playing) return
    if (this.position >= this.total) this.goTo(0)
    this.playing = true
    let last = performance.now()
    let carry = 0
    const tick = (now: number) => {
      if (!this.playing) return
      carry += ((now - last) * this.speed) / STEP_MS
      last = now
      const steps = Math.floor(carry)
      carry -= steps
      if (steps > 0) this.goTo(this.position + steps)
      if (this.position >= this.total) return this.stop()
      this.frame = requestAnimationFrame(tick)
    }
    this.frame = requestAnimationFrame(tick)
  }

  stop(): void {
    this.playing = false
    cancelAnimationFrame(this.frame)
  }
}
