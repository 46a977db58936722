// What a simulated server sees of a request it answers (ResponseWriter), and what the transport gets
// back (ResponseHead, DeliveredChunk). Implemented by HttpExchange.
import type { Header } from './http1.ts'
import type { SseFields } from './sse.ts'

export interface ResponseHead {
  /** true when no server answered at all: the browser sees a network error */
  networkError?: boolean
  status: number
  headers: Header[]
  /** a complete body, or null when the body streams (or there is none) */
  body: string | null
}

/** a piece of the response body reaching the client */
export interface DeliveredChunk {
  text: string
  fields: SseFields
  /** the event type a browser will dispatch for it, or null when it dispatches nothing */
  dispatches: string | null
  /** its sse.event in the trace */
  seq: number
}

/** what a simulated server uses to answer one request */
export interface ResponseWriter {
  /** answer with a complete body */
  respond(status: number, body: string, contentType?: string): void
  /** answer 200 with `Content-Type: text/event-stream` and keep the connection open */
  eventStream(): EventStreamWriter
  /** answer with no body at all (e.g. 204 No Content) */
  respondEmpty(status: number): void
  /** the server keeps the request open without answering yet (long polling); shown as a span */
  hold(reason: string): void
  /** called when the client closes the connection */
  onClientClose(fn: () => void): void
}

export interface EventStreamWriter {
  send(fields: SseFields): void
  close(): void
  readonly closed: boolean
}
