// How a lesson's server answers one HTTP request (LessonResponse) over the exchange's ResponseWriter.
import type { EventStreamWriter, ResponseWriter } from '../exchange.ts'
import type { EventStream, Headers, LessonResponse, SseEventInit } from './types.ts'

/** headers as name/value pairs, in the order given */
export function headerList(headers: Headers | undefined): Array<[string, string]> {
  return Object.entries(headers ?? {}).map(([name, value]) => [name, String(value)])
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
      once('json')
      writer.respondWith(options?.status ?? 200, withType(options?.headers, 'application/json'), JSON.stringify(value))
    },
    text(body, options) {
      once('text')
      writer.respondWith(options?.status ?? 200, withType(options?.headers, 'text/plain; charset=utf-8'), String(body))
    },
    empty(status = 204, options) {
      once('empty')
      writer.respondWith(status, headerList(options?.headers), '')
    },
    stream(options) {
      once('stream')
      return eventStream(writer.eventStream(headerList(options?.headers)), writer)
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
