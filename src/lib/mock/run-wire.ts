// What the msw layer needs from a running lesson: its simulation, its barrier, and what the learner's
// worker announced about each connection. Implemented by runner/LearnerRun.
import type { Barrier } from '../sim/barrier.ts'
import type { Simulation } from '../sim/simulation.ts'

export interface Announcement {
  /** simulated ms when the learner's code opened the connection */
  sentAt: number
  api: 'EventSource' | 'fetch'
}

/**
 * A service worker cannot tell which worker a request came from, so the learner realm tags each
 * request with "<run id>.<connection number>": in this query parameter for EventSource (it cannot
 * set headers), in this header for fetch. The transport removes the tag before the trace sees it.
 */
export const TAG_PARAM = '__wirelab'
export const TAG_HEADER = 'x-wirelab-tag'

export interface RunWire {
  readonly sim: Simulation
  readonly barrier: Barrier
  /** the worker's announcement of connection `conn`; null when the run has ended */
  announcement(conn: number): Promise<Announcement | null>
  /** make sure the worker acknowledges events of `eventType` on `conn` before one is sent */
  expectSseType(conn: number, eventType: string): Promise<void>
}

/** barrier keys for one connection; all start with `${conn}/` so they can be dropped together */
export const crossing = {
  request: (conn: string) => `${conn}/request`,
  head: (conn: string) => `${conn}/head`,
  event: (conn: string, n: number) => `${conn}/event/${n}`,
  all: (conn: string) => `${conn}/`,
}
