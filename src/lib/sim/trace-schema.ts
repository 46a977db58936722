// What an imported trace file must look like, field by field (docs/trace-format.md): a saved trace comes
// from anywhere, and the views and the inspector read every field of every event. Strings, numbers and
// the number of events are capped so that a hostile file is refused with a clear message instead of
// freezing or crashing the page. Loaded only when a learner opens a trace file (zod stays off the
// pages' first load).
import { z } from 'zod'
import { listVersions, type TraceEvent } from './trace.ts'
/** events in one trace (a 10 000-event run is a long one) */
export const MAX_TRACE_EVENTS = 200_000
/** characters of one string field: a 64 KiB WebSocket frame as hex is 128 KiB */
const MAX_FIELD = 256 * 1024
/** simulated ms: ten days */
const MAX_TIME = 864_000_000

const text = z.string().max(MAX_FIELD)
const short = z.string().max(1024)
const time = z.number().finite().min(0).max(MAX_TIME)
const actor = z.enum(['client', 'server', 'network', 'broker'])
const header = z.strictObject({ name: short, value: z.string().max(16 * 1024), source: z.enum(['observed', 'modelled', 'reconstructed']) })

const base = {
  seq: z.number().int().min(1),
  t: time,
  arrives: time,
  conn: short,
  from: actor,
  to: actor,
  bytes: z.number().int().min(0).max(1e12),
  client: short.optional(),
  server: short.optional(),
  lost: z.literal(true).optional(),
  retransmitted: z.literal(true).optional(),
}

const sseFields = z.strictObject({
  id: text.optional(),
  event: short.optional(),
  data: text.optional(),
  retry: z.number().int().min(0).max(1e9).optional(),
  comment: text.optional(),
})

const event = z.discriminatedUnion('kind', [
  z.strictObject({
    ...base,
    kind: z.literal('http.request'),
    method: short,
    target: text,
    headers: z.array(header).max(200),
    wire: text,
    api: z.enum(['EventSource', 'fetch', 'WebSocket']),
    route: text.optional(),
    queuedAt: time.optional(),
    stream: z
      .number()
      .int()
      .min(1)
      .max(2 ** 31 - 1)
      .optional(),
  }),
  z.strictObject({
    ...base,
    kind: z.literal('http.queued'),
    method: short,
    target: text,
    api: z.enum(['EventSource', 'fetch']),
    reason: text,
    busy: z.array(short).max(1000),
  }),
  z.strictObject({
    ...base,
    kind: z.literal('http.response'),
    status: z.number().int().min(100).max(599),
    reason: short,
    headers: z.array(header).max(200),
    wire: text,
    streaming: z.boolean(),
    body: text.optional(),
  }),
  z.strictObject({ ...base, kind: z.literal('http.held'), reason: text }),
  z.strictObject({ ...base, kind: z.literal('sse.event'), wire: text, fields: sseFields, dispatches: z.boolean(), raw: z.literal(true).optional() }),
  z.strictObject({ ...base, kind: z.literal('conn.close'), reason: text }),
  z.strictObject({ ...base, kind: z.literal('conn.error'), reason: text }),
  z.strictObject({
    ...base,
    kind: z.literal('fault'),
    description: text,
    offlineUntil: time.optional(),
    origin: z.enum(['lesson', 'learner']).optional(),
    recovers: z.literal(true).optional(),
  }),
  z.strictObject({
    ...base,
    kind: z.literal('ws.frame'),
    fin: z.boolean(),
    rsv: z.tuple([z.boolean(), z.boolean(), z.boolean()]),
    opcode: z.number().int().min(0).max(15),
    opcodeName: short,
    // four hex bytes, as the simulation writes them ("37 fa 21 3d")
    maskKey: z
      .string()
      .regex(/^[0-9a-f]{2}( [0-9a-f]{2}){3}$/i)
      .nullable(),
    payloadLength: z.number().int().min(0).max(1e12),
    hex: text,
    text: text.optional(),
    payloadHex: text,
    closeCode: z.number().int().min(0).max(65535).optional(),
    invalid: text.optional(),
  }),
  z.strictObject({ ...base, kind: z.literal('pubsub.publish'), channel: short, message: text, wire: text, receivers: z.number().int().min(0).max(1e6) }),
  z.strictObject({ ...base, kind: z.literal('pubsub.deliver'), channel: short, message: text, wire: text }),
  z.strictObject({ ...base, kind: z.literal('server.log'), text }),
])

// every event the schema accepts is a TraceEvent (a compile-time check: the two must not drift apart)
type Parsed = z.infer<typeof event>
const _fits: (e: Parsed) => TraceEvent = (e) => e
void _fits

const traceFile = z.strictObject({
  format: z.literal('wirelab-trace'),
  version: z.number(),
  events: z.array(z.unknown()).max(MAX_TRACE_EVENTS),
})

/** `path` of a zod issue as the learner reads it: "event 12, field headers[0].value" */
function where(path: ReadonlyArray<PropertyKey>): string {
  const [first, ...rest] = path
  const field = rest
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '')
  return first === undefined ? 'the file' : field ? `field "${field}"` : `"${String(first)}"`
}

/** every event of a trace file checked against the format; throws with the first problem in plain words */
export function parseTraceEvents(json: unknown, readableVersions: readonly number[]): TraceEvent[] {
  const file = traceFile.safeParse(json)
  if (!file.success) {
    const issue = file.error.issues[0]!
    if (issue.path[0] === 'format') throw new Error('Not a Wirelab trace (missing "format": "wirelab-trace")')
    if (issue.path[0] === 'events' && issue.code === 'too_big')
      throw new Error(`This trace has more than ${MAX_TRACE_EVENTS.toLocaleString('en')} events, more than Wirelab opens`)
    throw new Error(`This trace does not fit the trace format: ${where(issue.path)}: ${issue.message}`)
  }
  if (!readableVersions.includes(file.data.version)) {
    throw new Error(`Trace format version ${file.data.version} is not supported (this Wirelab reads versions ${listVersions(readableVersions)})`)
  }
  return file.data.events.map((raw, i) => {
    const parsed = event.safeParse(raw)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      throw new Error(`Trace event ${i + 1}: ${where(['event', ...issue.path])}: ${issue.message}`)
    }
    if (parsed.data.seq !== i + 1) throw new Error(`Trace event ${i + 1}: out of order (seq ${parsed.data.seq}, expected ${i + 1})`)
    return parsed.data
  })
}
