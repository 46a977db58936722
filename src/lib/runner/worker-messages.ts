// Every message from a learner worker is checked before the page acts on it. The worker's own code
// sends well-formed messages over a private port, but it shares its realm with the learner's code,
// which can patch built-ins: whatever arrives is untrusted. A message that does not fit is never drawn
// as trace or shown as console output; the run reports it as the learner's error.
import type { LogValue } from './log-value.ts'
import { MAX_STRING } from './log-value.ts'
import type { UiOperation } from './output-model.ts'
import type { WorkerToPage } from './protocol.ts'

type Check = (v: unknown) => boolean
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const str =
  (max = MAX_STRING + 10) =>
  (v: unknown) =>
    typeof v === 'string' && v.length <= max
const num = (v: unknown) => typeof v === 'number' && Number.isFinite(v)
const time = (v: unknown) => num(v) && (v as number) >= 0
const conn = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0
const count = conn
const bool = (v: unknown) => typeof v === 'boolean'
const oneOf =
  (...values: unknown[]) =>
  (v: unknown) =>
    values.includes(v)
const optional = (check: Check) => (v: unknown) => v === undefined || check(v)
const nullable = (check: Check) => (v: unknown) => v === null || check(v)
const location = nullable((v) => isObject(v) && Number.isSafeInteger(v.line) && Number.isSafeInteger(v.column))
const binary = (v: unknown) => v instanceof ArrayBuffer && v.byteLength <= 16 * 1024 * 1024

/** at most this many nodes in the values of one console call (the worker sends ≤ 20 × 2 000) */
const MAX_LOG_NODES = 50_000

function isLogValue(v: unknown, budget: { nodes: number }, depth: number): boolean {
  if (--budget.nodes < 0 || depth > 10 || !isObject(v)) return false
  switch (v.type) {
    case 'string':
      return str()(v.value) && optional(count)(v.length)
    case 'number':
    case 'boolean':
    case 'bigint':
    case 'symbol':
    case 'undefined':
    case 'null':
    case 'function':
      return str(400)(v.text)
    case 'error':
      return str(400)(v.name) && str()(v.message)
    case 'array':
      return Array.isArray(v.items) && count(v.more) && v.items.every((i) => isLogValue(i, budget, depth + 1))
    case 'object':
      return (
        str(400)(v.className) &&
        count(v.more) &&
        Array.isArray(v.entries) &&
        v.entries.every((e) => Array.isArray(e) && e.length === 2 && str(400)(e[0]) && isLogValue(e[1], budget, depth + 1))
      )
    case 'cycle':
    case 'truncated':
      return true
    default:
      return false
  }
}

const logValues = (v: unknown) => {
  const budget = { nodes: MAX_LOG_NODES }
  return Array.isArray(v) && v.length <= 21 && v.every((value) => isLogValue(value as LogValue, budget, 0))
}

const text = str()
const name = str(200)
function isUiOperation(v: unknown): v is UiOperation {
  if (!isObject(v)) return false
  switch (v.op) {
    case 'list':
      return Array.isArray(v.items) && v.items.length <= 500 && v.items.every(text)
    case 'append':
      return text(v.item)
    case 'scoreboard': {
      const s = v.score
      return isObject(s) && name(s.home) && name(s.away) && num(s.homeScore) && num(s.awayScore) && text(s.detail)
    }
    case 'chat':
      return name(v.from) && text(v.text)
    case 'clear':
      return true
    default:
      return false
  }
}

const url = str(8192)
const cause = (v: unknown) => {
  if (!isObject(v)) return false
  switch (v.kind) {
    case 'top':
    case 'timer':
      return true
    case 'sse-event':
    case 'ws-event':
      return conn(v.conn) && count(v.n)
    case 'sse-open':
    case 'sse-error':
    case 'fetch':
      return conn(v.conn)
    default:
      return false
  }
}
const SHAPES: Record<WorkerToPage['type'], Record<string, Check>> = {
  ready: { serviceWorker: bool },
  started: {},
  advanced: {},
  dropped: { console: count, ui: count, errors: count },
  'closed-itself': {},
  console: { level: oneOf('log', 'info', 'warn', 'error', 'debug'), t: time, args: logValues, cause },
  ui: { t: time, operation: isUiOperation, cause },
  error: { phase: oneOf('syntax', 'runtime', 'rejection'), name, message: text, location, t: time },
  connect: { conn, api: oneOf('EventSource', 'fetch'), t: time, method: str(32), url },
  'response-delivered': { conn },
  'es-delivered': { conn, count },
  'es-error': { conn, readyState: oneOf(0, 1, 2) },
  close: { conn, t: time, reason: str(400) },
  'sse-type-ready': { token: count },
  'ws-connect': { conn, t: time, url, protocols: (v) => Array.isArray(v) && v.length <= 64 && v.every(str(256)) },
  'ws-send': { conn, t: time, data: (v) => str(16 * 1024 * 1024)(v) || binary(v) },
  'ws-close': { conn, t: time, code: optional((v) => Number.isSafeInteger(v)), reason: str(400) },
  'ws-ack': { conn, n: count },
}

/** the message if it has the shape the protocol says, else what is wrong with it */
export function parseWorkerMessage(raw: unknown): { message: WorkerToPage } | { problem: string } {
  if (!isObject(raw)) return { problem: 'not an object' }
  const type = raw.type as WorkerToPage['type']
  const shape = typeof type === 'string' && Object.prototype.hasOwnProperty.call(SHAPES, type) ? SHAPES[type] : undefined
  if (!shape) return { problem: `unknown message type ${JSON.stringify(String(raw.type)).slice(0, 60)}` }
  if (!time(raw.now)) return { problem: `"${type}": its clock reading is not a time (${String(raw.now).slice(0, 40)})` }
  if (!nullable(time)(raw.next)) return { problem: `"${type}": its next timer is not a time` }
  for (const [field, check] of Object.entries(shape)) {
    if (!check(raw[field])) return { problem: `"${type}": field "${field}" is not valid` }
  }
  return { message: raw as unknown as WorkerToPage }
}
