// What the inspector says about wire bytes: visible escapes, an explanation of each event-stream line
// (WHATWG HTML §9.2.6), and the notes under an HTTP head. Plain functions, so the texts are unit-tested.
import { SseParser, type SseLine } from '../../sim/sse.ts'
import { chunkFraming, utf8Length } from '../../sim/http1.ts'
import type { HttpRequestEvent, HttpResponseEvent } from '../../sim/trace.ts'
import { WEBSOCKET_GUID } from '../../sim/websocket-constants.ts'
import { formatSimTime } from '../../sim/clock.ts'
import { extractMimeEssence, headerValue, isEventStreamResponse } from '../../sim/mime.ts'

/** the text as a string literal would write it: CR and LF visible */
export function escapeWire(text: string): string {
  return text.replace(/\r/g, '\\r').replace(/\n/g, '\\n')
}

export interface ExplainedLine {
  raw: string
  meaning: string
}

/** each line of one event-stream block, with what a browser's EventSource does with it */
export function explainSse(wire: string): ExplainedLine[] {
  const parser = new SseParser()
  parser.push(wire)
  let hadId = false
  return parser.lines.map((line) => {
    if (line.kind === 'blank') {
      const had = hadId
      hadId = false
      return { raw: '', meaning: blankMeaning(line.dispatched ?? null, had) }
    }
    if (line.kind === 'comment') return { raw: line.raw, meaning: 'comment: ignored by the browser (often a heartbeat that keeps the connection alive)' }
    if (line.name === 'id' && line.used) hadId = true
    return { raw: line.raw, meaning: fieldMeaning(line) }
  })
}

function blankMeaning(dispatched: string | null, hadId: boolean): string {
  if (dispatched === null)
    return `blank line: ends the block. It had no data line, so the browser dispatches no event${hadId ? ' (its id still becomes the last event id)' : ''}.`
  return dispatched === 'message'
    ? 'blank line: ends the block, which had data: the browser dispatches a "message" event now (onmessage receives it).'
    : `blank line: ends the block, which had data: the browser dispatches a "${dispatched}" event now. Only addEventListener("${dispatched}", …) receives it, not onmessage.`
}

function fieldMeaning(line: SseLine): string {
  const value = line.value ?? ''
  switch (line.name) {
    case 'id':
      if (!line.used) return 'ignored: an id containing U+0000 NULL is not used'
      return value === ''
        ? 'an empty id resets the last event id: a reconnection after this sends no Last-Event-ID header'
        : `sets the last event id to "${value}"; when the browser reconnects it sends it back as Last-Event-ID`
    case 'event':
      return value === ''
        ? 'an empty event type: the event is a "message"'
        : `names the event type "${value}": only addEventListener("${value}", …) receives it, not onmessage`
    case 'data':
      return 'one line of the payload; several data lines are joined with "\\n"'
    case 'retry':
      return line.used
        ? `sets the reconnection time to ${value} ms: how long the browser waits before reconnecting`
        : 'ignored: a retry value must be ASCII digits only'
    default:
      return `ignored: "${line.name}" is not a field browsers know`
  }
}

/** how one SSE block travels inside a chunked HTTP/1.1 body */
export function chunkDescription(wire: string): { size: number; prefix: string; total: number } {
  const size = utf8Length(wire)
  const { prefix, suffix } = chunkFraming(size)
  return { size, prefix: escapeWire(prefix), total: prefix.length + size + suffix.length }
}

/** the note under a request or response head: where its headers come from (null: all observed), and what the simulated browser does with cookies */
export function headNote(event: HttpRequestEvent | HttpResponseEvent): string | null {
  const note = headersNote(event)
  const cookies = cookieNote(event)
  return note && cookies ? `${note} ${cookies}` : (note ?? cookies)
}

/** Cookie and Set-Cookie come from and go to the simulated browser's cookies for the site (sim/cookie-jar.ts), never the real browser's */
function cookieNote(event: HttpRequestEvent | HttpResponseEvent): string | null {
  const has = (name: string) => event.headers.some((h) => h.name.toLowerCase() === name)
  if (event.kind === 'http.request' && has('cookie'))
    return (
      "Cookie: the simulated browser's cookies for this site (the lesson's and what the server set), in RFC 6265 §5.4's order; a page of " +
      'another site sends only SameSite=None ones. Your real browser sends none of them.'
    )
  if (event.kind === 'http.response' && has('set-cookie'))
    return (
      'Set-Cookie: the simulated browser keeps this cookie once the answer arrives and sends it with later requests to the site (RFC 6265 §5.3). ' +
      'Your real browser does not: an answer from a service worker cannot set cookies.'
    )
  return null
}

