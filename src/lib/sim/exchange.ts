// One HTTP exchange on the simulated wire: the request travels to the server, the server's response
// head and body chunks travel back. Each message is put in the trace when it leaves its sender and
// handed to the transport (the msw adapter) when simulated time reaches its arrival.
import { chunkedLength, formatResponseHead, httpDate, reasonPhrase, utf8Length, type Header } from './http1.ts'
import { encodeSseEvent, SseParser, type DispatchedSseEvent, type SseFields } from './sse.ts'
import type { DeliveredChunk, EventStreamWriter, ResponseHead, ResponseWriter } from './response-writer.ts'

export type { DeliveredChunk, EventStreamWriter, ResponseHead, ResponseWriter } from './response-writer.ts'
import type { SimScheduler } from './scheduler.ts'
import type { Trace } from './trace.ts'
import { SIM_EPOCH_MS } from './clock.ts'
import { travel, type Arrival, type Direction, type Network } from './network.ts'

interface ExchangeContext {
  scheduler: SimScheduler
  trace: Trace
  network: Network
  /** a proxy in front of the server cuts a connection on which nothing was sent for this long (null: no proxy) */
  proxyIdleTimeoutMs: number | null
  conn: string
  key: number
}

/**
 * Where the exchange is: `unsent` → `sent` (the request left the client) → `answered` (the head left
 * the server) → `ended`; or `lost` on the way (the network or a proxy cut it: the server's writes go
 * nowhere, and the client learns one latency later, when it becomes `ended` by the network).
 * `ended.by` says which end closed it: the server (a complete body, or the stream's last chunk), the
 * network (after a loss), or the client (the learner's code, or the run's end).
 */
type ExchangeState =
  { phase: 'unsent' | 'sent' | 'answered' } | { phase: 'lost'; unanswered: boolean } | { phase: 'ended'; by: 'server' | 'network' | 'client' }

const NETWORK_ERROR: ResponseHead = { networkError: true, status: 0, headers: [], body: null }

export class HttpExchange implements ResponseWriter {
  /** resolves when the response head reaches the client, or with null when the connection ended first */
  readonly responseHead: Promise<ResponseHead | null>
  private resolveHead!: (head: ResponseHead | null) => void
  private chunkListeners: Array<(chunk: DeliveredChunk) => void> = []
  private headListeners: Array<(head: ResponseHead) => void> = []
  private endListeners: Array<() => void> = []
  private clientCloseListeners: Array<() => void> = []
  /** the browser's connection (or HTTP/2 stream) is free again: called once, when the exchange ends */
  private releaseListeners: Array<() => void> = []
  /** the simulated ms it began waiting in the browser for a free connection, or null (it never waited) */
  queuedAt: number | null = null
  /** waiting for a connection now: nothing has been sent */
  private queued = false
  private state: ExchangeState = { phase: 'unsent' }
  /** what the browser's EventSource makes of the stream so far (an event may span chunks) */
  private sseParser: SseParser | null = null
  private readonly unheard: DeliveredChunk[] = []
  private idleTimer: number | null = null
  /** the trace event that brings the client its answer: the response head, or the error or loss instead of one */
  headSeq: number | null = null

  constructor(private readonly ctx: ExchangeContext) {
    this.responseHead = new Promise((resolve) => (this.resolveHead = resolve))
  }

  get conn(): string {
    return this.ctx.conn
  }

  /** the request has left the client (a connection exists to lose) */
  get sent(): boolean {
    return this.state.phase !== 'unsent'
  }

  /** the request leaves the client now */
  markSent(): void {
    this.queued = false
    if (this.state.phase === 'unsent') this.state = { phase: 'sent' }
  }

  /** waiting in the browser for a free connection (queued, not closed) */
  get waiting(): boolean {
    return this.queued && this.state.phase === 'unsent'
  }

