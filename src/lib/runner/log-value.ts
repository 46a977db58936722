// Values the learner logs cross from the worker to the page as a small tagged tree (structured clone
// cannot carry functions, and a huge object must not exhaust memory), capped in depth and size.

export type LogValue =
  | { type: 'string'; value: string }
  | { type: 'number' | 'boolean' | 'bigint' | 'symbol' | 'undefined' | 'null' | 'function'; text: string }
  | { type: 'error'; name: string; message: string }
  | { type: 'array'; items: LogValue[]; more: number }
  | { type: 'object'; className: string; entries: Array<[string, LogValue]>; more: number }
  | { type: 'cycle' }
  | { type: 'truncated' }

const MAX_DEPTH = 5
const MAX_ITEMS = 100
const MAX_STRING = 10_000

export function toLogValue(value: unknown, depth = 0, seen = new Set<object>()): LogValue {
  if (value === null) return { type: 'null', text: 'null' }
  switch (typeof value) {
    case 'string':
      return { type: 'string', value: value.length > MAX_STRING ? value.slice(0, MAX_STRING) + '…' : value }
    case 'number':
    case 'boolean':
    case 'undefined':
      return { type: typeof value as 'number' | 'boolean' | 'undefined', text: String(value) }
    case 'bigint':
      return { type: 'bigint', text: `${value}n` }
    case 'symbol':
      return { type: 'symbol', text: value.toString() }
    case 'function':
      return { type: 'function', text: `ƒ ${value.name || 'anonymous'}()` }
  }
  const obj = value as object
  if (obj instanceof Error) return { type: 'error', name: obj.name, message: obj.message }
  if (seen.has(obj)) return { type: 'cycle' }
  if (depth >= MAX_DEPTH) return { type: 'truncated' }
  seen.add(obj)
  try {
    if (Array.isArray(obj)) {
      return { type: 'array', items: obj.slice(0, MAX_ITEMS).map((v) => toLogValue(v, depth + 1, seen)), more: Math.max(0, obj.length - MAX_ITEMS) }
    }
    const keys = Object.keys(obj)
    const entries = keys.slice(0, MAX_ITEMS).map((k): [string, LogValue] => [k, toLogValue((obj as Record<string, unknown>)[k], depth + 1, seen)])
    const className = obj.constructor?.name ?? 'Object'
    return { type: 'object', className, entries, more: Math.max(0, keys.length - MAX_ITEMS) }
  } finally {
    seen.delete(obj)
  }
}

/** one-line text, as a devtools console shows a value inline */
export function formatLogValue(v: LogValue, nested = false): string {
  switch (v.type) {
    case 'string':
      return nested ? JSON.stringify(v.value) : v.value
    case 'error':
      return `${v.name}: ${v.message}`
    case 'array':
      return `[${v.items.map((i) => formatLogValue(i, true)).join(', ')}${v.more ? `, …${v.more} more` : ''}]`
    case 'object': {
      const prefix = v.className && v.className !== 'Object' ? `${v.className} ` : ''
      return `${prefix}{${v.entries.map(([k, e]) => `${k}: ${formatLogValue(e, true)}`).join(', ')}${v.more ? `, …${v.more} more` : ''}}`
    }
    case 'cycle':
      return '[Circular]'
    case 'truncated':
      return '…'
    default:
      return v.text
  }
}

/** back to plain data (for checks): objects and arrays become plain JS values */
export function logValueToData(v: LogValue): unknown {
  switch (v.type) {
    case 'string':
      return v.value
    case 'number':
      return Number(v.text)
    case 'boolean':
      return v.text === 'true'
    case 'null':
      return null
    case 'array':
      return v.items.map(logValueToData)
    case 'object':
      return Object.fromEntries(v.entries.map(([k, e]) => [k, logValueToData(e)]))
    default:
      return undefined
  }
}
