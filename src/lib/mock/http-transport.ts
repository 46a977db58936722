// Carries one learner request (fetch or EventSource) between the browser, through msw, and the
// simulation: the real request enters the simulated wire at the time the learner's code made it, and
// the simulated response reaches the browser when simulated time says it arrives.
import { afterMacrotask } from '../crossing/macrotask.ts'
import { realNoise } from '../crossing/noise.ts'
import { connName } from '../sim/conn-name.ts'
import type { HttpExchange } from '../sim/exchange.ts'
import type { Header } from '../sim/http1.ts'
import { headerValue, isEventStreamResponse } from '../sim/mime.ts'
import { OFFSITE_PARAM, OFFSITE_PATH, TAG_HEADER, TAG_PARAM, type RunWire } from '../crossing/run-wire.ts'

const encoder = new TextEncoder()
/** statuses whose responses have no body (Fetch standard "null body status") */
const NULL_BODY = new Set([101, 103, 204, 205, 304])

export interface RunTag {
  /** the tab that owns the run: its client id at the service worker */
  tab: string
  /** "<tab>.<n>": unique over every tab */
  runId: string
  conn: number
}

/** which tab, run and connection a request belongs to, or null for requests that are not the learner's */
export function readTag(request: Request): RunTag | null {
  const value = request.headers.get(TAG_HEADER) ?? new URL(request.url).searchParams.get(TAG_PARAM)
  const match = value ? /^([0-9a-f-]{8,64})\.(\d+)\.(\d+)$/i.exec(value) : null
  return match ? { tab: match[1]!, runId: `${match[1]}.${match[2]}`, conn: Number(match[3]) } : null
}

/** the URL the learner's code asked for: a request for another origin travels to a stand-in that carries it */
export function learnerUrl(request: Request): URL {
  const url = new URL(request.url)
  const offsite = url.pathname.endsWith(`/${OFFSITE_PATH}`) ? url.searchParams.get(OFFSITE_PARAM) : null
  if (!offsite) return url
  try {
    return new URL(offsite)
  } catch {
    return url
  }
}

/** request headers as the service worker saw them (minus our tag), plus Host, which it hides (modelled) */
export function requestHeaders(request: Request, url: URL): Header[] {
  const headers: Header[] = [{ name: 'Host', value: url.host, source: 'modelled' }]
  request.headers.forEach((value, name) => {
    if (name !== TAG_HEADER) headers.push({ name: canonicalName(name), value, source: 'observed' })
  })
  return headers
}

/** header names arrive lower-cased; show them as they are usually written ("cache-control" → "Cache-Control") */
export function canonicalName(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase())
}

/** the path and query the learner's code asked for: without our run tag */
export function learnerTarget(url: URL): string {
  const clean = new URL(url)
  clean.searchParams.delete(TAG_PARAM)
  return clean.pathname + clean.search
}

/**
 * EventSource reconnects on its own real-time timer. Our streams tell the browser to retry after 5 ms of
 * real time and the simulation holds each reconnection until the logical retry has passed in simulated
 * time; the trace shows the logical `retry:` values only. (These 5 ms bytes are the one thing the
 * browser receives that the trace does not show; the inspector says so.)
 */
export const REAL_RETRY_MS = 5
const REAL_RETRY_BLOCK = `retry: ${REAL_RETRY_MS}\n\n`

/** the stream's own `retry:` lines, as the browser gets them: the real reconnection waits REAL_RETRY_MS (the trace keeps the server's value) */
export function withRealRetry(text: string): string {
  return text.replace(/^retry: ?\d+(?=\r\n|\r|\n|$)/gm, `retry: ${REAL_RETRY_MS}`)
}

/** the injected real-time noise of the test knob, before each step of the transport */
function jitter(wire: RunWire): Promise<void> {
  return realNoise(wire.noiseMs)
}

export async function answerRequest(request: Request, conn: number, wire: RunWire): Promise<Response> {
  await jitter(wire)
  const announced = await wire.announcement(conn)
  // the run is over, or the EventSource was closed: 204 also tells an EventSource not to reconnect
  if (!announced) return new Response(null, { status: 204 })
  const isEventSource = announced.api === 'EventSource'
  const url = learnerUrl(request)
  const body = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text()
  const headers = requestHeaders(request, url)
  if (isEventSource && announced.attempt > 1 && announced.lastEventId !== '') {
    headers.push({ name: 'Last-Event-ID', value: announced.lastEventId, source: 'reconstructed' })
  }
  // the simulated browser's cookies for the site (RFC 6265 §5.4): the real request carries none of them,
  // and a service worker never sees a Cookie header anyway, so it is modelled (fetch's credentials: 'omit' sends none)
  const cookie = url.host === wire.sim.host && request.credentials !== 'omit' ? wire.sim.cookies.header(learnerTarget(url), announced.sentAt, false) : ''
  if (cookie) headers.push({ name: 'Cookie', value: cookie, source: 'modelled' })
  const exchange = wire.sim.receive({
    key: conn,
    sentAt: announced.sentAt,
    method: request.method,
    host: url.host,
    target: learnerTarget(url),
    headers,
    api: announced.api,
    attempt: announced.attempt,
    ...(body ? { body } : {}),
  })
  const id = connName(conn)
  // every crossing is held at the simulated instant it happens, in the simulation's order; its bytes
  // travel later, when it is their turn (crossing/crossings.ts)
  const streamed = new StreamedBody(exchange, conn, isEventSource, wire)
  wire.crossings.requestArrived(id)
  const head = await exchange.responseHead
  await jitter(wire)
  if (!head) return Response.error()
  await wire.crossings.headsTurn(id)
  if (head.networkError) return Response.error()
  const init = { status: head.status, headers: responseHeaders(head.headers) }
  if (NULL_BODY.has(head.status)) return new Response(null, init)
  if (head.body !== null) return new Response(head.body, init)
  return new Response(streamed.stream(), init)
}

