// What the msw layer needs from a running lesson: its simulation, its crossings (the barrier), and what
// the learner's worker announced about each connection. Implemented by runner/LearnerRun.
import type { Crossings } from './crossings.ts'
import type { Simulation } from '../sim/simulation.ts'
import type { DeliveredChunk } from '../sim/response-writer.ts'

export interface Announcement {
  /** simulated ms when the learner's code opened the connection */
  sentAt: number
  api: 'EventSource' | 'fetch'
  /** 1 for the learner's own request, 2 … for an EventSource's reconnections */
  attempt: number
  /** the last event id this EventSource received ('' for none): the browser sends it as Last-Event-ID */
  lastEventId: string
}

/**
 * A service worker cannot tell which worker a request came from, so the learner realm tags each
 * request with "<run id>.<connection number>": in this query parameter for EventSource (it cannot
 * set headers), in this header for fetch. The transport removes the tag before the trace sees it.
 */
export const TAG_PARAM = '__wirelab'
export const TAG_HEADER = 'x-wirelab-tag'

/**
 * A request of the learner's code for another origin travels to this stand-in path at the page's own
 * origin (the page's Content-Security-Policy allows nothing else), with the URL it was for in this query
 * parameter; the transport puts the original URL on the simulated wire, where it fails like a DNS error.
 */
export const OFFSITE_PATH = '__wirelab/offsite'
export const OFFSITE_PARAM = '__wirelab_url'

/** the service worker answers this path itself (header `x-wirelab-sw: 1`): a learner worker asks it before the code runs */
export const PROBE_PATH = '__wirelab/probe'

export interface RunWire {
  readonly sim: Simulation
  /** holds simulated time while messages cross for real */
  readonly crossings: Crossings
  /** test knob: up to this many real ms of random delay before each step of the transport (0: none) */
  readonly noiseMs: number
  /** the worker's announcement of connection `conn`; null when the run has ended */
  announcement(conn: number): Promise<Announcement | null>
  /** make sure the worker acknowledges events of `eventType` on `conn` before one is sent */
  expectSseType(conn: number, eventType: string): Promise<void>
  /** a chunk of an event stream reaches the learner's EventSource; the running number of each event it dispatches */
  sseDelivered(conn: number, chunk: DeliveredChunk): number[]
  /** the EventSource's stream ended or failed to connect: the browser reconnects by itself */
  streamEnded(conn: number): void
  /** the EventSource failed for good (not 200, not text/event-stream): no reconnection */
  streamFailed(conn: number): void
}
