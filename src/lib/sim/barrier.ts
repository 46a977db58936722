// Simulated time must not move while a message is crossing the wire for real (a request on its way to a
// handler, a response or an SSE event on its way to the learner's code). Each such crossing is a named
// blocker; the clock driver waits until none is left. See "One simulation clock" in docs/architecture.md.

export interface BarrierTimeout {
  /** the blockers that were still open when the wait gave up */
  stuck: string[]
}

export class Barrier {
  private blockers = new Set<string>()
  private waiters: Array<() => void> = []
  private releaseListeners: Array<() => void> = []

  /** something started crossing the wire; time stands still until `done(key)` */
  hold(key: string): void {
    this.blockers.add(key)
  }

  /** the crossing ended (it arrived, or will never arrive) */
  done(key: string): void {
    if (!this.blockers.delete(key)) return
    this.released()
  }

  /** drop every blocker whose key starts with `prefix` (a connection closed: nothing more will arrive) */
  doneAll(prefix: string): void {
    const before = this.blockers.size
    for (const key of [...this.blockers]) if (key.startsWith(prefix)) this.blockers.delete(key)
    if (this.blockers.size < before) this.released()
  }

  /** the keys still held, in the order they were first held */
  get open(): string[] {
    return [...this.blockers]
  }

  /** the keys still held, in the order they were first held, without a copy */
  held(): Iterable<string> {
    return this.blockers.values()
  }

  /** `fn` runs each time a blocker is released (by `done`, `doneAll`, or a wait that gave up) */
  onRelease(fn: () => void): void {
    this.releaseListeners.push(fn)
  }

  /**
   * Resolves when no blocker is left. After `timeoutMs` of real time it gives up, drops the blockers and
   * resolves with what was stuck, so a lost acknowledgement can never freeze a run for good.
   */
  async settle(
    timeoutMs: number,
    setTimer: (fn: () => void, ms: number) => unknown = setTimeout,
    clearTimer: (handle: unknown) => void = (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  ): Promise<BarrierTimeout | null> {
    if (this.blockers.size === 0) return null
    let timedOut = false
    let timer: unknown
    await new Promise<void>((resolve) => {
      this.waiters.push(resolve)
      timer = setTimer(() => {
        timedOut = this.blockers.size > 0
        resolve()
      }, timeoutMs)
    })
    // settle runs several times per simulated instant: do not leave a timer behind each time
    clearTimer(timer)
    if (!timedOut) return null
    const stuck = this.open
    this.blockers.clear()
    this.released()
    return { stuck }
  }

  private released(): void {
    for (const fn of this.releaseListeners) fn()
    if (this.blockers.size === 0) this.wake()
  }

  private wake(): void {
    const waiters = this.waiters
    this.waiters = []
    for (const w of waiters) w()
  }
}
