// The views follow a run at most once per frame: copying the trace and re-rendering for every event
// made the page, not the simulation, the bottleneck (74 events/s in the first bench). A hidden tab
// gets no animation frames, so it follows on a timer.
export class FrameBatch {
  private queued = false

  constructor(private readonly flush: () => void) {}

  /** something changed: the views follow at the next frame */
  queue(): void {
    if (this.queued) return
    this.queued = true
    if (document.visibilityState === 'visible') requestAnimationFrame(() => this.now())
    else setTimeout(() => this.now(), 50)
  }

  /** follow now (the run ended) */
  now(): void {
    this.queued = false
    this.flush()
  }
}
