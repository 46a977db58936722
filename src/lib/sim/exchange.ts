// One HTTP exchange on the simulated wire: the request travels to the server, the server's response
// head and body chunks travel back. Each message is put in the trace when it leaves its sender and
// handed to the transport (the msw adapter) when simulated time reaches its arrival.
import { chunkedLength, formatResponseHead, httpDate, reasonPhrase, utf8Length, type Header } from './http1.ts'
import { encodeSseEvent, sseDispatches, type SseFields } from './sse.ts'
import type { DeliveredChunk, EventStreamWriter, ResponseHead, ResponseWriter } from './response-writer.ts'

export type { DeliveredChunk, EventStreamWriter, ResponseHead, ResponseWriter } from './response-writer.ts'
import type { SimScheduler } from './scheduler.ts'
import type { Trace } from './trace.ts'
import { SIM_EPOCH_MS } from './clock.ts'
import type { Direction, Network } from './network.ts'

interface ExchangeContext {
  scheduler: SimScheduler
  trace: Trace
  network: Network
  /** a proxy in front of the server cuts a connection on which nothing was sent for this long (null: no proxy) */
  proxyIdleTimeoutMs: number | null
  conn: string
  key: number
}

export class HttpExchange implements ResponseWriter {
  /** resolves when the response head reaches the client, or with null when the connection ended first */
  readonly responseHead: Promise<ResponseHead | null>
  private resolveHead!: (head: ResponseHead | null) => void
  private chunkListeners: Array<(chunk: DeliveredChunk) => void> = []
  private headListeners: Array<() => void> = []
  private endListeners: Array<() => void> = []
  private clientCloseListeners: Array<() => void> = []
  private answered = false
  /** the connection is gone (closed by either end); nothing more is sent or delivered */
  private over = false
  /** the network lost the connection: the server's later writes go nowhere */
  private lost = false
  private closedByClient = false
  private finished = false
  private readonly unheard: DeliveredChunk[] = []
  private idleTimer: number | null = null
  /** the request has left the client (a connection exists to lose) */
  sent = false
  /** the trace event that brings the client its answer: the response head, or the error or loss instead of one */
  headSeq: number | null = null

  constructor(private readonly ctx: ExchangeContext) {
    this.responseHead = new Promise((resolve) => (this.resolveHead = resolve))
  }

  get conn(): string {
    return this.ctx.conn
  }

  /**
   * Called synchronously when the response head reaches the client, before `responseHead` resolves:
   * the transport uses it to hold simulated time until the browser has it (awaiting the promise would
   * leave a gap in which time could move on).
   */
  onHeadDelivered(fn: () => void): void {
    this.headListeners.push(fn)
  }

  /**
   * Chunks reach the client in order; the transport may start listening a little after the head
   * arrived (it awaits the head), so chunks delivered before anyone listens are kept and handed over.
   */
  onChunk(fn: (chunk: DeliveredChunk) => void): void {
    this.chunkListeners.push(fn)
    for (const chunk of this.unheard.splice(0)) fn(chunk)
  }

  onEnd(fn: () => void): void {
    this.endListeners.push(fn)
    if (this.finished) fn()
  }

  onClientClose(fn: () => void): void {
    this.clientCloseListeners.push(fn)
  }

  respond(status: number, body: string, contentType = 'application/json'): void {
    const headers = this.baseHeaders([
      ['Content-Type', contentType],
      ['Content-Length', String(utf8Length(body))],
    ])
    const arrives = this.sendHead(status, headers, body, false)
    this.deliverAt(arrives, () => this.finish())
  }

  respondEmpty(status: number): void {
    const arrives = this.sendHead(status, this.baseHeaders([]), '', false)
    this.deliverAt(arrives, () => this.finish())
  }

  hold(reason: string): void {
    const { scheduler, trace, conn } = this.ctx
    trace.append({ kind: 'http.held', t: scheduler.now, arrives: scheduler.now, conn, from: 'server', to: 'server', bytes: 0, reason })
  }

