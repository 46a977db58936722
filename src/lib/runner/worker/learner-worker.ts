// The learner realm: a fresh dedicated worker per run. It keeps the browser's real fetch and
// EventSource (intercepted by the service worker), fakes timers, and runs the learner's code.
import type { CodeLocation, PageToWorker, WorkerMessage, WorkerToPage } from '../protocol.ts'
import { locateInStack, findSyntaxError, wrapLearnerCode, LEARNER_FILE } from './learner-code.ts'
import { installLearnerClock, type LearnerClock } from './learner-clock.ts'
import { createLearnerEventSource, type LearnerEventSourceClass } from './event-source.ts'
import { createLearnerFetch } from './fetch.ts'
import { createLearnerWebSocket, type LearnerWebSocketClass } from './websocket.ts'
import { captureConsole } from './console-capture.ts'
import { createUi } from './ui.ts'
import { afterMacrotask, nextMacrotask } from '../macrotask.ts'

/** the parts of a dedicated worker's global scope used here (the DOM lib has no worker types) */
interface WorkerScope {
  location: Location
  postMessage(message: WorkerToPage): void
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void
  addEventListener(type: 'unhandledrejection', listener: (event: PromiseRejectionEvent) => void): void
  addEventListener(type: 'message', listener: (event: MessageEvent<PageToWorker>) => void): void
}

const scope = self as unknown as WorkerScope
let clock: LearnerClock | null = null
let LearnerEventSource: LearnerEventSourceClass | null = null
let LearnerWebSocket: LearnerWebSocketClass | null = null
let didIo = false
let connections = 0
/** a place in the code that runs → the same place in what the learner wrote (TypeScript loses its types) */
let toSource = (location: CodeLocation): CodeLocation => location

/** messages that put something on the wire: the clock stops right after the instant that sent one */
const IO_MESSAGES = new Set<WorkerMessage['type']>(['connect', 'close', 'ws-connect', 'ws-send', 'ws-close'])

function post(message: WorkerMessage): void {
  if (IO_MESSAGES.has(message.type)) didIo = true
  scope.postMessage({ ...message, now: clock?.now() ?? 0, next: clock?.next() ?? null } as WorkerToPage)
}

function reportError(phase: 'runtime' | 'rejection', error: unknown): void {
  const isError = error instanceof Error
  post({
    type: 'error',
    phase,
    t: clock?.now() ?? 0,
    name: isError ? error.name : 'Uncaught',
    message: isError ? error.message : String(error),
    location: isError ? mapLocation(locateInStack(error.stack)) : null,
  })
}

scope.addEventListener('error', (event) => {
  event.preventDefault()
  reportError('runtime', event.error ?? event.message)
})
scope.addEventListener('unhandledrejection', (event) => {
  event.preventDefault()
  reportError('rejection', event.reason)
})

function init(message: Extract<PageToWorker, { type: 'init' }>): void {
  clock = installLearnerClock(globalThis, message.epochMs)
  connections = message.connBase
  // which client this is ("Alice"), for lessons that run the same code as several clients
  Object.defineProperty(globalThis, 'client', { value: Object.freeze({ ...message.client }), enumerable: true })
  const simNow = () => clock?.now() ?? 0
  Object.defineProperty(globalThis, 'ui', { value: createUi((operation) => post({ type: 'ui', t: simNow(), operation })), enumerable: true })
  captureConsole(console, simNow, post)
  const shared = { runId: message.runId, nextConnection: () => ++connections, simNow, post, baseUrl: scope.location.href }
  LearnerEventSource = createLearnerEventSource({ Native: EventSource, ...shared })
  LearnerWebSocket = createLearnerWebSocket(shared)
  const realm = globalThis as unknown as { EventSource: unknown; fetch: typeof fetch; WebSocket: unknown }
  realm.EventSource = LearnerEventSource
  realm.WebSocket = LearnerWebSocket
  realm.fetch = createLearnerFetch({ native: fetch.bind(globalThis), ...shared })
  post({ type: 'ready' })
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
      start().catch((error: unknown) => reportError('runtime', error))
    } catch (error) {
      reportError('runtime', error)
    }
  }
  await nextMacrotask()
  post({ type: 'started' })
}

scope.addEventListener('message', (event) => {
  const message = event.data
  switch (message.type) {
    case 'init':
      init(message)
      break
    case 'run':
      void run(message.code, message.language)
      break
    case 'advance':
      didIo = false
      void clock?.advance(message.to, () => didIo).then(() => afterMacrotask(() => post({ type: 'advanced' })))
      break
    case 'ws-event':
      LearnerWebSocket?.dispatch(message)
      break
    case 'expect-sse-type':
      LearnerEventSource?.expect(message.conn, message.eventType)
      post({ type: 'sse-type-ready', token: message.token })
      break
  }
})