function headersNote(event: HttpRequestEvent | HttpResponseEvent): string | null {
  const modelled = event.headers.filter((h) => h.source === 'modelled').map((h) => h.name)
  if (event.kind === 'http.request' && event.api === 'WebSocket')
    return (
      "Browsers never show the WebSocket handshake to pages or service workers: this is what RFC 6455 has the browser send, with the key drawn from the run's " +
      'seed. (Chromium adds a few more headers, such as User-Agent and an offer of permessage-deflate compression, which this server declines.)'
    )
  if (modelled.length === 0) return null
  if (event.kind === 'http.response')
    return (
      'The server sends this head on the real wire. Browsers never show a WebSocket handshake to pages or service workers, so Wirelab shows what ' +
      `RFC 6455 (§4.2.2) has the server send${event.status === 101 ? ': the 101 with Upgrade, Connection and Sec-WebSocket-Accept' : ''}.`
    )
  const one = modelled.length === 1
  return (
    `Modelled: ${modelled.join(', ')} — browsers send ${one ? 'this header' : 'these headers'} on the real wire, but hide ${one ? 'it' : 'them'} ` +
    'from service workers, so Wirelab shows what would be sent rather than what was seen. The other headers were observed.'
  )
}

/** under a fetch request: what its connection id means (RFC 6202 §2.2, HTTP/1.1 persistent connections) */
export function connectionNote(event: HttpRequestEvent): string | null {
  if (event.api !== 'fetch' || event.stream !== undefined) return null
  return (
    `Wirelab shows each request as its own exchange, with its own id (${event.conn}). A browser usually sends the next request on the same ` +
    'kept-alive TCP connection (HTTP/1.1 persistent connections), so a poll costs a whole request and response, not a new connection.'
  )
}

/** HTTP/2 (the request of this exchange has a stream id): what the bytes shown are, and what is really sent */
export function http2Note(request: HttpRequestEvent | undefined, kind: 'request' | 'response'): string | null {
  if (request?.stream === undefined) return null
  const what =
    kind === 'request'
      ? 'a HEADERS frame (the head compressed with HPACK, with :method, :path, :scheme and :authority instead of the request line and Host)'
      : 'a HEADERS frame (the head compressed with HPACK, :status instead of the status line), and the body as DATA frames: no chunked encoding'
  return (
    `HTTP/2: this exchange is stream ${request.stream} of the one connection to the server (RFC 9113), and really travels as ${what}. ` +
    'Wirelab shows it in its HTTP/1.1 form, easier to read, and counts its bytes that way too.'
  )
}

/** under a request that waited for a connection */
export function queuedNote(request: HttpRequestEvent): string | null {
  if (request.queuedAt === undefined) return null
  return (
    `The code made this request at ${formatSimTime(request.queuedAt)}, but every connection the browser may open to the server was busy: it waited ` +
    `${formatSimTime(request.t - request.queuedAt)} for one to be free (Chrome DevTools calls this time "Queueing" or "Stalled"), and the server heard nothing meanwhile.`
  )
}

/** a sentence with parts shown as code */
export type TextPart = string | { code: string }

/** RFC 6455 §4.2.2: how the server turns the client's key into Sec-WebSocket-Accept, with this run's values */
export function acceptSteps(key: string | null, accept: string | null): TextPart[][] {
  return [
    key
      ? ["Take the client's ", { code: 'Sec-WebSocket-Key' }, ' from the request: ', { code: key }, '.']
      : ["Take the client's ", { code: 'Sec-WebSocket-Key' }, ' from the request.'],
    key
      ? ['Append the fixed GUID ', { code: WEBSOCKET_GUID }, ': ', { code: key + WEBSOCKET_GUID }, '.']
      : ['Append the fixed GUID ', { code: WEBSOCKET_GUID }, '.'],
    ['Hash the result with SHA-1 (20 bytes).'],
    [
      'Encode the hash in base64: ',
      { code: accept ?? '(no Sec-WebSocket-Accept header)' },
      '. The browser computes the same value and checks it, proving the server understood the WebSocket handshake.',
    ],
  ]
}

/** the parts as plain text */
export const plainText = (parts: readonly TextPart[]): string => parts.map((p) => (typeof p === 'string' ? p : p.code)).join('')

/**
 * Under the answer to an EventSource's request that the browser does not take as a stream: why it
 * fails for good (WHATWG HTML §9.2.3, "fail the connection": no reconnection, unlike a dropped stream).
 */
export function eventStreamRefusal(response: HttpResponseEvent, request: HttpRequestEvent | undefined): string | null {
  if (request?.api !== 'EventSource') return null
  const contentType = headerValue(response.headers, 'Content-Type')
  if (isEventStreamResponse(response.status, contentType)) return null
  const essence = extractMimeEssence(contentType)
  const wrong =
    response.status !== 200
      ? `its status is ${response.status}, not 200`
      : contentType === null
        ? 'it has no Content-Type'
        : essence === null
          ? `its Content-Type "${contentType}" is not a MIME type`
          : `its Content-Type is ${essence}, not text/event-stream (only parameters and letter case may differ)`
  return (
    `An EventSource takes a response as its stream only if it is 200 with the MIME type text/event-stream; ${wrong}. ` +
    'So the browser fails the EventSource for good: it fires error, readyState becomes CLOSED (2), and it does not reconnect (WHATWG HTML §9.2.3).'
  )
}