  /** the browser holds the request back until a connection is free (Simulation's connection pool) */
  markQueued(at: number): void {
    if (this.state.phase !== 'unsent') return
    this.queued = true
    this.queuedAt = at
  }

  /** the connection this exchange used (or the slot it waited for) is free: its end reached the client, or the client closed it */
  onRelease(fn: () => void): void {
    this.releaseListeners.push(fn)
  }

  /** still open: not closed by either end, not lost */
  get open(): boolean {
    return this.state.phase === 'unsent' || this.state.phase === 'sent' || this.state.phase === 'answered'
  }

  /** the connection ended from the server's side (a close or a loss), not by the client */
  get endedByServer(): boolean {
    return this.state.phase === 'ended' && this.state.by !== 'client'
  }

  /**
   * Called synchronously when the response head reaches the client, before `responseHead` resolves:
   * the transport uses it to hold simulated time until the browser has it (awaiting the promise would
   * leave a gap in which time could move on).
   */
  onHeadDelivered(fn: (head: ResponseHead) => void): void {
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
    if (this.endedByServer) fn()
  }

  onClientClose(fn: () => void): void {
    this.clientCloseListeners.push(fn)
  }

  respond(status: number, body: string, contentType = 'application/json'): void {
    this.respondWith(status, [['Content-Type', contentType]], body)
  }

  respondEmpty(status: number): void {
    this.respondWith(status, [], '')
  }

