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
  private releaseListeners: Array<(keys: readonly string[]) => void> = []
  /** how many times a blocker was released: progress, for `settle`'s timeout */
  private releases = 0

  /** something started crossing the wire; time stands still until `done(key)` */
  hold(key: string): void {
    this.blockers.add(key)
  }

  /** the crossing ended (it arrived, or will never arrive) */
  done(key: string): void {
    if (!this.blockers.delete(key)) return
    this.released([key])
  }

  /** drop every blocker whose key starts with `prefix` (a connection closed: nothing more will arrive) */
  doneAll(prefix: string): void {
    const gone = [...this.blockers].filter((key) => key.startsWith(prefix))
    for (const key of gone) this.blockers.delete(key)
    if (gone.length) this.released(gone)
  }

  /** the keys still held, in the order they were first held */
  get open(): string[] {
    return [...this.blockers]
  }

  /** `fn` runs each time blockers are released (by `done`, `doneAll`, or a wait that gave up), with their keys */
  onRelease(fn: (keys: readonly string[]) => void): void {
    this.releaseListeners.push(fn)
  }

  /**
   * Resolves when no blocker is left. After `timeoutMs` of real time in which no blocker was released it
   * gives up, drops the blockers and resolves with what was stuck, so a lost acknowledgement can never
   * freeze a run for good. (Crossings released one after another, as same-instant deliveries to several
   * connections are, keep it waiting: each release is progress.)
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
      let seen = this.releases
      const arm = () => {
        timer = setTimer(() => {
          // something was released since the timer was set: wait another period
          if (this.releases !== seen && this.blockers.size > 0) {
            seen = this.releases
            return arm()
          }
          timedOut = this.blockers.size > 0
          resolve()
        }, timeoutMs)
      }
      arm()
    })
    // settle runs several times per simulated instant: do not leave a timer behind each time
    clearTimer(timer)
    if (!timedOut) return null
    const stuck = this.open
    this.blockers.clear()
    this.released(stuck)
    return { stuck }
  }

  private released(keys: readonly string[]): void {
    this.releases++
    for (const fn of this.releaseListeners) fn(keys)
    if (this.blockers.size === 0) this.wake()
  }

  private wake(): void {
    const waiters = this.waiters
    this.waiters = []
    for (const w of waiters) w()
  }
}
