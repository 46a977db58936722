// Messages between the page (which owns simulated time) and the learner's worker.
import type { LogValue } from './log-value.ts'

export type ConsoleLevel = 'log' | 'info' | 'warn' | 'error' | 'debug'

/** where in the learner's code something happened (1-based) */
export interface CodeLocation {
  line: number
  column: number
}

export type PageToWorker =
  | { type: 'init'; runId: string; epochMs: number; tagParam: string }
  | { type: 'run'; code: string }
  | { type: 'advance'; to: number }
  | { type: 'expect-sse-type'; conn: number; eventType: string; token: number }

interface WorkerMessageBase {
  /** the worker's simulated time when it sent this */
  now: number
  /** the worker's next timer, simulated ms, or null when it has none */
  next: number | null
}

export type WorkerToPage = WorkerMessageBase &
  (
    | { type: 'ready' }
    | { type: 'started' }
    | { type: 'advanced' }
    | { type: 'console'; level: ConsoleLevel; t: number; args: LogValue[] }
    | { type: 'error'; phase: 'syntax' | 'runtime' | 'rejection'; name: string; message: string; location: CodeLocation | null; t: number }
    | { type: 'es-connect'; conn: number; t: number; url: string }
    | { type: 'es-opened'; conn: number }
    | { type: 'es-delivered'; conn: number; count: number }
    | { type: 'es-error'; conn: number; readyState: number }
    | { type: 'es-close'; conn: number; t: number }
    | { type: 'sse-type-ready'; token: number }
  )

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

/** a worker message before the worker stamps it with its clock */
export type WorkerMessage = DistributiveOmit<WorkerToPage, 'now' | 'next'>

/** the query parameter that tells the page which run and connection an EventSource request belongs to */
export const TAG_PARAM = '__wirelab'
