// The learner realm: a fresh dedicated worker per run. It keeps the browser's real fetch and
// EventSource (intercepted by the service worker), fakes timers, locks away every other way out, and
// runs the learner's code. It talks to the page over a private MessagePort handed over in `init`: the
// learner's own postMessage() reaches the page on another channel, which the page reports, never obeys.
import type { CodeLocation, PageToWorker, WorkerMessage, WorkerToPage } from '../protocol.ts'
import { PROBE_PATH, TAG_HEADER } from '../protocol.ts'
import { locateInStack, findSyntaxError, wrapLearnerCode, LEARNER_FILE } from './learner-code.ts'
import { installLearnerClock, type LearnerClock } from './learner-clock.ts'
import { createLearnerEventSource, type LearnerEventSourceClass } from './event-source.ts'
import { createLearnerFetch } from './fetch.ts'
import { createLearnerWebSocket, type LearnerWebSocketClass } from './websocket.ts'
import { captureConsole } from './console-capture.ts'
import { createUi } from './ui.ts'
import { FloodGuard } from './flood-guard.ts'
import { currentCause, handling } from './cause.ts'
import { lockDownRealm } from './realm-lockdown.ts'
import { capText, MAX_STRING } from '../log-value.ts'
import { afterMacrotask, nextMacrotask } from '../../crossing/macrotask.ts'
import { seededRandom } from '../../sim/random.ts'

/** the parts of a dedicated worker's global scope used here (the DOM lib has no worker types) */
interface WorkerScope {
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void
  addEventListener(type: 'unhandledrejection', listener: (event: PromiseRejectionEvent) => void): void
  addEventListener(type: 'message', listener: (event: MessageEvent<PageToWorker>) => void): void
  removeEventListener(type: 'message', listener: (event: MessageEvent<PageToWorker>) => void): void
}

const scope = self as unknown as WorkerScope
let port: MessagePort | null = null
let clock: LearnerClock | null = null
let guard: FloodGuard | null = null
let LearnerEventSource: LearnerEventSourceClass | null = null
let LearnerWebSocket: LearnerWebSocketClass | null = null
let didIo = false
let connections = 0
/** a place in the code that runs → the same place in what the learner wrote (TypeScript loses its types) */
let toSource = (location: CodeLocation): CodeLocation => location

/** messages that put something on the wire: the clock stops right after the instant that sent one */
const IO_MESSAGES = new Set<WorkerMessage['type']>(['connect', 'close', 'ws-connect', 'ws-send', 'ws-close'])
const postToPage = MessagePort.prototype.postMessage

function post(message: WorkerMessage): void {
  if (IO_MESSAGES.has(message.type)) didIo = true
  // called through a reference taken before the learner's code ran, so patching MessagePort.prototype
  // from learner code cannot see or change what the page receives
  if (port) Reflect.apply(postToPage, port, [{ ...message, now: clock?.now() ?? 0, next: clock?.next() ?? null } as WorkerToPage])
}

function reportError(phase: 'runtime' | 'rejection', error: unknown): void {
  if (guard && !guard.allow('errors')) return
  const isError = error instanceof Error
  // a 20 MB message must not cross: the name, the message and the part of the stack searched are capped
  const stack = isError && typeof error.stack === 'string' ? error.stack.slice(-20_000) : undefined
  post({
    type: 'error',
    phase,
    t: clock?.now() ?? 0,
    name: capText(isError ? String(error.name) : 'Uncaught', 200),
    message: capText(isError ? String(error.message) : safeString(error), MAX_STRING),
    location: isError ? mapLocation(locateInStack(stack)) : null,
  })
}

function safeString(value: unknown): string {
  try {
    return String(value)
  } catch {
    return Object.prototype.toString.call(value)
  }
}

scope.addEventListener('error', (event) => {
  event.preventDefault()
  reportError('runtime', event.error ?? event.message)
})
scope.addEventListener('unhandledrejection', (event) => {
  event.preventDefault()
  reportError('rejection', event.reason)
})

/** does the service worker that simulates the server answer this worker's requests? */
async function serviceWorkerAnswers(fetchNative: typeof fetch, pageUrl: string, runId: string): Promise<boolean> {
  try {
    const response = await fetchNative(new URL(PROBE_PATH, pageUrl).href, { headers: { [TAG_HEADER]: `${runId}.0` }, cache: 'no-store' })
    return response.headers.get('x-wirelab-sw') === '1'
  } catch {
    return false
  }
}

