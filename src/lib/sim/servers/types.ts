import type { ResponseWriter } from '../exchange.ts'
import type { SimScheduler } from '../scheduler.ts'

/** a request as it reaches a simulated server */
export interface ServerRequest {
  method: string
  /** path and query, e.g. "/api/stream" */
  target: string
  /** header names in lower case */
  headers: ReadonlyMap<string, string>
}

export interface ServerContext {
  scheduler: SimScheduler
  random: () => number
}

/** a simulated server: plain logic on the simulated clock, no knowledge of msw or the browser */
export interface SimServer {
  /** what a learner may call, for hints and docs, e.g. "GET /api/stream" */
  readonly endpoints: readonly string[]
  handle(request: ServerRequest, response: ResponseWriter): void
}
