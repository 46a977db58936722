// How simulated time moves during a run: live (real time × speed, or as fast as the wire allows when
// skipping ahead), paused, or one step at a time. The ClockDriver does the moving; this decides when
// and how far.
import type { ClockDriver } from './clock-driver.ts'

export interface RunClockOptions {
  driver: ClockDriver
  /** simulated now */
  now: () => number
  /** simulated ms at which the run ends */
  durationMs: number
  /** × real time; Infinity skips ahead */
  speed: () => number
  startPaused: boolean
  isOver: () => boolean
  onProgress: (now: number) => void
  /** simulated time reached the end of the run */
  onFinished: () => void
}

/** real ms of simulation work per frame when skipping ahead, so the page still paints and responds */
const SKIP_FRAME_BUDGET_MS = 30

export class RunClock {
  private isPaused: boolean
  private stepping = false
  /** false until the learner's code has started: a step before that would move time under code that has not run yet */
  private started = false

  constructor(private readonly o: RunClockOptions) {
    this.isPaused = o.startPaused
  }

  get paused(): boolean {
    return this.isPaused
  }

  pause(): void {
    this.isPaused = true
  }

  resume(): void {
    this.isPaused = false
  }

  /** called once the learner's code has started */
  async start(): Promise<void> {
    // what the code did at once (its first requests) shows before the first step
    if (this.isPaused && !this.o.isOver()) await this.o.driver.runTo(0, this.o.isOver)
    this.started = true
    if (!this.o.isOver()) void this.live()
  }

  /**
   * Step mode: move to the next thing that happens, a client timer or a server action (every action
   * due at that instant runs), and no further. A held request stays open until a step releases it.
   * Returns the new simulated time, or null when nothing moved.
   */
  async step(): Promise<number | null> {
    if (this.o.isOver() || !this.isPaused || this.stepping || !this.started) return null
    this.stepping = true
    try {
      const next = this.o.driver.nextInstant()
      const target = Math.min(next ?? this.o.durationMs, this.o.durationMs)
      await this.o.driver.runTo(Math.max(target, this.o.now()), this.o.isOver)
      return this.progressed() ? this.o.now() : null
    } finally {
      this.stepping = false
    }
  }

  private async live(): Promise<void> {
    let last = performance.now()
    let carry = 0
    while (!this.o.isOver()) {
      await nextFrame()
      const nowReal = performance.now()
      const elapsed = Math.min(nowReal - last, 100)
      last = nowReal
      if (this.isPaused || this.stepping) continue
      const speed = this.o.speed()
      if (Number.isFinite(speed)) {
        carry += elapsed * speed
        const whole = Math.floor(carry)
        carry -= whole
        await this.o.driver.runTo(Math.min(this.o.now() + whole, this.o.durationMs), this.o.isOver)
      } else {
        const frameStart = performance.now()
        await this.o.driver.runTo(this.o.durationMs, () => this.o.isOver() || this.isPaused || performance.now() - frameStart > SKIP_FRAME_BUDGET_MS)
      }
      this.progressed()
    }
  }

  /** report progress; true while the run goes on */
  private progressed(): boolean {
    if (this.o.isOver()) return false
    this.o.onProgress(this.o.now())
    if (this.o.now() < this.o.durationMs) return true
    this.o.onFinished()
    return false
  }
}

function nextFrame(): Promise<void> {
  // requestAnimationFrame stops in background tabs; a run should still end there
  return new Promise((resolve) => {
    if (document.visibilityState === 'visible') requestAnimationFrame(() => resolve())
    else setTimeout(resolve, 50)
  })
}