  /** the request reached the proxy and the server: from now on, silence counts towards the idle timeout */
  startIdleTimer(): void {
    const idle = this.ctx.proxyIdleTimeoutMs
    if (idle === null || !this.open) return
    if (this.idleTimer !== null) this.ctx.scheduler.cancel(this.idleTimer)
    this.idleTimer = this.ctx.scheduler.after(idle, () => this.proxyTimeout(idle), { key: this.ctx.key, label: `${this.ctx.conn} proxy idle timeout` })
  }

  private stopIdleTimer(): void {
    if (this.idleTimer !== null) this.ctx.scheduler.cancel(this.idleTimer)
    this.idleTimer = null
  }

  /**
   * The proxy gives up on a silent connection: an unanswered request gets `504 Gateway Timeout` from
   * the proxy; an open stream is cut. Either way the server's side is closed.
   */
  private proxyTimeout(idleMs: number): void {
    this.idleTimer = null
    if (!this.open) return
    const { scheduler, trace, conn } = this.ctx
    const why = `The proxy closed the connection after ${idleMs / 1000} s without data (its idle timeout).`
    if (this.answered) return this.lose(why)
    this.answered = true
    this.lost = true
    const body = 'Gateway Timeout'
    const headers: Header[] = this.baseHeaders([
      ['Content-Type', 'text/plain'],
      ['Content-Length', String(body.length)],
    ])
    const wire = formatResponseHead(504, headers)
    const arrives = this.arrival('down')
    this.headSeq = trace.append({
      kind: 'http.response',
      t: scheduler.now,
      arrives,
      conn,
      from: 'network',
      to: 'client',
      bytes: wire.length + body.length,
      status: 504,
      reason: reasonPhrase(504),
      headers,
      wire,
      streaming: false,
      body,
    }).seq
    for (const fn of this.clientCloseListeners) fn()
    scheduler.at(
      arrives,
      () => {
        for (const fn of this.headListeners) fn()
        this.resolveHead({ status: 504, headers, body })
        this.finish()
      },
      { key: this.ctx.key, label: `${conn} proxy 504` },
    )
  }

  /** no server could be reached (unknown host): the browser gets a network error */
  failToConnect(reason: string): void {
    const { scheduler, trace, conn } = this.ctx
    this.headSeq = trace.append({ kind: 'conn.error', t: scheduler.now, arrives: scheduler.now, conn, from: 'client', to: 'client', bytes: 0, reason }).seq
    this.answered = true
    for (const fn of this.headListeners) fn()
    this.resolveHead({ networkError: true, status: 0, headers: [], body: null })
    this.finish()
  }

  eventStream(): EventStreamWriter {
    const headers = this.baseHeaders([
      ['Content-Type', 'text/event-stream'],
      ['Cache-Control', 'no-cache'],
      ['Transfer-Encoding', 'chunked'],
    ])
    this.sendHead(200, headers, null, true)
    let closed = false
    const isClosed = () => closed || this.over || this.lost
    return {
      get closed() {
        return isClosed()
      },
      send: (fields: SseFields) => {
        if (!isClosed()) this.sendSse(fields)
      },
      close: () => {
        if (isClosed()) return
        closed = true
        this.closeByServer()
      },
    }
  }

  /** the connection ended from the server's side (a close or a loss), not by the client */
  get endedByServer(): boolean {
    return this.over && !this.closedByClient
  }

  /** still open: not closed by either end, not lost */
  get open(): boolean {
    return !this.over && !this.lost
  }

  /**
   * The network loses the connection (a fault). The client learns one latency later: an unanswered
   * request fails with a network error, an open stream just ends. The server stops writing to it.
   */
  lose(reason: string): void {
    if (!this.open || !this.sent) return
    this.lost = true
    this.stopIdleTimer()
    const { scheduler, trace, conn } = this.ctx
    const arrives = this.arrival('down')
    const { seq } = trace.append({ kind: 'conn.close', t: scheduler.now, arrives, conn, from: 'network', to: 'client', bytes: 0, reason })
    const unanswered = !this.answered
    if (unanswered) this.headSeq = seq
    this.answered = true
    for (const fn of this.clientCloseListeners) fn()
    this.ctx.scheduler.at(
      arrives,
      () => {
        if (unanswered) {
          for (const fn of this.headListeners) fn()
          this.resolveHead({ networkError: true, status: 0, headers: [], body: null })
        }
        this.finish()
      },
      { key: this.ctx.key, label: `${conn} lost` },
    )
  }

