// Learner code that floods the network (a polling loop with no pause, connections opened in a loop)
// must not freeze the tab or drown the simulation: past these caps the run stops with a message that
// names the cap.
export const MAX_REQUESTS_PER_SECOND = 50
export const MAX_OPEN_CONNECTIONS = 20

export class NetworkCaps {
  private readonly recent: number[] = []

  constructor(
    private readonly maxPerSecond = MAX_REQUESTS_PER_SECOND,
    private readonly maxOpen = MAX_OPEN_CONNECTIONS,
  ) {}

  /**
   * A new connection is being opened at simulated time `t` while `open` others are open.
   * Returns why the run must stop, or null.
   */
  opened(t: number, open: number): string | null {
    this.recent.push(t)
    while (this.recent.length > 0 && this.recent[0]! <= t - 1000) this.recent.shift()
    if (this.recent.length > this.maxPerSecond) {
      return `Your code sent more than ${this.maxPerSecond} requests within one simulated second (at ${(t / 1000).toFixed(3)} s), so the run was stopped. Is a loop sending requests without a pause? Wait between requests with setTimeout or setInterval.`
    }
    if (open + 1 > this.maxOpen) {
      return `Your code had more than ${this.maxOpen} connections open at once (at ${(t / 1000).toFixed(3)} s), so the run was stopped. Are EventSources or WebSockets opened in a loop, or requests sent without waiting for the answers? Close connections you no longer need.`
    }
    return null
  }
}
