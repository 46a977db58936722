// The browser's per-origin connection pool. Chromium opens at most 6 HTTP/1.1 connections per group
// (scheme + host + port, in one browser profile: every tab shares them), and a request beyond that
// waits in the pool's queue until one is free (net/socket/client_socket_pool_manager.cc:
// g_max_sockets_per_group = { 6 normal, 255 WebSocket }). WebSockets have their own pool, so they never
// come here. With HTTP/2 every request to the origin is a stream of one connection, limited by the
// server's SETTINGS_MAX_CONCURRENT_STREAMS (RFC 9113 §5.1.2), which the pool models as its limit.
//
// The pool knows nothing of time: a request starts at once or when `release` frees a slot, and the
// caller (Simulation) does the sending then. Order in the queue is first come, first served: Chromium
// orders its queue by request priority, then arrival, and fetch() and EventSource load at the same
// priority, so for the requests a lesson makes the order is arrival.

/** HTTP/1.1: Chromium's connections per origin */
export const HTTP1_CONNECTIONS_PER_ORIGIN = 6
/** HTTP/2: a typical server's SETTINGS_MAX_CONCURRENT_STREAMS (RFC 9113 recommends no less than 100) */
export const HTTP2_MAX_CONCURRENT_STREAMS = 100

interface Waiting {
  conn: string
  start: () => void
}

interface Group {
  /** connections holding a slot, in the order they got it */
  active: string[]
  queue: Waiting[]
}

export class ConnectionPool {
  private readonly groups = new Map<string, Group>()
  /** which group each connection asked in (a released or cancelled one is forgotten) */
  private readonly groupOf = new Map<string, string>()

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`A connection pool needs a limit of at least 1, not ${limit}`)
  }

  /**
   * `conn` wants a connection in `group` (e.g. the browser and the origin): `start` runs at once when one
   * is free ('started'), or later, from the `release` that frees one ('queued').
   */
  request(group: string, conn: string, start: () => void): 'started' | 'queued' {
    if (this.groupOf.has(conn)) throw new Error(`${conn} asked the connection pool twice`)
    const g = this.group(group)
    this.groupOf.set(conn, group)
    if (g.active.length < this.limit) {
      g.active.push(conn)
      start()
      return 'started'
    }
    g.queue.push({ conn, start })
    return 'queued'
  }

  /**
   * `conn` no longer needs its connection (its response ended, it was closed or lost), or no longer
   * waits for one (closed while queued). A freed slot goes to the first request in the queue, whose
   * `start` runs now. Releasing twice, or a connection the pool never saw, does nothing.
   */
  release(conn: string): void {
    const name = this.groupOf.get(conn)
    if (name === undefined) return
    this.groupOf.delete(conn)
    const g = this.group(name)
    const waiting = g.queue.findIndex((w) => w.conn === conn)
    if (waiting >= 0) {
      g.queue.splice(waiting, 1)
      return
    }
    g.active.splice(g.active.indexOf(conn), 1)
    const next = g.queue.shift()
    if (!next) return
    g.active.push(next.conn)
    next.start()
  }

  /** the connections holding a slot in `group`, in the order they got it */
  active(group: string): readonly string[] {
    return this.groups.get(group)?.active ?? []
  }

  /** the requests waiting in `group`, first in line first */
  queued(group: string): readonly string[] {
    return (this.groups.get(group)?.queue ?? []).map((w) => w.conn)
  }

  /** `conn` is waiting for a connection */
  isQueued(conn: string): boolean {
    const name = this.groupOf.get(conn)
    return name !== undefined && this.queued(name).includes(conn)
  }

  private group(name: string): Group {
    let g = this.groups.get(name)
    if (!g) {
      g = { active: [], queue: [] }
      this.groups.set(name, g)
    }
    return g
  }
}