async function init(message: Extract<PageToWorker, { type: 'init' }>, privatePort: MessagePort): Promise<void> {
  port = privatePort
  port.onmessage = (event: MessageEvent<PageToWorker>) => handle(event.data)
  const natives = lockDownRealm(globalThis, { pageUrl: message.pageUrl, onClose: () => post({ type: 'closed-itself' }) })
  clock = installLearnerClock(
    globalThis,
    message.epochMs,
    (error) => reportError('runtime', error),
    () => handling({ kind: 'timer' }),
  )
  // the learner's random numbers come from the run's seed too: the same code gives the same trace
  Math.random = seededRandom(message.randomSeed)
  guard = new FloodGuard((dropped) => post({ type: 'dropped', ...dropped }))
  connections = message.connBase
  // which client this is ("Alice"), for lessons that run the same code as several clients
  Object.defineProperty(globalThis, 'client', { value: Object.freeze({ ...message.client }), enumerable: true })
  const simNow = () => clock?.now() ?? 0
  const allowUi = () => guard?.allow('ui') ?? true
  Object.defineProperty(globalThis, 'ui', {
    value: createUi((operation) => post({ type: 'ui', t: simNow(), operation, cause: currentCause() }), allowUi),
    enumerable: true,
  })
  captureConsole(console, simNow, post, () => guard?.allow('console') ?? true)
  const shared = { runId: message.runId, nextConnection: () => ++connections, simNow, post, baseUrl: message.pageUrl }
  LearnerEventSource = createLearnerEventSource({ Native: natives.EventSource, ...shared, onDeliver: (conn, what) => handling({ ...what, conn }) })
  LearnerWebSocket = createLearnerWebSocket(shared)
  const realm = globalThis as unknown as Record<string, unknown>
  realm.EventSource = LearnerEventSource
  realm.WebSocket = LearnerWebSocket
  realm.fetch = createLearnerFetch({ native: natives.fetch, ...shared })
  // loaded now, under the start-up limit, so that the watchdog on `run` times only the learner's code
  if (message.language === 'typescript') await import('./strip-types.ts')
  post({ type: 'ready', serviceWorker: await serviceWorkerAnswers(natives.fetch, message.pageUrl, message.runId) })
}

function mapLocation(location: CodeLocation | null): CodeLocation | null {
  return location && toSource(location)
}

/** the code as JavaScript, or why it cannot run (TypeScript is stripped first, in its own chunk) */
async function compile(code: string, language: 'javascript' | 'typescript'): Promise<{ js: string } | { message: string; location: CodeLocation }> {
  if (language === 'javascript') return findSyntaxError(code) ?? { js: code }
  const { stripTypes } = await import('./strip-types.ts')
  const stripped = stripTypes(code, LEARNER_FILE)
  if (!('js' in stripped)) return stripped
  toSource = stripped.toSource
  const problem = findSyntaxError(stripped.js)
  return problem ? { message: problem.message, location: stripped.toSource(problem.location) } : { js: stripped.js }
}

async function run(code: string, language: 'javascript' | 'typescript'): Promise<void> {
  const compiled = await compile(code, language).catch((error: unknown) => ({
    message: `the TypeScript could not be compiled (${String(error)})`,
    location: { line: 1, column: 1 },
  }))
  if (!('js' in compiled)) {
    post({ type: 'error', phase: 'syntax', name: 'SyntaxError', message: compiled.message, location: compiled.location, t: 0 })
  } else {
    try {
      const start = (0, eval)(wrapLearnerCode(compiled.js)) as () => Promise<void>
      handling({ kind: 'top' })
      start().catch((error: unknown) => reportError('runtime', error))
    } catch (error) {
      reportError('runtime', error)
    }
  }
  await nextMacrotask()
  post({ type: 'started' })
}

function handle(message: PageToWorker): void {
  switch (message.type) {
    case 'run':
      void run(message.code, message.language)
      break
    case 'advance':
      didIo = false
      void clock
        ?.advance(message.to, () => didIo)
        .catch((error: unknown) => reportError('runtime', error))
        .then(() => afterMacrotask(() => post({ type: 'advanced' })))
      break
    case 'ws-event':
      LearnerWebSocket?.dispatch(message)
      break
    case 'expect-sse-type':
      LearnerEventSource?.expect(message.conn, message.eventType)
      post({ type: 'sse-type-ready', token: message.token })
      break
  }
}

// the one message on the worker's public channel: `init`, with the private port; the listener goes
// away at once, so nothing learner code posts to itself can pose as the page
function onFirstMessage(event: MessageEvent<PageToWorker>): void {
  const message = event.data
  const privatePort = event.ports[0]
  if (message?.type !== 'init' || !privatePort) return
  scope.removeEventListener('message', onFirstMessage)
  void init(message, privatePort)
}
scope.addEventListener('message', onFirstMessage)
