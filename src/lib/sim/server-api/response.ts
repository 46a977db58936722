// How a lesson's server answers one HTTP request (LessonResponse) over the exchange's ResponseWriter.
import type { EventStreamWriter, ResponseWriter } from '../exchange.ts'
import type { EventStream, Headers, LessonResponse, SseEventInit } from './types.ts'

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/

/** headers as name/value pairs, in the order given; a name that is not a token or a value with a line break is the server code's error */
export function headerList(headers: Headers | undefined): Array<[string, string]> {
  return Object.entries(headers ?? {}).map(([name, value]) => {
    if (!TOKEN.test(name)) throw new Error(`"${name}" is not a valid header name (RFC 9110 §5.1)`)
    const text = String(value)
    if (/[\r\n\0]/.test(text)) throw new Error(`the value of ${name} may not contain a line break`)
    return [name, text]
  })
}

/** a final status a route may answer with */
function checkStatus(status: number): number {
  if (!Number.isInteger(status) || status < 200 || status > 599) throw new Error(`${status} is not a status a route can answer with (200–599)`)
  return status
}

/** the given headers, with a Content-Type first unless one is among them */
function withType(headers: Headers | undefined, type: string): Array<[string, string]> {
  const list = headerList(headers)
  return list.some(([n]) => n.toLowerCase() === 'content-type') ? list : [['Content-Type', type], ...list]
}

export function lessonResponse(writer: ResponseWriter): LessonResponse {
  let answered = false
  let gone = false
  writer.onClientClose(() => (gone = true))
  const once = (how: string) => {
    if (answered) throw new Error(`this request was already answered: ${how}() cannot answer it again`)
    answered = true
  }
  return {
    json(value, options) {
      const head = [checkStatus(options?.status ?? 200), withType(options?.headers, 'application/json')] as const
      const body = JSON.stringify(value)
      once('json')
      writer.respondWith(...head, body)
    },
    text(body, options) {
      const head = [checkStatus(options?.status ?? 200), withType(options?.headers, 'text/plain; charset=utf-8')] as const
      once('text')
      writer.respondWith(...head, String(body))
    },
    empty(status = 204, options) {
      const head = [checkStatus(status), headerList(options?.headers)] as const
      once('empty')
      writer.respondWith(...head, '')
    },
    stream(options) {
      const headers = headerList(options?.headers)
      once('stream')
      return eventStream(writer.eventStream(headers), writer)
    },
    hold(reason) {
      writer.hold(reason ?? 'The server holds the request open: nothing to answer yet.')
    },
    onClose(fn) {
      writer.onClientClose(fn)
    },
    get done() {
      return answered || gone
    },
  }
}

function eventStream(stream: EventStreamWriter, writer: ResponseWriter): EventStream {
  return {
    send(init: SseEventInit) {
      const data = init.data === undefined ? undefined : typeof init.data === 'string' ? init.data : JSON.stringify(init.data)
      stream.send({
        ...(init.comment !== undefined ? { comment: init.comment } : {}),
        ...(init.event !== undefined ? { event: init.event } : {}),
        ...(init.id !== undefined ? { id: String(init.id) } : {}),
        ...(init.retry !== undefined ? { retry: init.retry } : {}),
        ...(data !== undefined ? { data } : {}),
      })
    },
    comment(text = '') {
      stream.send({ comment: text })
    },
    retry(ms) {
      stream.send({ retry: ms })
    },
    raw(text) {
      stream.raw(text)
    },
    close() {
      stream.close()
    },
    onClose(fn) {
      writer.onClientClose(fn)
    },
    get closed() {
      return stream.closed
    },
  }
}
