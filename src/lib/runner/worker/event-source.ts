// The learner's EventSource is the browser's own, so the real request goes through the service worker
// and msw. This subclass only (1) tags the URL with run and connection number, because a service
// worker cannot tell which worker a request came from, and (2) tells the page when the connection was
// made and when each event has been handed to the learner's code: the page holds simulated time
// until then (the barrier).
import { TAG_PARAM, type WorkerMessage } from '../protocol.ts'
import { afterMacrotask } from '../macrotask.ts'

export interface EventSourceDeps {
  Native: typeof EventSource
  runId: string
  nextConnection: () => number
  simNow: () => number
  post: (message: WorkerMessage) => void
  baseUrl: string
}

export interface LearnerEventSourceClass {
  new (url: string | URL, init?: EventSourceInit): EventSource
  /** start acknowledging events of this type on connection `conn` */
  expect(conn: number, eventType: string): void
}

export function createLearnerEventSource(deps: EventSourceDeps): LearnerEventSourceClass {
  const { Native, post } = deps
  const byConnection = new Map<number, LearnerEventSource>()

  class LearnerEventSource extends Native {
    readonly #conn: number
    readonly #url: string
    readonly #acked = new Set<string>()
    #delivered = 0
    #ackQueued = false

    constructor(url: string | URL, init?: EventSourceInit) {
      const conn = deps.nextConnection()
      const original = new URL(url, deps.baseUrl)
      const tagged = new URL(original)
      tagged.searchParams.set(TAG_PARAM, `${deps.runId}.${conn}`)
      post({ type: 'connect', conn, api: 'EventSource', t: deps.simNow(), method: 'GET', url: original.href })
      super(tagged.href, init)
      this.#conn = conn
      this.#url = original.href
      byConnection.set(conn, this)
      super.addEventListener('open', () => afterMacrotask(() => post({ type: 'response-delivered', conn })))
      super.addEventListener('error', () => afterMacrotask(() => post({ type: 'es-error', conn, readyState: this.readyState })))
      this.expectType('message')
    }

    override get url(): string {
      return this.#url
    }

    expectType(eventType: string): void {
      if (this.#acked.has(eventType)) return
      this.#acked.add(eventType)
      // registered first, so it runs before the learner's listeners; the ack waits for a macrotask so
      // that it reaches the page only after their code (and its promise chains) has run
      super.addEventListener(eventType, () => {
        ++this.#delivered
        // one ack for every event dispatched before it fires: each dispatch is its own task, so by then
        // the learner's handlers (and their promise chains) for all of them have run
        if (this.#ackQueued) return
        this.#ackQueued = true
        afterMacrotask(() => {
          this.#ackQueued = false
          post({ type: 'es-delivered', conn: this.#conn, count: this.#delivered })
        })
      })
    }

    override close(): void {
      if (this.readyState !== Native.CLOSED)
        post({ type: 'close', conn: this.#conn, t: deps.simNow(), reason: "The learner's code called close() on the EventSource" })
      super.close()
    }
  }

  return Object.assign(LearnerEventSource, {
    expect(conn: number, eventType: string) {
      byConnection.get(conn)?.expectType(eventType)
    },
  })
}