  /** the client side went away: the learner closed it, or the run ended */
  closeByClient(reason: string): void {
    if (this.over || this.lost) return
    this.over = true
    this.closedByClient = true
    this.stopIdleTimer()
    const { scheduler, trace, conn } = this.ctx
    trace.append({ kind: 'conn.close', t: scheduler.now, arrives: this.arrival('up'), conn, from: 'client', to: 'server', bytes: 0, reason })
    this.resolveHead(null)
    for (const fn of this.clientCloseListeners) fn()
    for (const fn of this.endListeners) fn()
  }

  private baseHeaders(fields: Array<[string, string]>): Header[] {
    const date: Header = { name: 'Date', value: httpDate(SIM_EPOCH_MS + this.ctx.scheduler.now), source: 'observed' }
    return [date, ...fields.map(([name, value]): Header => ({ name, value, source: 'observed' }))]
  }

  /** when a message sent now arrives (latency, jitter, in order); call once per message */
  private arrival(direction: Direction): number {
    return this.ctx.network.arrival(this.ctx.conn, direction, this.ctx.scheduler.now)
  }

  /** the response head leaves the server; returns when it arrives */
  private sendHead(status: number, headers: Header[], body: string | null, streaming: boolean): number {
    if (this.lost) return this.ctx.scheduler.now // the server answers into a connection that no longer exists
    if (this.answered) throw new Error('The simulated server answered one request twice')
    this.answered = true
    const { scheduler, trace, conn } = this.ctx
    const wire = formatResponseHead(status, headers)
    if (streaming) this.startIdleTimer()
    else this.stopIdleTimer()
    const arrives = this.arrival('down')
    this.headSeq = trace.append({
      kind: 'http.response',
      t: scheduler.now,
      arrives,
      conn,
      from: 'server',
      to: 'client',
      bytes: wire.length + (body === null ? 0 : utf8Length(body)),
      status,
      reason: reasonPhrase(status),
      headers,
      wire,
      streaming,
      ...(body === null ? {} : { body }),
    }).seq
    this.deliverAt(arrives, () => {
      for (const fn of this.headListeners) fn()
      this.resolveHead({ status, headers, body })
    })
    return arrives
  }

  private sendSse(fields: SseFields): void {
    const { scheduler, trace, conn } = this.ctx
    const wire = encodeSseEvent(fields)
    const dispatches = sseDispatches(fields)
    this.startIdleTimer()
    const arrives = this.arrival('down')
    const { seq } = trace.append({
      kind: 'sse.event',
      t: scheduler.now,
      arrives,
      conn,
      from: 'server',
      to: 'client',
      bytes: chunkedLength(wire),
      wire,
      fields,
      dispatches,
    })
    const chunk: DeliveredChunk = { text: wire, fields, dispatches: dispatches ? fields.event || 'message' : null, seq }
    this.deliverAt(arrives, () => {
      if (this.chunkListeners.length === 0) this.unheard.push(chunk)
      for (const fn of this.chunkListeners) fn(chunk)
    })
  }

  private closeByServer(): void {
    const { scheduler, trace, conn } = this.ctx
    const arrives = this.arrival('down')
    trace.append({
      kind: 'conn.close',
      t: scheduler.now,
      arrives,
      conn,
      from: 'server',
      to: 'client',
      bytes: 5,
      reason: 'The server ended the response (last chunk "0\\r\\n\\r\\n")',
    })
    this.deliverAt(arrives, () => this.finish())
  }

  private finish(): void {
    this.stopIdleTimer()
    if (this.over) return
    this.over = true
    this.finished = true
    this.resolveHead(null)
    for (const fn of this.endListeners) fn()
  }

  private deliverAt(t: number, fn: () => void): void {
    this.ctx.scheduler.at(
      t,
      () => {
        if (!this.over) fn()
      },
      { key: this.ctx.key, label: `${this.ctx.conn} delivery` },
    )
  }
}
