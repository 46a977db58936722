// The learner's WebSocket: the browser API's shape and rules (WHATWG WebSockets standard), carried
// over postMessage to the page, which connects it to the simulated server. Events are dispatched when
// the page says they arrived, then acknowledged after the learner's listeners ran.
import type { PageToWorker, WorkerMessage } from '../protocol.ts'
import { afterMacrotask } from '../../crossing/macrotask.ts'
import { handling } from './cause.ts'

export interface WebSocketDeps {
  nextConnection: () => number
  simNow: () => number
  post: (message: WorkerMessage) => void
  baseUrl: string
}

export interface LearnerWebSocketClass {
  new (url: string | URL, protocols?: string | string[]): EventTarget
  /** the page delivers an event for connection `conn` */
  dispatch(message: Extract<PageToWorker, { type: 'ws-event' }>): void
}

const encoder = new TextEncoder()

export function createLearnerWebSocket(deps: WebSocketDeps): LearnerWebSocketClass {
  const sockets = new Map<number, LearnerWebSocket>()

  class LearnerWebSocket extends EventTarget {
    static readonly CONNECTING = 0
    static readonly OPEN = 1
    static readonly CLOSING = 2
    static readonly CLOSED = 3
    readonly CONNECTING = 0
    readonly OPEN = 1
    readonly CLOSING = 2
    readonly CLOSED = 3
    readonly url: string
    readyState = 0
    protocol = ''
    readonly extensions = ''
    bufferedAmount = 0
    binaryType: BinaryType = 'blob'
    onopen: ((e: Event) => unknown) | null = null
    onmessage: ((e: MessageEvent) => unknown) | null = null
    onerror: ((e: Event) => unknown) | null = null
    onclose: ((e: CloseEvent) => unknown) | null = null
    readonly #conn: number

    constructor(url: string | URL, protocols: string | string[] = []) {
      super()
      const parsed = new URL(url, deps.baseUrl)
      if (parsed.protocol === 'http:') parsed.protocol = 'ws:'
      else if (parsed.protocol === 'https:') parsed.protocol = 'wss:'
      if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:')
        throw new DOMException(
          `Failed to construct 'WebSocket': The URL's scheme must be either 'http', 'https', 'ws', or 'wss'. '${parsed.protocol}' is not allowed.`,
          'SyntaxError',
        )
      if (parsed.hash)
        throw new DOMException(
          `Failed to construct 'WebSocket': The URL contains a fragment identifier ('${parsed.hash}'). Fragment identifiers are not allowed in WebSocket URLs.`,
          'SyntaxError',
        )
      const list = typeof protocols === 'string' ? [protocols] : [...protocols]
      if (new Set(list).size !== list.length)
        throw new DOMException(`Failed to construct 'WebSocket': The subprotocol '${list.find((p, i) => list.indexOf(p) !== i)}' is duplicated.`, 'SyntaxError')
      this.url = parsed.href
      this.#conn = deps.nextConnection()
      sockets.set(this.#conn, this)
      for (const type of ['open', 'message', 'error', 'close'] as const) {
        super.addEventListener(type, (e) => (this[`on${type}`] as ((e: Event) => unknown) | null)?.call(this, e))
      }
      deps.post({ type: 'ws-connect', conn: this.#conn, t: deps.simNow(), url: this.url, protocols: list })
    }

    send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      if (this.readyState === 0) throw new DOMException("Failed to execute 'send' on 'WebSocket': Still in CONNECTING state.", 'InvalidStateError')
      const payload = typeof data === 'string' ? data : toArrayBuffer(data)
      const size = typeof payload === 'string' ? encoder.encode(payload).length : payload.byteLength
      // after close() the data is discarded, but bufferedAmount still grows (as in browsers)
      if (this.readyState !== 1) {
        this.bufferedAmount += size
        return
      }
      deps.post({ type: 'ws-send', conn: this.#conn, t: deps.simNow(), data: payload })
    }

    close(code?: number, reason = ''): void {
      if (code !== undefined && code !== 1000 && (code < 3000 || code > 4999)) {
        throw new DOMException(
          `Failed to execute 'close' on 'WebSocket': The close code must be either 1000, or between 3000 and 4999. ${code} is neither.`,
          'InvalidAccessError',
        )
      }
      if (encoder.encode(reason).length > 123)
        throw new DOMException("Failed to execute 'close' on 'WebSocket': The close reason must not be greater than 123 UTF-8 bytes.", 'SyntaxError')
      if (this.readyState >= 2) return
      this.readyState = 2
      deps.post({ type: 'ws-close', conn: this.#conn, t: deps.simNow(), ...(code === undefined ? {} : { code }), reason })
    }

    handle(m: Extract<PageToWorker, { type: 'ws-event' }>): void {
      switch (m.event) {
        case 'open':
          this.readyState = 1
          this.protocol = m.protocol
          this.dispatchEvent(new Event('open'))
          break
        case 'message': {
          const data = typeof m.data === 'string' ? m.data : this.binaryType === 'arraybuffer' ? m.data : new Blob([m.data])
          this.dispatchEvent(new MessageEvent('message', { data, origin: new URL(this.url).origin }))
          break
        }
        case 'error':
          this.dispatchEvent(new Event('error'))
          break
        case 'close':
          this.readyState = 3
          sockets.delete(this.#conn)
          this.dispatchEvent(new CloseEvent('close', { code: m.code, reason: m.reason, wasClean: m.wasClean }))
          break
      }
    }
  }

  return Object.assign(LearnerWebSocket, {
    dispatch(m: Extract<PageToWorker, { type: 'ws-event' }>) {
      handling({ kind: 'ws-event', conn: m.conn, n: m.n })
      sockets.get(m.conn)?.handle(m)
      afterMacrotask(() => deps.post({ type: 'ws-ack', conn: m.conn, n: m.n }))
    },
  })
}

function toArrayBuffer(data: ArrayBufferLike | Blob | ArrayBufferView): ArrayBuffer {
  if (data instanceof Blob) return new FileReaderSync().readAsArrayBuffer(data)
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice().buffer
  return new Uint8Array(data).slice().buffer
}

declare class FileReaderSync {
  readAsArrayBuffer(blob: Blob): ArrayBuffer
}
