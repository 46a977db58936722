// Messages between the page (which owns simulated time) and the learner's worker.
import type { LogValue } from './log-value.ts'
import type { UiOperation } from './output-model.ts'

/**
 * What one learner client may send the page in one run (see worker/flood-guard.ts): past these, calls
 * are counted, not sent, and the page says how many were left out. Checks read the lines that were sent.
 */
export const LEARNER_CAPS = { consoleLines: 2_000, uiCalls: 5_000, errors: 100 } as const

/**
 * What the learner's code was handling when it logged or used `ui` (see worker/cause.ts): connection
 * numbers as the worker knows them; `n` counts the deliveries on that connection (SSE: dispatched
 * events over all its streams; WebSocket: open, message, error and close events).
 */
export type WorkerCause =
  | { kind: 'top' }
  | { kind: 'timer' }
  | { kind: 'sse-event'; conn: number; n: number }
  | { kind: 'sse-open' | 'sse-error'; conn: number }
  | { kind: 'ws-event'; conn: number; n: number }
  | { kind: 'fetch'; conn: number }

export type ConsoleLevel = 'log' | 'info' | 'warn' | 'error' | 'debug'

/** where in the learner's code something happened (1-based) */
export interface CodeLocation {
  line: number
  column: number
}

export type PageToWorker =
  /** `connBase`: the worker numbers its connections from here; `client`: who it is, for the learner's code */
  /** sent on the worker's public channel with the private MessagePort that carries everything after it; `pageUrl`: the lesson page's address */
  | {
      type: 'init'
      runId: string
      epochMs: number
      connBase: number
      client: { name: string; index: number }
      pageUrl: string
      /** the seed of this client's `Math.random` (the run's seed and the client): the same code draws the same numbers run after run */
      randomSeed: number
      /** the code's language: TypeScript's stripper loads while the worker starts, not while the code runs */
      language: 'javascript' | 'typescript'
    }
  | { type: 'run'; code: string; language: 'javascript' | 'typescript' }
  | { type: 'advance'; to: number }
  | { type: 'expect-sse-type'; conn: number; eventType: string; token: number }
  /** something happened on a learner WebSocket; the worker acknowledges `n` once its listeners ran */
  | ({ type: 'ws-event'; conn: number; n: number } & WsEvent)

export type WsEvent =
  | { event: 'open'; protocol: string }
  | { event: 'message'; data: string | ArrayBuffer }
  | { event: 'error' }
  | { event: 'close'; code: number; reason: string; wasClean: boolean }

interface WorkerMessageBase {
  /** the worker's simulated time when it sent this */
  now: number
  /** the worker's next timer, simulated ms, or null when it has none */
  next: number | null
}

export type WorkerToPage = WorkerMessageBase &
  /** `serviceWorker`: the service worker that simulates the server answered this worker's probe */
  (
    | { type: 'ready'; serviceWorker: boolean }
    /** calls left out of this run so far because they passed the caps (running totals, see flood-guard.ts) */
    | { type: 'dropped'; console: number; ui: number; errors: number }
    /** the learner's code called close(): the worker stops now */
    | { type: 'closed-itself' }
    | { type: 'started' }
    | { type: 'advanced' }
    | { type: 'console'; level: ConsoleLevel; t: number; args: LogValue[]; cause: WorkerCause }
    /** the learner's code used the ui helper (the Output pane) */
    | { type: 'ui'; t: number; operation: UiOperation; cause: WorkerCause }
    | { type: 'error'; phase: 'syntax' | 'runtime' | 'rejection'; name: string; message: string; location: CodeLocation | null; t: number }
    /** the learner's code opened a connection (sent a request) at simulated time t */
    | { type: 'connect'; conn: number; api: RequestApi; t: number; method: string; url: string }
    /** the response head reached the learner's code (fetch settled, EventSource opened or failed) */
    | { type: 'response-delivered'; conn: number }
    /** the learner's EventSource has dispatched `count` events so far */
    | { type: 'es-delivered'; conn: number; count: number }
    | { type: 'es-error'; conn: number; readyState: number }
    /** the learner's code closed the connection: es.close() or an aborted fetch */
    | { type: 'close'; conn: number; t: number; reason: string }
    | { type: 'sse-type-ready'; token: number }
    | { type: 'ws-connect'; conn: number; t: number; url: string; protocols: string[] }
    | { type: 'ws-send'; conn: number; t: number; data: string | ArrayBuffer }
    /** ws.close(code, reason); code is absent when the learner gave none */
    | { type: 'ws-close'; conn: number; t: number; code?: number; reason: string }
    | { type: 'ws-ack'; conn: number; n: number }
  )

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

/** a worker message before the worker stamps it with its clock */
export type WorkerMessage = DistributiveOmit<WorkerToPage, 'now' | 'next'>

export type RequestApi = 'EventSource' | 'fetch'

export { TAG_HEADER, TAG_PARAM, OFFSITE_PATH, OFFSITE_PARAM, PROBE_PATH } from '../crossing/run-wire.ts'
