// The network between client and server: one-way latency plus seeded jitter. A connection is one TCP
// stream, so messages in one direction never overtake each other: each arrives no earlier than the
// one sent before it.
//
// A path can go silent (the `silent` fault): from then on, what either end sends on that connection
// does not get through, and nothing tells either end. What is already on its way still arrives (the
// path fails behind it). When the silence has an end, TCP's retransmissions deliver what was sent
// meanwhile: Wirelab resends it all the moment the path recovers, in order, one latency later (real
// TCP resends on its backoff timer, 200 ms doubling, so real data can come later than that). A silence
// without an end loses what is sent: it never arrives.
export type Direction = 'up' | 'down'

/** when a message arrives, and whether it does */
export interface Arrival {
  /** simulated ms when it reaches the other end (for a lost message: when it would have, without the silence) */
  at: number
  /** sent into a silent path that never recovers: it never arrives */
  lost?: true
  /** sent into a silent path: it arrives once the path has recovered (TCP retransmitted it) */
  retransmitted?: true
}

/** the trace fields of a message's arrival: `arrives`, and whether a silent path lost or delayed it */
export function travel(arrival: Arrival): { arrives: number; lost?: true; retransmitted?: true } {
  return { arrives: arrival.at, ...(arrival.lost ? { lost: true as const } : {}), ...(arrival.retransmitted ? { retransmitted: true as const } : {}) }
}

interface Silence {
  from: number
  /** when the path recovers; null: not until the connection is gone */
  until: number | null
}

export class Network {
  private readonly lastArrival = new Map<string, number>()
  private readonly silences = new Map<string, Silence>()

  constructor(
    readonly latencyMs: number,
    readonly jitterMs: number,
    /** seeded; drawn only when there is jitter, in simulated-time order */
    private readonly random: () => number,
  ) {}

  /** when a message sent at `now` on `conn` going `direction` arrives at the other end (a path that is not silent) */
  arrival(conn: string, direction: Direction, now: number): number {
    return this.send(conn, direction, now).at
  }

  /** a message leaves at `now`: when it arrives, if it does (call once per message) */
  send(conn: string, direction: Direction, now: number): Arrival {
    const silence = this.silenceAt(conn, now)
    if (silence && silence.until === null) return { at: now + this.latencyMs, lost: true }
    const jitter = this.jitterMs > 0 ? Math.floor(this.random() * (this.jitterMs + 1)) : 0
    const key = `${conn} ${direction}`
    const leaves = silence ? silence.until! : now
    const at = Math.max(leaves + this.latencyMs + jitter, this.lastArrival.get(key) ?? 0)
    this.lastArrival.set(key, at)
    return silence ? { at, retransmitted: true } : { at }
  }

  /** from `from`, nothing sent on `conn` gets through until `until` (null: until it is gone) */
  silence(conn: string, from: number, until: number | null): void {
    this.silences.set(conn, { from, until })
  }

  /** the path of `conn` works again (the connection was lost or dropped: both ends are told by the fault) */
  endSilence(conn: string): void {
    this.silences.delete(conn)
  }

  /** is the path of `conn` silent at `now`? */
  isSilent(conn: string, now: number): boolean {
    return this.silenceAt(conn, now) !== null
  }

  private silenceAt(conn: string, now: number): Silence | null {
    const silence = this.silences.get(conn)
    return silence && now >= silence.from && (silence.until === null || now < silence.until) ? silence : null
  }
}
