// Carries one EventSource connection between the browser (through msw) and the simulation: the real
// request enters the simulated wire at the time the learner's code made it, and the simulated
// response reaches the browser when simulated time says it arrives.
import type { Header } from '../sim/http1.ts'
import { crossing, type RunWire } from './run-wire.ts'

const encoder = new TextEncoder()

/** request headers as the service worker saw them, plus Host, which it hides (modelled) */
export function requestHeaders(request: Request, url: URL): Header[] {
  const headers: Header[] = [{ name: 'Host', value: url.host, source: 'modelled' }]
  request.headers.forEach((value, name) => {
    headers.push({ name: canonicalName(name), value, source: 'observed' })
  })
  return headers
}

/** header names arrive lower-cased; show them as they are usually written ("cache-control" → "Cache-Control") */
export function canonicalName(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase())
}

/** the path and query the learner's code asked for: without our run tag */
export function learnerTarget(url: URL, tagParam: string): string {
  const clean = new URL(url)
  clean.searchParams.delete(tagParam)
  return clean.pathname + clean.search
}

export async function answerEventSource(request: Request, conn: number, wire: RunWire, tagParam: string): Promise<Response> {
  const announced = await wire.announcement(conn)
  if (!announced) return new Response(null, { status: 204 }) // the run is over: 204 tells the EventSource not to reconnect
  const url = new URL(request.url)
  const exchange = wire.sim.receive({
    key: conn, sentAt: announced.sentAt, method: request.method, target: learnerTarget(url, tagParam), headers: requestHeaders(request, url), api: 'EventSource',
  })
  const id = exchange.conn
  wire.barrier.done(crossing.request(id))
  const head = await exchange.responseHead
  if (!head) return Response.error()
  wire.barrier.hold(crossing.head(id))
  const contentType = head.headers.find((h) => h.name === 'Content-Type')?.value ?? 'text/plain'
  const init = { status: head.status, headers: { 'Content-Type': contentType, 'Cache-Control': 'no-cache' } }
  if (head.body !== null) return new Response(head.body, init)

  let delivered = 0
  // one chain per stream keeps the order of writes: an event must never be overtaken by a later one or by the close
  let chain = Promise.resolve()
  const body = new ReadableStream<Uint8Array>({
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
  return new Response(body, init)
}