  /** a complete answer with the server's own headers (Date first; Content-Length added for a body, absent for a null-body status) */
  respondWith(status: number, headers: ReadonlyArray<readonly [string, string]>, body: string): void {
    const nullBody = [101, 103, 204, 205, 304].includes(status)
    const length: Array<[string, string]> =
      nullBody || headers.some(([n]) => n.toLowerCase() === 'content-length') ? [] : [['Content-Length', String(utf8Length(body))]]
    const arrival = this.sendHead(status, this.baseHeaders([...headers, ...length]), nullBody ? '' : body, false)
    if (arrival) this.deliverAt(arrival, () => this.finish('server'))
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
    if (this.state.phase === 'answered') return this.lose(why)
    // the proxy answers in the server's place, and the server's own answer goes nowhere
    this.state = { phase: 'lost', unanswered: false }
    const body = 'Gateway Timeout'
    const headers: Header[] = this.baseHeaders([
      ['Content-Type', 'text/plain'],
      ['Content-Length', String(body.length)],
    ])
    const wire = formatResponseHead(504, headers)
    const arrival = this.send('down')
    this.headSeq = trace.append({
      kind: 'http.response',
      t: scheduler.now,
      ...travel(arrival),
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
    if (arrival.lost) return
    scheduler.at(arrival.at, () => this.deliverHead({ status: 504, headers, body }, 'network'), { key: this.ctx.key, label: `${conn} proxy 504` })
  }

  /**
   * No server could be reached (offline, unknown host: at once; a refused connection: one round trip
   * later, at `arrives`): no request is sent, and the browser gets a network error.
   */
  failToConnect(reason: string, arrives = this.ctx.scheduler.now): void {
    const { scheduler, trace, conn } = this.ctx
    const refused = arrives > scheduler.now
    this.headSeq = trace.append({
      kind: 'conn.error',
      t: scheduler.now,
      arrives,
      conn,
      from: 'client',
      to: refused ? 'server' : 'client',
      bytes: 0,
      reason,
    }).seq
    if (!refused) return this.deliverHead(NETWORK_ERROR, 'network')
    this.deliverAt({ at: arrives }, () => this.deliverHead(NETWORK_ERROR, 'network'))
  }

  /** answers 200 with an event stream; `headers` are the server's own, sent after the stream's (a Content-Type given there replaces text/event-stream) */
  eventStream(headers: ReadonlyArray<readonly [string, string]> = []): EventStreamWriter {
    const own = new Set(headers.map(([n]) => n.toLowerCase()))
    const defaults: Array<[string, string]> = [
      ['Content-Type', 'text/event-stream'],
      ['Cache-Control', 'no-cache'],
    ]
    this.sendHead(200, this.baseHeaders([...defaults.filter(([n]) => !own.has(n.toLowerCase())), ...headers, ['Transfer-Encoding', 'chunked']]), null, true)
    let closed = false
    const isClosed = () => closed || !this.open
    return {
      get closed() {
        return isClosed()
      },
      send: (fields: SseFields) => {
        if (!isClosed()) this.writeStream(encodeSseEvent(fields), fields)
      },
      raw: (text: string) => {
        if (!isClosed() && text !== '') this.writeStream(text, null)
      },
      close: () => {
        if (isClosed()) return
        closed = true
        this.closeByServer()
      },
    }
  }

  /**
   * The network loses the connection (a fault). The client learns one latency later: an unanswered
   * request fails with a network error, an open stream just ends. The server stops writing to it.
   */
  lose(reason: string): void {
    if (this.state.phase !== 'sent' && this.state.phase !== 'answered') return
    const unanswered = this.state.phase === 'sent'
    this.state = { phase: 'lost', unanswered }
    this.stopIdleTimer()
    const { scheduler, trace, conn } = this.ctx
    const arrival = this.send('down')
    const { seq } = trace.append({ kind: 'conn.close', t: scheduler.now, ...travel(arrival), conn, from: 'network', to: 'client', bytes: 0, reason })
    if (unanswered) this.headSeq = seq
    for (const fn of this.clientCloseListeners) fn()
    // a silent path loses the news too: the client never learns
    if (arrival.lost) return
    this.ctx.scheduler.at(arrival.at, () => (unanswered ? this.deliverHead(NETWORK_ERROR, 'network') : this.finish('network')), {
      key: this.ctx.key,
      label: `${conn} lost`,
    })
  }

  /** the client side went away: the learner closed it, or the run ended */
  closeByClient(reason: string): void {
    // a connection already lost, whose loss the client never heard of (a silent path), is freed all the same
    if (!this.open) return this.release()
    this.state = { phase: 'ended', by: 'client' }
    this.stopIdleTimer()
    const { scheduler, trace, conn } = this.ctx
    if (this.queued) {
      // it never left the browser: nothing travels, the server never hears of it
      const t = scheduler.now
      trace.append({
        kind: 'conn.close',
        t,
        arrives: t,
        conn,
        from: 'client',
        to: 'client',
        bytes: 0,
        reason: `${reason} It was still waiting for a connection: nothing was sent.`,
      })
    } else trace.append({ kind: 'conn.close', t: scheduler.now, ...travel(this.send('up')), conn, from: 'client', to: 'server', bytes: 0, reason })
    this.resolveHead(null)
    for (const fn of this.clientCloseListeners) fn()
    for (const fn of this.endListeners) fn()
    this.release()
  }

  private release(): void {
    for (const fn of this.releaseListeners.splice(0)) fn()
  }

  private baseHeaders(fields: ReadonlyArray<readonly [string, string]>): Header[] {
    const date: Header = { name: 'Date', value: httpDate(SIM_EPOCH_MS + this.ctx.scheduler.now), source: 'observed' }
    return [date, ...fields.map(([name, value]): Header => ({ name, value, source: 'observed' }))]
  }

  /** a message leaves now: when it arrives (latency, jitter, in order), if a silent path does not lose it; call once per message */
  private send(direction: Direction): Arrival {
    return this.ctx.network.send(this.ctx.conn, direction, this.ctx.scheduler.now)
  }

  /** the response head leaves the server; returns when it arrives (null: it goes nowhere) */
  private sendHead(status: number, headers: Header[], body: string | null, streaming: boolean): Arrival | null {
    // the server answers into a connection that no longer exists
    if (this.state.phase === 'lost' || this.state.phase === 'ended') return null
    if (this.state.phase === 'answered') throw new Error('The simulated server answered one request twice')
    this.state = { phase: 'answered' }
    const { scheduler, trace, conn } = this.ctx
    const wire = formatResponseHead(status, headers)
    if (streaming) this.startIdleTimer()
    else this.stopIdleTimer()
    const arrival = this.send('down')
    this.headSeq = trace.append({
      kind: 'http.response',
      t: scheduler.now,
      ...travel(arrival),
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
    this.deliverAt(arrival, () => this.deliverHead({ status, headers, body }))
    return arrival
  }

  /**
   * One chunk of the event stream leaves the server: the blocks of one event (`fields`), or raw text as
   * it is (CRLF or CR line ends, a BOM, an event split over chunks). The stream's own parser says what
   * the browser will dispatch when the chunk arrives, so the trace and the barrier count what it does.
   */
  private writeStream(text: string, fields: SseFields | null): void {
    const { scheduler, trace, conn } = this.ctx
    const dispatched: DispatchedSseEvent[] = []
    this.sseParser ??= new SseParser()
    this.sseParser.onEvent = (event) => dispatched.push(event)
    this.sseParser.push(text)
    const first = dispatched[0]
    // a raw chunk is described by the first event it completes (the inspector reads its bytes)
    const shown: SseFields =
      fields ??
      (first ? { ...(first.lastEventId ? { id: first.lastEventId } : {}), ...(first.type !== 'message' ? { event: first.type } : {}), data: first.data } : {})
    this.startIdleTimer()
    const arrival = this.send('down')
    const { seq } = trace.append({
      kind: 'sse.event',
      t: scheduler.now,
      ...travel(arrival),
      conn,
      from: 'server',
      to: 'client',
      bytes: chunkedLength(text),
      wire: text,
      fields: shown,
      dispatches: dispatched.length > 0,
      ...(fields ? {} : { raw: true as const }),
    })
    const chunk: DeliveredChunk = {
      text,
      seq,
      dispatched: dispatched.map((e) => e.type),
      lastEventId: this.sseParser.lastEventId,
      retry: this.sseParser.reconnectionTime,
    }
    this.deliverAt(arrival, () => {
      if (this.chunkListeners.length === 0) this.unheard.push(chunk)
      for (const fn of this.chunkListeners) fn(chunk)
    })
  }

  private closeByServer(): void {
    const { scheduler, trace, conn } = this.ctx
    const arrival = this.send('down')
    trace.append({
      kind: 'conn.close',
      t: scheduler.now,
      ...travel(arrival),
      conn,
      from: 'server',
      to: 'client',
      bytes: 5,
      reason: 'The server ended the response (last chunk "0\\r\\n\\r\\n")',
    })
    this.deliverAt(arrival, () => this.finish('server'))
  }

  /** the connection ends from the server's side (or the network's): the client is told */
  private finish(by: 'server' | 'network'): void {
    this.stopIdleTimer()
    if (this.state.phase === 'ended') return
    this.state = { phase: 'ended', by }
    this.resolveHead(null)
    for (const fn of this.endListeners) fn()
    this.release()
  }

  /** the one place a head reaches the client: the listeners first (synchronously), then the promise; `thenEnd`: nothing follows it */
  private deliverHead(head: ResponseHead, thenEnd?: 'network'): void {
    for (const fn of this.headListeners) fn(head)
    this.resolveHead(head)
    if (thenEnd) this.finish(thenEnd)
  }

  /** `fn` when the message arrives; a message a silent path lost never does */
  private deliverAt(arrival: Arrival, fn: () => void): void {
    if (arrival.lost) return
    this.ctx.scheduler.at(
      arrival.at,
      () => {
        if (this.state.phase !== 'ended') fn()
      },
      { key: this.ctx.key, label: `${this.ctx.conn} delivery` },
    )
  }
}
