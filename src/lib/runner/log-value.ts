// Values the learner logs cross from the worker to the page as a small tagged tree (structured clone
// cannot carry functions, and a huge object must not exhaust memory or freeze the page), capped in
// depth, in nodes per value, and in characters per string and per key. Whatever was cut says so.

export type LogValue =
  /** `length`: the string's real length when it was cut to MAX_STRING characters */
  | { type: 'string'; value: string; length?: number }
  | { type: 'number' | 'boolean' | 'bigint' | 'symbol' | 'undefined' | 'null' | 'function'; text: string }
  | { type: 'error'; name: string; message: string }
  | { type: 'array'; items: LogValue[]; more: number }
  | { type: 'object'; className: string; entries: Array<[string, LogValue]>; more: number }
  | { type: 'cycle' }
  | { type: 'truncated' }

const MAX_DEPTH = 5
const MAX_ITEMS = 100
/** characters of one string value */
export const MAX_STRING = 10_000
/** characters of one object key or class name */
const MAX_KEY = 200
/** nodes of one logged value: 100 items at 5 levels would otherwise be 10^10 nodes */
const MAX_NODES = 2_000

/** `text` cut to `max` characters, with an ellipsis when it was longer */
export function capText(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text
}

export function toLogValue(value: unknown): LogValue {
  const budget = { nodes: MAX_NODES }
  return convert(value, 0, new Set(), budget)
}

function convert(value: unknown, depth: number, seen: Set<object>, budget: { nodes: number }): LogValue {
  if (--budget.nodes < 0) return { type: 'truncated' }
  if (value === null) return { type: 'null', text: 'null' }
  switch (typeof value) {
    case 'string':
      return value.length > MAX_STRING ? { type: 'string', value: value.slice(0, MAX_STRING), length: value.length } : { type: 'string', value }
    case 'number':
    case 'boolean':
    case 'undefined':
      return { type: typeof value as 'number' | 'boolean' | 'undefined', text: String(value) }
    case 'bigint':
      return { type: 'bigint', text: capText(`${value}n`, MAX_KEY) }
    case 'symbol':
      return { type: 'symbol', text: capText(value.toString(), MAX_KEY) }
    case 'function':
      return { type: 'function', text: `ƒ ${capText(value.name || 'anonymous', MAX_KEY)}()` }
  }
  const obj = value as object
  if (obj instanceof Error) return { type: 'error', name: capText(String(obj.name), MAX_KEY), message: capText(String(obj.message), MAX_STRING) }
  if (seen.has(obj)) return { type: 'cycle' }
  if (depth >= MAX_DEPTH) return { type: 'truncated' }
  seen.add(obj)
  try {
    if (Array.isArray(obj)) {
      const items: LogValue[] = []
      for (let i = 0; i < Math.min(obj.length, MAX_ITEMS) && budget.nodes > 0; i++) items.push(convert(obj[i], depth + 1, seen, budget))
      return { type: 'array', items, more: obj.length - items.length }
    }
    const keys = Object.keys(obj)
    const entries: Array<[string, LogValue]> = []
    for (let i = 0; i < Math.min(keys.length, MAX_ITEMS) && budget.nodes > 0; i++) {
      const key = keys[i]!
      entries.push([capText(key, MAX_KEY), convert((obj as Record<string, unknown>)[key], depth + 1, seen, budget)])
    }
    const className = capText(String(obj.constructor?.name ?? 'Object'), MAX_KEY)
    return { type: 'object', className, entries, more: keys.length - entries.length }
  } catch (error) {
    // a getter that throws, a Proxy that refuses: show what happened instead of failing the log
    return { type: 'error', name: 'Error', message: `(could not be read: ${error instanceof Error ? capText(error.message, MAX_KEY) : 'unknown'})` }
  } finally {
    seen.delete(obj)
  }
}

/** one-line text, as a devtools console shows a value inline */
export function formatLogValue(v: LogValue, nested = false): string {
  switch (v.type) {
    case 'string': {
      const cut = v.length === undefined ? '' : `… (${(v.length - v.value.length).toLocaleString('en')} more characters not shown)`
      return nested ? JSON.stringify(v.value) + cut : v.value + cut
    }
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
