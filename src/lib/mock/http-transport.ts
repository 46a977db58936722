// Carries one learner request (fetch or EventSource) between the browser, through msw, and the
// simulation: the real request enters the simulated wire at the time the learner's code made it, and
// the simulated response reaches the browser when simulated time says it arrives.
import type { Header } from '../sim/http1.ts'
import { crossing, TAG_HEADER, TAG_PARAM, type RunWire } from './run-wire.ts'

const encoder = new TextEncoder()
/** statuses whose responses have no body (Fetch standard "null body status") */
const NULL_BODY = new Set([101, 103, 204, 205, 304])

export interface RunTag {
  runId: string
  conn: number
}

/** which run and connection a request belongs to, or null for requests that are not the learner's */
export function readTag(request: Request): RunTag | null {
  const value = request.headers.get(TAG_HEADER) ?? new URL(request.url).searchParams.get(TAG_PARAM)
  const match = value ? /^([\w-]+)\.(\d+)$/.exec(value) : null
  return match ? { runId: match[1]!, conn: Number(match[2]) } : null
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

export async function answerRequest(request: Request, conn: number, wire: RunWire): Promise<Response> {
  const announced = await wire.announcement(conn)
  // the run is over: 204 also tells an EventSource not to reconnect
  if (!announced) return new Response(null, { status: 204 })
  const url = new URL(request.url)
  const body = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text()
  const exchange = wire.sim.receive({
    key: conn, sentAt: announced.sentAt, method: request.method, host: url.host, target: learnerTarget(url),
    headers: requestHeaders(request, url), api: announced.api, ...(body ? { body } : {}),
  })
  const id = exchange.conn
  wire.barrier.done(crossing.request(id))
  const head = await exchange.responseHead
  if (!head || head.networkError) return Response.error()
  wire.barrier.hold(crossing.head(id))
  const contentType = head.headers.find((h) => h.name === 'Content-Type')?.value
  const init = { status: head.status, headers: { ...(contentType ? { 'Content-Type': contentType } : {}), 'Cache-Control': 'no-cache' } }
  if (NULL_BODY.has(head.status)) return new Response(null, init)
  if (head.body !== null) return new Response(head.body, init)

  let delivered = 0
  // one chain per stream keeps the order of writes: an event must never be overtaken by a later one or by the close
  let chain = Promise.resolve()
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      exchange.onChunk((chunk) => {
        const bytes = encoder.encode(chunk.text)
        const type = chunk.dispatches
        if (type !== null) {
          wire.barrier.hold(crossing.event(id, ++delivered))
          chain = chain.then(() => wire.expectSseType(conn, type))
        }
        chain = chain.then(() => controller.enqueue(bytes)).catch(() => undefined)
      })
      exchange.onEnd(() => {
        chain = chain.then(() => controller.close()).catch(() => undefined)
      })
    },
  })
  return new Response(stream, init)
}
