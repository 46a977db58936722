// The learner's fetch is the browser's own (through the service worker and msw). This wrapper tags the
// request, tells the page when it was sent and when its response reached the learner's code, turns an
// abort into a close on the simulated wire, and buffers the body so that json() / text() settle in
// microtasks: a native body read takes real macrotasks, which would let simulated time slip.
import { TAG_HEADER, type WorkerMessage } from '../protocol.ts'
import { afterMacrotask } from '../../crossing/macrotask.ts'
import { toWire } from './wire-url.ts'
import { handling } from './cause.ts'

export interface FetchDeps {
  native: typeof fetch
  runId: string
  nextConnection: () => number
  simNow: () => number
  post: (message: WorkerMessage) => void
  /** the lesson page's address: relative URLs resolve against it */
  baseUrl: string
}

/** statuses whose responses have no body (Fetch standard "null body status") */
const NULL_BODY = new Set([101, 103, 204, 205, 304])

export function createLearnerFetch(deps: FetchDeps): typeof fetch {
  return async function fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const request = new Request(input instanceof URL ? input.href : typeof input === 'string' ? new URL(input, deps.baseUrl).href : input, init)
    const conn = deps.nextConnection()
    deps.post({ type: 'connect', conn, api: 'fetch', t: deps.simNow(), method: request.method, url: request.url })
    const signal = request.signal
    const onAbort = () => deps.post({ type: 'close', conn, t: deps.simNow(), reason: "The learner's code aborted the request" })
    if (signal.aborted) onAbort()
    else signal.addEventListener('abort', onAbort, { once: true })
    const headers = new Headers(request.headers)
    headers.set(TAG_HEADER, `${deps.runId}.${conn}`)
    const wireUrl = toWire(new URL(request.url), deps.baseUrl)
    // a request for another origin never leaves: its stand-in carries the URL, no body (see wire-url.ts)
    const onWire = wireUrl === request.url ? new Request(request, { headers, signal }) : new Request(wireUrl, { headers, signal })
    try {
      const response = await deps.native(onWire)
      const body = NULL_BODY.has(response.status) ? null : new Uint8Array(await response.arrayBuffer())
      // from here the learner's code handles this response (its await continues in this very task)
      handling({ kind: 'fetch', conn })
      return bufferedResponse(response, body, conn)
    } catch (error) {
      // a failed request is handled too: the learner's catch runs on it
      handling({ kind: 'fetch', conn })
      throw error
    } finally {
      signal.removeEventListener('abort', onAbort)
      afterMacrotask(() => deps.post({ type: 'response-delivered', conn }))
    }
  }
}

function bufferedResponse(original: Response, body: Uint8Array | null, conn: number): Response {
  const copy = new Response(body as BodyInit | null, { status: original.status, statusText: original.statusText, headers: original.headers })
  Object.defineProperties(copy, { url: { value: original.url }, redirected: { value: original.redirected }, type: { value: original.type } })
  if (!body) return copy
  let used = false
  const read = <T>(produce: () => T): Promise<T> => {
    if (used) return Promise.reject(new TypeError("Failed to execute 'read' on 'Response': body stream already read"))
    used = true
    handling({ kind: 'fetch', conn })
    try {
      return Promise.resolve(produce())
    } catch (error) {
      return Promise.reject(error)
    }
  }
  const text = () => new TextDecoder().decode(body)
  Object.defineProperties(copy, {
    bodyUsed: { get: () => used },
    text: { value: () => read(text) },
    json: { value: () => read(() => JSON.parse(text()) as unknown) },
    arrayBuffer: { value: () => read(() => body.slice().buffer) },
    bytes: { value: () => read(() => body.slice()) },
    blob: { value: () => read(() => new Blob([body.slice()], { type: original.headers.get('content-type') ?? '' })) },
    clone: { value: () => bufferedResponse(original, body, conn) },
  })
  return copy
}
