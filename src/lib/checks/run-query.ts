// Convenient, proof-minded views of a run for check authors: the trace, the console and ui calls with
// what the code was handling when it made each (its cause), and how the run ended.
import type { ConnCloseEvent, ConnErrorEvent, FaultEvent, HttpRequestEvent, HttpResponseEvent, SseEventEvent, TraceEvent, WsFrameEvent } from '../sim/trace.ts'
import { faultKind } from '../sim/fault-kind.ts'
import { carries, payloadOf } from './payload.ts'
import { normalize } from './text.ts'
import type { CallCause, LoggedCall, RunEnd, RunRecord, UiCall } from './types.ts'

type Kind = CallCause['kind']

export class RunQuery {
  private readonly bySeq: ReadonlyMap<number, TraceEvent>

  constructor(readonly record: RunRecord) {
    this.bySeq = new Map(record.trace.map((e) => [e.seq, e]))
  }

  requests(): HttpRequestEvent[] {
    return this.record.trace.filter((e): e is HttpRequestEvent => e.kind === 'http.request')
  }

  responses(): HttpResponseEvent[] {
    return this.record.trace.filter((e): e is HttpResponseEvent => e.kind === 'http.response')
  }

  /** requests whose path (the target without its query) is `path`, optionally only those one API made */
  requestsTo(path: string, api?: HttpRequestEvent['api']): HttpRequestEvent[] {
    return this.requests().filter((r) => pathOf(r.target) === path && (!api || r.api === api))
  }

  /**
   * What ended a request's wait, as the client saw it: its response (the head, for a stream), or its
   * connection lost or failed. Undefined while it was still waiting when the run ended.
   */
  answerTo(request: HttpRequestEvent): HttpResponseEvent | ConnCloseEvent | ConnErrorEvent | undefined {
    return this.record.trace.find(
      (e): e is HttpResponseEvent | ConnCloseEvent | ConnErrorEvent =>
        e.conn === request.conn &&
        e.seq > request.seq &&
        e.to === 'client' &&
        (e.kind === 'http.response' || e.kind === 'conn.close' || e.kind === 'conn.error'),
    )
  }

  /** the parsed JSON an event carried to the code (undefined when it carried none) */
  json(event: TraceEvent | undefined): unknown {
    const payload = payloadOf(event)
    if (payload === undefined) return undefined
    try {
      return JSON.parse(payload) as unknown
    } catch {
      return undefined
    }
  }

  sseEvents(): SseEventEvent[] {
    return this.record.trace.filter((e): e is SseEventEvent => e.kind === 'sse.event')
  }

  /** WebSocket frames, optionally only those from one end or of one opcode ("text", "close", "ping" …) */
  wsFrames(filter: { from?: 'client' | 'server'; opcode?: string } = {}): WsFrameEvent[] {
    return this.record.trace.filter(
      (e): e is WsFrameEvent => e.kind === 'ws.frame' && (!filter.from || e.from === filter.from) && (!filter.opcode || e.opcodeName === filter.opcode),
    )
  }

  /** the trace event with this seq */
  event(seq: number | undefined): TraceEvent | undefined {
    return seq === undefined ? undefined : this.bySeq.get(seq)
  }

  /** console calls, all or only those of one client ("Bob") in a lesson with several */
  calls(client?: string): readonly LoggedCall[] {
    return client === undefined ? this.record.console : this.record.console.filter((c) => c.client === client)
  }

  /** console calls made while handling one of these kinds of thing (e.g. ['sse-event']) */
  callsHandling(kinds: readonly Kind[], client?: string): LoggedCall[] {
    return this.calls(client).filter((c) => c.cause !== undefined && kinds.includes(c.cause.kind))
  }

  /** the trace event a call was handling: the SSE event, WebSocket frame or response that brought it data */
  handled(call: LoggedCall | UiCall): TraceEvent | undefined {
    return this.event(call.cause?.event)
  }

  /** the data an event carried to the code: SSE data, a frame's text, a response body */
  payload(event: TraceEvent | undefined): string | undefined {
    return payloadOf(event)
  }

