// What a simulation is made of (its options) and what happens to it (requests, faults): the types the
// whole app shares, apart from the Simulation class that runs them.
import type { Header } from './http1.ts'
import type { ServerContext, SimServer } from './servers/types.ts'
import type { InitialCookie } from './cookie-jar.ts'
import type { CrossSitePage } from './cross-site.ts'

/** a request the learner's code made, as the transport saw it */
export interface ClientRequest {
  /** the learner realm's connection number: orders same-instant requests and names the connection */
  key: number
  /** simulated ms when the learner's code sent it */
  sentAt: number
  method: string
  /** host[:port] the request was for */
  host: string
  target: string
  headers: Header[]
  api: 'EventSource' | 'fetch'
  /** request body text, when there is one */
  body?: string
  /** 1 for the first request of this learner connection, 2 … for an EventSource's reconnections */
  attempt?: number
}

/** something that breaks: every connection, one connection, a server instance, or the network for a while */
export type Fault =
  | { kind: 'drop-connections' }
  | { kind: 'drop-connection'; conn: string }
  /** `server`: which instance restarts, 1-based (default 1); `downMs`: how long it refuses new connections first (default 0) */
  | { kind: 'restart-server'; server?: number; downMs?: number }
  | { kind: 'offline'; durationMs: number }
  /**
   * The path of every open connection (or of `conn`) goes silent: nothing sent on it arrives, either
   * way, and nobody is told; until one end closes it, or for `durationMs`, after which TCP delivers
   * what was sent meanwhile (network.ts)
   */
  | { kind: 'silent'; conn?: string; durationMs?: number }

/** a fault the lesson schedules */
export type ScheduledFault = Exclude<Fault, { kind: 'drop-connection' }> & { atMs: number }

/** who broke it: the lesson's scenario, or the learner with a button */
export type FaultOrigin = 'lesson' | 'learner'

/** how the load balancer spreads new connections over the instances */
export type BalancerPolicy = 'round-robin' | 'sticky'

/** the HTTP version the browser and the server speak for fetch and EventSource (WebSockets always upgrade an HTTP/1.1 request) */
export type HttpVersion = '1.1' | '2'

export interface SimulationOptions {
  /** host[:port] of the simulated server (the page's own); requests to any other host fail */
  host: string
  seed: number
  /** one-way latency between client and server, simulated ms */
  latencyMs: number
  /** up to this many simulated ms added to each message's latency, from the seed (default 0) */
  jitterMs?: number
  /** builds one server instance from the shared clock, seeded randomness and its broker connection */
  createServer: (ctx: ServerContext) => SimServer
  /** server instances behind the load balancer (default 1: no load balancer) */
  instances?: number
  balancer?: BalancerPolicy
  /** a pub/sub broker between the instances, with this one-way latency (null: none) */
  broker?: { latencyMs: number } | null
  /** the learner clients' names, in client order (default: one unnamed client) */
  clients?: readonly string[]
  faults?: readonly ScheduledFault[]
  /** a proxy in front of the server cuts connections silent for this long (null: no proxy) */
  proxyIdleTimeoutMs?: number | null
  /** a slow server: simulated ms it spends on each request (and handshake) before answering */
  serverDelayMs?: number
  /** the cookies the browser holds for the lesson's site when the run starts (the server may set more) */
  cookies?: readonly InitialCookie[]
  /** pages of other sites open in the same browser, each opening a WebSocket to the lesson's server (scripted, not learner code) */
  crossSitePages?: readonly CrossSitePage[]
  /** '1.1' (default): at most 6 connections per origin and browser, more requests wait; '2': every request is a stream of one connection */
  http?: HttpVersion
  /** per client (in client order), the browser it is a tab of: tabs of one browser share its connections (default: all one browser) */
  browsers?: readonly string[]
}
