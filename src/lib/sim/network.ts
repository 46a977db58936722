// The network between client and server: one-way latency plus seeded jitter. A connection is one TCP
// stream, so messages in one direction never overtake each other: each arrives no earlier than the
// one sent before it.
export type Direction = 'up' | 'down'

export class Network {
  private readonly lastArrival = new Map<string, number>()

  constructor(
    readonly latencyMs: number,
    readonly jitterMs: number,
    /** seeded; drawn only when there is jitter, in simulated-time order */
    private readonly random: () => number,
  ) {}

  /** when a message sent at `now` on `conn` going `direction` arrives at the other end */
  arrival(conn: string, direction: Direction, now: number): number {
    const jitter = this.jitterMs > 0 ? Math.floor(this.random() * (this.jitterMs + 1)) : 0
    const key = `${conn} ${direction}`
    const at = Math.max(now + this.latencyMs + jitter, this.lastArrival.get(key) ?? 0)
    this.lastArrival.set(key, at)
    return at
  }
}