  /**
   * Did this call log data that came with what it was handling? Each value must be part of that event's
   * data (the parsed object, a field of it, or a line built from its fields, such as "Ada: hi"). A call
   * made by a timer, or logging text the event did not carry, did not.
   */
  loggedFromHandled(call: LoggedCall): boolean {
    return carries(this.payload(this.handled(call)), call.values)
  }

  /** the values of every console.log / info / … call, first argument first (of one client, if named) */
  logged(client?: string): unknown[][] {
    return this.calls(client).map((c) => c.values)
  }

  /** each console call as one line of text, its values joined with spaces (as a console shows them) */
  loggedLines(client?: string): string[] {
    return this.calls(client).map(lineOf)
  }

  /** the console calls whose line is `line` (compared as text: "..." is "…", spaces and quotes are loose) */
  callsLogging(line: string, client?: string): LoggedCall[] {
    const wanted = normalize(line)
    return this.calls(client).filter((c) => normalize(lineOf(c)) === wanted)
  }

  /** which of the `expected` lines were never logged, and which were logged more than once */
  compareLogged(expected: readonly string[]): { missing: string[]; repeated: string[] } {
    const count = (line: string) => this.callsLogging(line).length
    return { missing: expected.filter((e) => count(e) === 0), repeated: expected.filter((e) => count(e) > 1) }
  }

  /** calls of the `ui` helper, all or one client's */
  uiCalls(client?: string): readonly UiCall[] {
    const all = this.record.ui ?? []
    return client === undefined ? all : all.filter((c) => c.client === client)
  }

  /** a number the server kept, e.g. serverStat('empty'), summed over the instances; 0 when the server does not count it */
  serverStat(id: string): number {
    return this.record.server.filter((s) => s.id === id).reduce((sum, s) => sum + s.value, 0)
  }

  /** the run had a pub/sub broker between its server instances ("Broker between servers" ticked) */
  get brokerOn(): boolean {
    return this.record.broker ?? false
  }

  /** events on the pub/sub broker: what instances published, and each delivery */
  brokerEvents(): Array<Extract<TraceEvent, { kind: 'pubsub.publish' | 'pubsub.deliver' }>> {
    return this.record.trace.filter(
      (e): e is Extract<TraceEvent, { kind: 'pubsub.publish' | 'pubsub.deliver' }> => e.kind === 'pubsub.publish' || e.kind === 'pubsub.deliver',
    )
  }

  /** the largest number of requests waiting at the same time (sent, not yet answered or closed) */
  maxConcurrentRequests(): number {
    const waiting = new Set<string>()
    let max = 0
    for (const e of this.record.trace) {
      if (e.kind === 'http.request') {
        waiting.add(e.conn)
        max = Math.max(max, waiting.size)
      } else if (e.kind === 'http.response' || e.kind === 'conn.close' || e.kind === 'conn.error') {
        waiting.delete(e.conn)
      }
    }
    return max
  }

  /** faults the learner pressed during the run (drop, restart, offline), in time order */
  learnerFaults(): FaultEvent[] {
    return this.record.trace.filter(
      (e): e is FaultEvent => e.kind === 'fault' && e.origin === 'learner' && faultKind(e) !== 'back-online' && faultKind(e) !== 'recovered',
    )
  }

  /** how the run ended (a run record without it counts as finished) */
  get end(): RunEnd {
    return this.record.end ?? { status: 'finished', at: Math.max(0, ...this.record.trace.map((e) => e.arrives)) }
  }

  get errors(): readonly string[] {
    return this.record.errors
  }
}

/** the path of a request target: "/api/messages" from "/api/messages?since=2" */
export function pathOf(target: string): string {
  return target.split(/[?#]/)[0]!
}

/** a query parameter of a request target, or null */
export function queryParam(target: string, name: string): string | null {
  const query = target.split('#')[0]!.split('?')[1]
  return query === undefined ? null : new URLSearchParams(query).get(name)
}

/** a call as one line of text, as a console shows it */
export function lineOf(call: LoggedCall): string {
  return call.values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(' ')
}
