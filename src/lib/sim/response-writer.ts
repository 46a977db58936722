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

/** a chunk of an event stream reaching the client */
export interface DeliveredChunk {
  /** the text as it crosses the wire */
  text: string
  /** its sse.event in the trace */
  seq: number
  /** the type of each event the browser dispatches when this chunk arrives, in order */
  dispatched: string[]
  /** the stream's last event id after this chunk (what a reconnection sends as Last-Event-ID) */
  lastEventId: string
  /** the reconnection time the stream has asked for so far (ms), or null */
  retry: number | null
}

/** what a simulated server uses to answer one request */
export interface ResponseWriter {
  /** the connection's name on the wire ("c3") */
  readonly conn: string
  /** answer with a complete body */
  respond(status: number, body: string, contentType?: string): void
  /** answer 200 with `Content-Type: text/event-stream` and keep the connection open */
  eventStream(headers?: ReadonlyArray<readonly [string, string]>): EventStreamWriter
  /** answer with no body at all (e.g. 204 No Content) */
  respondEmpty(status: number): void
  /** answer with any status, the server's own headers and a body */
  respondWith(status: number, headers: ReadonlyArray<readonly [string, string]>, body: string): void
  /** the server keeps the request open without answering yet (long polling); shown as a span */
  hold(reason: string): void
  /** called when the client closes the connection */
  onClientClose(fn: () => void): void
}

export interface EventStreamWriter {
  send(fields: SseFields): void
  /** text as it is on the wire: line ends, a BOM, an event split over chunks */
  raw(text: string): void
  close(): void
  readonly closed: boolean
}
