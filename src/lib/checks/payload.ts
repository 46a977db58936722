// What a trace event carried to the learner's code, and whether a logged value came from it.
import type { TraceEvent } from '../sim/trace.ts'

/** the data an event brought: an SSE event's data, a WebSocket frame's text, a response body */
export function payloadOf(event: TraceEvent | undefined): string | undefined {
  if (!event) return undefined
  if (event.kind === 'sse.event') return event.fields.data
  if (event.kind === 'ws.frame') return event.text
  if (event.kind === 'http.response') return event.body
  return undefined
}

/** the parsed JSON of a payload (undefined when it is not JSON), and every node inside it */
function nodes(payload: string): { parsed: unknown; all: unknown[] } {
  let parsed: unknown
  try {
    parsed = JSON.parse(payload)
  } catch {
    return { parsed: undefined, all: [payload] }
  }
  const all: unknown[] = []
  const walk = (v: unknown) => {
    all.push(v)
    if (Array.isArray(v)) v.forEach(walk)
    else if (v && typeof v === 'object') Object.values(v).forEach(walk)
  }
  walk(parsed)
  return { parsed, all }
}

/** `part` is contained in `whole`: every field of an object with an equal value, every item of an array */
function contained(part: unknown, whole: unknown): boolean {
  if (part === whole) return true
  if (Array.isArray(part)) return Array.isArray(whole) && part.length === whole.length && part.every((p, i) => contained(p, whole[i]))
  if (part && typeof part === 'object') {
    if (!whole || typeof whole !== 'object' || Array.isArray(whole)) return false
    return Object.entries(part).every(([k, v]) => contained(v, (whole as Record<string, unknown>)[k]))
  }
  return false
}

/** is `value` part of what `payload` carried? */
function within(value: unknown, payload: string, all: readonly unknown[]): boolean {
  if (value === null || value === undefined || typeof value === 'boolean') return true
  const leaves = all.filter((n): n is string | number => typeof n === 'string' || typeof n === 'number')
  if (typeof value === 'number') return leaves.includes(value)
  if (typeof value === 'string') {
    if (value.trim() === '' || payload.includes(value) || leaves.includes(value)) return true
    // a line built from several fields ("Ada: Lunch at noon?", "#3 1–0"): each word-run must be in the data
    const parts = value.split(/[:–—|,;#\s]+/).filter((p) => p.length > 0)
    return parts.length > 0 && parts.every((p) => leaves.some((leaf) => String(leaf).includes(p)))
  }
  // an object or array: equal to (a part of) some node of the data
  return all.some((node) => contained(value, node))
}

/** did the logged `values` come from `payload`: each value a part of the data it carried? */
export function carries(payload: string | undefined, values: readonly unknown[]): boolean {
  if (payload === undefined) return false
  const { all } = nodes(payload)
  const meaningful = values.filter((v) => !(typeof v === 'string' && v.trim() === ''))
  return meaningful.length > 0 && meaningful.every((v) => within(v, payload, all))
}
