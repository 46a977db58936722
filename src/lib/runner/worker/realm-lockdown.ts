// The learner realm keeps to the simulation. Its network APIs are the browser's own, wrapped (fetch,
// EventSource) or bridged (WebSocket); every other way out of the worker is removed here, before the
// learner's code runs: XMLHttpRequest, nested workers, WebTransport, BroadcastChannel, and storage at
// the app's origin (IndexedDB, CacheStorage, the origin private file system). The service worker
// refuses untagged requests from this worker and the page's Content-Security-Policy (inherited by this
// blob-URL worker) blocks other origins, so a way around these wrappers still reaches nothing.

/** what the wrappers need from the realm before it is locked down */
export interface RealmNatives {
  fetch: typeof fetch
  EventSource: typeof EventSource
}

/** constructors and functions learner code may not use, and what to use instead */
const BLOCKED: Record<string, string> = {
  XMLHttpRequest: 'use fetch(), which Wirelab connects to the simulated server',
  Worker: 'your code already runs in a worker of its own',
  SharedWorker: 'your code already runs in a worker of its own',
  WebSocketStream: 'use WebSocket',
  WebTransport: 'use WebSocket',
  BroadcastChannel: 'a lesson talks to its simulated server only',
  importScripts: 'paste the code into the editor instead',
}

/** storage at the app's origin: gone from the realm, so learner code can never touch Wirelab's own data */
const REMOVED = ['indexedDB', 'caches']

export interface LockDownOptions {
  /** the page's address: relative URLs and `location` in learner code mean the lesson page, not this blob worker */
  pageUrl: string
  /** the learner's code called close(): the worker is about to stop */
  onClose: () => void
}

export function lockDownRealm(g: typeof globalThis, options: LockDownOptions): RealmNatives {
  const natives: RealmNatives = { fetch: g.fetch.bind(g), EventSource: g.EventSource }
  const nativeClose = (g as unknown as { close: () => void }).close.bind(g)
  for (const [name, advice] of Object.entries(BLOCKED)) replaceGlobal(g, name, unavailable(name, advice))
  for (const name of REMOVED) replaceGlobal(g, name, undefined)
  // fetch lives on WorkerGlobalScope.prototype: removed there, so only the wrapper installed later is left
  replaceGlobal(g, 'fetch', undefined)
  removeFromChain(g.navigator, 'storage')
  replaceGlobal(g, 'location', pageLocation(options.pageUrl))
  replaceGlobal(g, 'Request', requestResolvingAgainst(g.Request, options.pageUrl))
  replaceGlobal(g, 'close', function close() {
    options.onClose()
    nativeClose()
  })
  return natives
}

/** delete `name` wherever it is on the global's prototype chain, then give the global its replacement */
function replaceGlobal(g: object, name: string, replacement: unknown): void {
  removeFromChain(g, name)
  Object.defineProperty(g, name, { value: replacement, writable: true, configurable: true, enumerable: false })
}

function removeFromChain(start: object, name: string): void {
  for (let o: object | null = start; o; o = Object.getPrototypeOf(o) as object | null) {
    if (Object.prototype.hasOwnProperty.call(o, name)) Reflect.deleteProperty(o, name)
  }
}

function unavailable(name: string, advice: string): () => never {
  const fn = function () {
    throw new TypeError(`${name} is not available in Wirelab: ${advice}.`)
  }
  Object.defineProperty(fn, 'name', { value: name })
  return fn
}

/** `new Request('/api/x')` resolves against the lesson page, as it would in the page (this worker's own base is a blob: URL) */
function requestResolvingAgainst(Native: typeof Request, pageUrl: string): typeof Request {
  return class Request extends Native {
    constructor(input: RequestInfo | URL, init?: RequestInit) {
      super(typeof input === 'string' ? new URL(input, pageUrl).href : input, init)
    }
  }
}

/** a WorkerLocation-shaped view of the lesson page's address (this worker's own is an opaque blob: URL) */
function pageLocation(pageUrl: string): Readonly<Record<string, unknown>> {
  const url = new URL(pageUrl)
  url.hash = ''
  const fields = ['href', 'origin', 'protocol', 'host', 'hostname', 'port', 'pathname', 'search', 'hash'] as const
  const location: Record<string, unknown> = Object.fromEntries(fields.map((f) => [f, url[f]]))
  location.toString = () => url.href
  return Object.freeze(location)
}
