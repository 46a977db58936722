// What the lab's reference clients put on the wire, and how many bytes each message takes. The sizes
// are computed with the simulation's own writers (http1.ts, sse.ts, websocket.ts), so the model at
// scale and a trace of the live simulation can never disagree about a byte.
import { chunkedLength, formatRequestHead, formatResponseHead, utf8Length, type Header } from '../http1.ts'
import { encodeSseEvent } from '../sse.ts'

/** the host the lab's simulated clients talk to */
export const LAB_HOST = 'localhost'

export const FEED_PATHS = {
  poll: '/api/feed',
  wait: '/api/feed/wait',
  stream: '/api/feed/stream',
  send: '/api/feed/send',
  socket: '/feed',
} as const

const observed = (name: string, value: string): Header => ({ name, value, source: 'observed' })
const host: Header = { name: 'Host', value: LAB_HOST, source: 'modelled' }

/** a fetch() GET, as the service worker sees it, with Host */
export const GET_HEADERS: readonly Header[] = [host, observed('Accept', '*/*')]
/** an EventSource's request (its reconnections add Last-Event-ID) */
export const STREAM_HEADERS: readonly Header[] = [host, observed('Accept', 'text/event-stream')]
/** a fetch() POST of JSON */
export function postHeaders(body: string): Header[] {
  return [host, observed('Accept', '*/*'), observed('Content-Type', 'application/json'), observed('Content-Length', String(utf8Length(body)))]
}
export function lastEventIdHeader(id: string): Header {
  return { name: 'Last-Event-ID', value: id, source: 'reconstructed' }
}

export const pollTarget = (since: number) => `${FEED_PATHS.poll}?since=${since}`
export const waitTarget = (since: number) => `${FEED_PATHS.wait}?since=${since}`
export const STREAM_TARGET = `${FEED_PATHS.stream}?since=0`
export const socketTarget = (since: number) => `${FEED_PATHS.socket}?since=${since}`

/** the body a poll is answered with: every update newer than `since`, and the id to ask from next */
export function pollBody(jsons: readonly string[], last: number): string {
  return `{"messages":[${jsons.join(',')}],"last":${last}}`
}

export const digits = (n: number) => (n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : n < 10_000 ? 4 : n < 100_000 ? 5 : String(n).length)
/** any IMF-fixdate is this long ("Thu, 15 Jan 2026 19:30:00 GMT") */
const DATE: Header = { name: 'Date', value: 'Thu, 01 Jan 1970 00:00:00 GMT', source: 'observed' }

function head(status: number, fields: Array<[string, string]>): number {
  return formatResponseHead(status, [DATE, ...fields.map(([name, value]) => observed(name, value))]).length
}

/** byte counts the model needs, each computed once with the real writers */
export class WireSizes {
  private readonly getBase = formatRequestHead('GET', '', GET_HEADERS).length
  private readonly jsonHeadBase = head(200, [
    ['Content-Type', 'application/json'],
    ['Content-Length', ''],
  ])
  private readonly postBase = formatRequestHead('POST', FEED_PATHS.send, postHeaders('')).length - 1
  /** `204 No Content` with only a Date */
  readonly emptyHead = head(204, [])
  /** the proxy's `504 Gateway Timeout`: head and body */
  readonly gatewayTimeout = {
    head: head(504, [
      ['Content-Type', 'text/plain'],
      ['Content-Length', '15'],
    ]),
    body: 'Gateway Timeout'.length,
  }
  /** the head of an event stream */
  readonly streamHead = head(200, [
    ['Content-Type', 'text/event-stream'],
    ['Cache-Control', 'no-cache'],
    ['Transfer-Encoding', 'chunked'],
  ])
  /** the last chunk that ends a chunked body ("0\r\n\r\n") */
  readonly lastChunk = 5

  /** a GET for `target` */
  getHead(target: string): number {
    return this.getBase + target.length
  }

  /** a short poll from `since` (without building its target) */
  getPollHead(since: number): number {
    return this.getBase + FEED_PATHS.poll.length + 7 + digits(since)
  }

  /** a long poll from `since` */
  getWaitHead(since: number): number {
    return this.getBase + FEED_PATHS.wait.length + 7 + digits(since)
  }

  /** an EventSource's request; `lastEventId` when it reconnects */
  streamRequestHead(lastEventId: string): number {
    const headers = lastEventId === '' ? STREAM_HEADERS : [...STREAM_HEADERS, lastEventIdHeader(lastEventId)]
    return formatRequestHead('GET', STREAM_TARGET, headers).length
  }

  /** a POST head carrying a body of `bodyBytes` */
  postHead(bodyBytes: number): number {
    return this.postBase + digits(bodyBytes)
  }

  /** the head of a 200 with a JSON body of `bodyBytes` */
  jsonHead(bodyBytes: number): number {
    return this.jsonHeadBase + digits(bodyBytes)
  }

  /** one update on an event stream (chunk framing included), and its data's bytes */
  sseEvent(id: number, json: string): { bytes: number; payload: number } {
    return { bytes: chunkedLength(encodeSseEvent({ id: String(id), data: json })), payload: utf8Length(json) }
  }

  /** the opening handshake of a WebSocket to `target`: request and 101 response heads */
  wsHandshake(target: string): { request: number; response: number } {
    const m = (name: string, value: string): Header => ({ name, value, source: 'modelled' })
    const request = formatRequestHead('GET', target, [
      m('Host', LAB_HOST),
      m('Upgrade', 'websocket'),
      m('Connection', 'Upgrade'),
      m('Sec-WebSocket-Key', 'x'.repeat(24)),
      m('Sec-WebSocket-Version', '13'),
      m('Origin', `http://${LAB_HOST}`),
    ]).length
    const response = formatResponseHead(101, [DATE, m('Upgrade', 'websocket'), m('Connection', 'Upgrade'), m('Sec-WebSocket-Accept', 'x'.repeat(28))]).length
    return { request, response }
  }
}

/** RFC 6455 §5.2: 2 bytes, 2 or 8 more for a payload of 126 bytes or more, 4 for a client's mask */
export function wsFrameOverhead(payloadBytes: number, masked: boolean): number {
  return 2 + (payloadBytes < 126 ? 0 : payloadBytes < 65536 ? 2 : 8) + (masked ? 4 : 0)
}

/** the id a poll body, an SSE event or a WebSocket message carries (the lab's messages are JSON with an id) */
export function updateIds(body: string): number[] {
  return [...body.matchAll(/"id":(\d+)/g)].map((m) => Number(m[1]))
}