/**
 * The chunks and the end of a streamed response, from the instant the simulation delivers them: each
 * holds simulated time at once, then waits for its turn and travels to the browser in order.
 */
class StreamedBody {
  /** one chain per stream keeps the order of writes: an event must never be overtaken by a later one or by the close */
  private chain = Promise.resolve()
  private readonly parts: Array<Uint8Array | 'end'> = []
  private controller: ReadableStreamDefaultController<Uint8Array> | null = null
  /** the response streams (not a network error, not a complete body) */
  private streaming = false

  constructor(exchange: HttpExchange, conn: number, isEventSource: boolean, wire: RunWire) {
    const id = connName(conn)
    exchange.onHeadDelivered((head) => {
      wire.crossings.headDelivered(id)
      this.streaming = !head.networkError && head.body === null && !NULL_BODY.has(head.status)
      // an EventSource treats a network error like a dropped stream: it reconnects
      if (isEventSource && head.networkError) wire.streamEnded(conn)
      // anything but 200 with the MIME type text/event-stream (its essence: case and parameters do not
      // matter) makes a browser fail the EventSource for good (WHATWG HTML §9.2.3)
      else if (isEventSource && !isEventStreamResponse(head.status, headerValue(head.headers, 'Content-Type'))) wire.streamFailed(conn)
    })
    exchange.onChunk((chunk) => {
      const bytes = encoder.encode(withRealRetry(chunk.text))
      // every event this chunk makes the browser dispatch holds time until the learner's handlers ran
      const numbers = wire.sseDelivered(conn, chunk)
      chunk.dispatched.forEach((type, i) => {
        const n = numbers[i]
        if (n === undefined) return
        wire.crossings.eventDelivered(id, n)
        this.then(() => wire.expectSseType(conn, type))
      })
      const first = numbers[0]
      if (first !== undefined) this.then(() => wire.crossings.eventsTurn(id, first))
      this.then(() => jitter(wire))
      this.then(() => this.write(bytes))
    })
    exchange.onEnd(() => {
      if (!this.streaming) return
      if (isEventSource && exchange.endedByServer) {
        wire.streamEnded(conn)
        this.then(() => wire.crossings.endsTurn(id))
      }
      this.then(() => this.write('end'))
    })
  }

  stream(): ReadableStream<Uint8Array> {
    return new ReadableStream<Uint8Array>({
      start: (controller) => {
        controller.enqueue(encoder.encode(REAL_RETRY_BLOCK))
        this.controller = controller
        this.flush()
      },
    })
  }

  private then(step: () => unknown): void {
    this.chain = this.chain.then(step).then(
      () => undefined,
      () => undefined,
    )
  }

  // Blocks written in one burst travel to the browser as one real chunk: every chunk is a message to the
  // service worker, and a catch-up replay of 1000 events was four times slower one by one. The trace
  // still shows each block as its own HTTP chunk; the EventSource dispatches each event as its own task
  // either way.
  private write(part: Uint8Array | 'end'): void {
    this.parts.push(part)
    if (part === 'end') this.flush()
    else if (this.parts.length === 1) afterMacrotask(() => this.flush())
  }

  private flush(): void {
    const controller = this.controller
    if (!controller || this.parts.length === 0) return
    const parts = this.parts.splice(0)
    const ends = parts.at(-1) === 'end'
    const bytes = parts.filter((p): p is Uint8Array => p !== 'end')
    try {
      if (bytes.length > 0) controller.enqueue(bytes.length === 1 ? bytes[0]! : concat(bytes))
      if (ends) controller.close()
    } catch {
      // the learner's code closed the stream meanwhile
    }
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}

/** what the framing of the real response decides (its length, chunking, the connection), not the server's head */
const FRAMING = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive'])

/**
 * The simulated server's headers, for the learner's code to read (`Retry-After`, `Location`, its own
 * `X-…`): all but the framing ones. `Cache-Control: no-cache` unless the server chose one, so the
 * browser never answers a poll from its cache.
 */
export function responseHeaders(headers: ReadonlyArray<{ name: string; value: string }>): Headers {
  const out = new Headers()
  for (const { name, value } of headers) if (!FRAMING.has(name.toLowerCase())) out.append(name, value)
  if (!out.has('cache-control')) out.set('Cache-Control', 'no-cache')
  return out
}
