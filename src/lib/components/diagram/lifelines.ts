// Who gets a lifeline in the sequence diagram, and where each trace event starts and ends. The
// lifelines come from the lesson's scenario (so they show before anything happens): each learner
// client, the load balancer when there are several server instances, each instance, the broker.
import type { TraceEvent } from '../../sim/trace.ts'
import { countBelow, TracePrefix } from '../../sim/trace-prefix.ts'

export interface Lifeline {
  id: string
  label: string
  role: 'client' | 'balancer' | 'server' | 'broker'
}

export interface DiagramCast {
  clients: readonly string[]
  instances: number
  broker: boolean
  /** hosts of pages of other sites open in the same browser (scenario `crossSitePages`), each a lifeline after the learner's */
  pages?: readonly string[]
}

export function lifelinesFor(cast: DiagramCast): Lifeline[] {
  const several = cast.clients.length > 1
  const lines: Lifeline[] = several
    ? cast.clients.map((name) => ({ id: `client:${name}`, label: `${name} (your code)`, role: 'client' }))
    : [{ id: 'client', label: 'Client (your code)', role: 'client' }]
  for (const host of new Set(cast.pages ?? [])) lines.push({ id: `client:${host}`, label: `${host} (another site)`, role: 'client' })
  if (cast.instances > 1) {
    lines.push({ id: 'balancer', label: 'Load balancer', role: 'balancer' })
    for (let i = 1; i <= cast.instances; i++) lines.push({ id: `server:Server ${i}`, label: `Server ${i}`, role: 'server' })
  } else {
    lines.push({ id: 'server', label: 'Server (simulated)', role: 'server' })
  }
  if (cast.broker && cast.instances > 1) lines.push({ id: 'broker', label: 'Broker (pub/sub)', role: 'broker' })
  return lines
}

/** the lifeline ids at each end of an event; null for the network (drawn between the two ends) */
export function eventEnds(e: TraceEvent, lines: readonly Lifeline[]): { from: string | null; to: string | null; client: string; server: string } {
  const client = lines.some((l) => l.id === `client:${e.client}`) ? `client:${e.client}` : lines[0]!.id
  const server = lines.some((l) => l.id === `server:${e.server}`) ? `server:${e.server}` : (lines.find((l) => l.role === 'server')?.id ?? 'server')
  const of = (role: TraceEvent['from']) => (role === 'client' ? client : role === 'server' ? server : role === 'broker' ? 'broker' : null)
  return { from: of(e.from), to: of(e.to), client, server }
}

/** the widest an actor box is drawn (boxes narrow when lifelines are closer) */
export const ACTOR_BOX_MAX = 150

/**
 * x of each lifeline, evenly spread between a left and a right margin (at least 160 px apart, 120 when
 * there are many). The last actor's box (up to ACTOR_BOX_MAX wide, centred on its line) keeps 5 px
 * inside the drawing, so a narrow pane does not cut its name off.
 */
export function lifelineXs(lines: readonly Lifeline[], width: number): Map<string, number> {
  const left = lines.length > 3 ? 110 : Math.max(130, width * 0.3)
  const gap = lines.length > 3 ? 120 : 160
  const right = Math.max(left + gap * Math.max(1, lines.length - 1), width - ACTOR_BOX_MAX / 2 - 5)
  const step = lines.length > 1 ? (right - left) / (lines.length - 1) : 0
  return new Map(lines.map((l, i) => [l.id, left + i * step]))
}

export interface HeldSpan {
  start: number
  end: number | null
  conn: string
  server: string | undefined
}

/** rows during which the server holds a request (long polling): from the hold to its answer or close, or still open (end null) */
export function heldSpans(events: readonly TraceEvent[]): HeldSpan[] {
  const spans: HeldSpan[] = []
  const open = new Map<string, HeldSpan>()
  events.forEach((e, i) => {
    if (e.kind === 'http.held') {
      const span = { start: i, end: null, conn: e.conn, server: e.server }
      spans.push(span)
      open.set(e.conn, span)
    } else if ((e.kind === 'http.response' || e.kind === 'conn.close') && open.has(e.conn)) {
      open.get(e.conn)!.end = i
      open.delete(e.conn)
    }
  })
  return spans
}

/**
 * heldSpans for a replay step without going over the whole trace: the spans of the whole trace so far,
 * cut at the step (a span answered after it is still open). A span that the step leaves as it was is
 * the same object, so the view keeps its element.
 */
export class HeldHistory extends TracePrefix<HeldSpan[]> {
  private spans: HeldSpan[] = []
  private starts: number[] = []
  private open = new Map<string, HeldSpan>()
  /** each span as last handed out */
  private shown: HeldSpan[] = []

  protected clear(): void {
    this.spans = []
    this.starts = []
    this.open.clear()
    this.shown = []
  }

  protected read(e: TraceEvent, index: number): void {
    if (e.kind === 'http.held') {
      const span = { start: index, end: null, conn: e.conn, server: e.server }
      this.spans.push(span)
      this.starts.push(index)
      this.shown.push({ ...span })
      this.open.set(e.conn, span)
    } else if ((e.kind === 'http.response' || e.kind === 'conn.close') && this.open.has(e.conn)) {
      this.open.get(e.conn)!.end = index
      this.open.delete(e.conn)
    }
  }

  protected at(count: number): HeldSpan[] {
    const spans = this.spans.slice(0, countBelow(this.starts, count))
    return spans.map((span, i) => {
      const end = span.end !== null && span.end < count ? span.end : null
      if (this.shown[i]!.end !== end) this.shown[i] = { ...span, end }
      return this.shown[i]!
    })
  }
}

/** how far along its arrow a message is at simulated time `now` (1: arrived) */
export function travelled(e: TraceEvent, now: number | null): number {
  if (now === null || e.arrives <= e.t || now >= e.arrives) return 1
  return Math.max(0, Math.min(1, (now - e.t) / (e.arrives - e.t)))
}

/** whether `events` (in trace order: seq ascending, as any part of a trace is) holds `seq`; a binary search */
export function containsSeq(events: readonly TraceEvent[], seq: number): boolean {
  let low = 0
  let high = events.length - 1
  while (low <= high) {
    const mid = (low + high) >> 1
    const at = events[mid]!.seq
    if (at === seq) return true
    if (at < seq) low = mid + 1
    else high = mid - 1
  }
  return false
}
