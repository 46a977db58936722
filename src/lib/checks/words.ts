// Phrases check messages share, so that every lesson says the same thing the same way: where a call
// was made (its cause) and which fault the learner pressed.
import { faultKind } from '../sim/fault-kind.ts'
import type { FaultEvent } from '../sim/trace.ts'
import { formatSeconds } from './format.ts'
import type { RunQuery } from './run-query.ts'
import type { LoggedCall, UiCall } from './types.ts'

/**
 * Where the code was when it made this call, for a sentence such as "… was logged at 2.100 s by a timer":
 * "by your code's top level", "by a timer", "while handling an event of c1", "in the error handler
 * of the EventSource (c1)", "while handling a WebSocket event on c1", "while handling the answer to
 * /api/messages?since=0 (c3)".
 */
export function causeWords(run: RunQuery, call: LoggedCall | UiCall): string {
  const cause = call.cause
  if (!cause) return 'by your code'
  const conn = cause.conn ?? '?'
  switch (cause.kind) {
    case 'top':
      return "by your code's top level"
    case 'timer':
      return 'by a timer'
    case 'sse-event':
      return `while handling an event of ${conn}`
    case 'sse-open':
      return `in the open handler of the EventSource (${conn})`
    case 'sse-error':
      return `in the error handler of the EventSource (${conn})`
    case 'ws-event':
      return `while handling a WebSocket event on ${conn}`
    case 'fetch': {
      const request = run.requests().find((r) => r.conn === conn)
      return request ? `while handling the answer to ${request.target} (${conn})` : `while handling a fetch answer (${conn})`
    }
  }
}

/** "at 2.100 s by a timer" */
export function whenAndWhere(run: RunQuery, call: LoggedCall | UiCall): string {
  return `at ${formatSeconds(call.t)} ${causeWords(run, call)}`
}

/** what the learner did, for a sentence: "you restarted the server at 6.500 s" */
export function faultWords(fault: FaultEvent): string {
  const at = `at ${formatSeconds(fault.t)}`
  switch (faultKind(fault)) {
    case 'offline':
      return `you took the network offline ${at} for ${(fault.offlineUntil! - fault.t) / 1000} s`
    case 'back-online':
      return `the network came back ${at}`
    case 'recovered':
      return `the fault ended ${at}`
    case 'restart-server':
      return `you restarted ${fault.server ?? 'the server'} ${at}`
    case 'silent':
      return `you made ${fault.conn ?? 'every connection'} go silent ${at}`
    case 'drop-connection':
      return `you dropped ${fault.conn} ${at}`
    case 'drop-connections':
      return `you dropped every connection ${at}`
  }
}

/** the faults the learner pressed, as one phrase: "you dropped every connection at 2.000 s and you restarted …" */
export function faultsWords(faults: readonly FaultEvent[]): string {
  return listWords(faults.map(faultWords))
}

/** "a", "a and b", "a, b and c" */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`
}

/** the text with its first letter upper-case, to start a sentence */
export function upperFirst(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text
}

/** "1 request", "2 requests" */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}
