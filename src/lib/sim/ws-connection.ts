// One WebSocket connection on the simulated wire: the HTTP Upgrade handshake, then frames both ways,
// each put in the trace with its real bytes when it leaves its sender, and handed over when it arrives.
// Browsers never show the handshake or frames to pages, so all of it is modelled from what the
// connection did, exactly as RFC 6455 says it goes on the wire.
import { formatRequestHead, formatResponseHead, httpDate, reasonPhrase, type Header } from './http1.ts'
import { acceptFor, closePayload, encodeFrame, frame, makeKey, makeMaskKey, Opcode, opcodeName, readClosePayload, toHex, type Frame } from './websocket.ts'
import type { SimScheduler } from './scheduler.ts'
import type { NewTraceEvent, Trace } from './trace.ts'
import { SIM_EPOCH_MS } from './clock.ts'
import type { Network } from './network.ts'

/** what the client side (the bridge to the learner's WebSocket) is told, at arrival times */
/** `seq`: the trace event that brought this to the client (the 101, a frame, a close), for checks */
export interface WsClientListener {
  open(protocol: string, seq?: number): void
  message(data: string | Uint8Array, seq?: number): void
  /** the connection failed or was lost: browsers fire error before the close event */
  error(seq?: number): void
  close(code: number, reason: string, wasClean: boolean, seq?: number): void
}

/** the server's answer to a handshake: accept (with the subprotocol it chose, '' for none), refuse with a status, or null for 404 */
export type HandshakeAnswer = { protocol: string } | { refuse: number; headers?: ReadonlyArray<readonly [string, string]> } | null

/** the server's end of one connection */
export interface ServerSocket {
  readonly conn: string
  send(data: string | Uint8Array): void
  ping(payload?: string): void
  close(code?: number, reason?: string): void
  onMessage(fn: (data: string | Uint8Array) => void): void
  onClose(fn: (code: number | null, reason: string) => void): void
  readonly open: boolean
}

interface Context {
  scheduler: SimScheduler
  trace: Trace
  network: Network
  conn: string
  key: number
  random: () => number
}

const encoder = new TextEncoder()
const decoder = new TextDecoder()
type State = 'connecting' | 'open' | 'closing' | 'closed'

export class WsConnection implements ServerSocket {
  state: State = 'connecting'
  /** the seq of the last event this connection put in the trace */
  private lastSeq = 0
  private messageListeners: Array<(data: string | Uint8Array) => void> = []
  private closeListeners: Array<(code: number | null, reason: string) => void> = []
  private closeSentBy: 'client' | 'server' | null = null
  /** the handshake has left the client (a connection exists to lose) */
  private started = false
  /** the 101 has reached the browser: the learner's WebSocket is OPEN */
  private clientOpened = false
  /**
   * the browser is done with this connection (it failed it, or told the learner's code it closed):
   * nothing that arrives afterwards reaches the learner's listeners, and the browser answers no ping
   */
  private clientGone = false

  constructor(
    private readonly ctx: Context,
    private readonly client: WsClientListener,
  ) {}

  get conn(): string {
    return this.ctx.conn
  }

  get open(): boolean {
    return this.state === 'open'
  }

  /** the client's opening handshake (§4.1); `accept` decides at the server, one latency later */
  handshake(
    request: { host: string; target: string; origin: string; protocols: string[]; route?: string },
    accept: (socket: ServerSocket) => HandshakeAnswer,
    serverDelayMs = 0,
  ): void {
    const { scheduler, conn } = this.ctx
    // the learner's code closed it before the handshake could even leave
    if (this.state !== 'connecting') return
    this.started = true
    const key = makeKey(this.ctx.random)
    const m = (name: string, value: string): Header => ({ name, value, source: 'modelled' })
    const headers = [
      m('Host', request.host),
      m('Upgrade', 'websocket'),
      m('Connection', 'Upgrade'),
      m('Sec-WebSocket-Key', key),
      m('Sec-WebSocket-Version', '13'),
      m('Origin', request.origin),
    ]
    if (request.protocols.length) headers.push(m('Sec-WebSocket-Protocol', request.protocols.join(', ')))
    const wire = formatRequestHead('GET', request.target, headers)
    const t = scheduler.now
    const arrives = this.arrival('up')
    this.record({
      kind: 'http.request',
      t,
      arrives,
      conn,
      from: 'client',
      to: 'server',
      bytes: wire.length,
      method: 'GET',
      target: request.target,
      headers,
      wire,
      api: 'WebSocket',
      ...(request.route ? { route: request.route } : {}),
    })
    this.at(arrives + serverDelayMs, () => {
      // failed or lost before the server answered: nothing more happens on this connection
      if (this.state !== 'connecting') return
      const accepted = accept(this)
      if (!accepted) return this.refuse(404, [])
      if ('refuse' in accepted) return this.refuse(accepted.refuse, accepted.headers ?? [])
      const response = [m('Upgrade', 'websocket'), m('Connection', 'Upgrade'), m('Sec-WebSocket-Accept', acceptFor(key))]
      if (accepted.protocol) response.push(m('Sec-WebSocket-Protocol', accepted.protocol))
      const opened = this.respond(101, response)
      const seq = this.lastSeq
      this.state = 'open'
      this.at(opened, () => {
        if (this.clientGone) return
        this.clientOpened = true
        this.client.open(accepted.protocol, seq)
      })
    })
  }

  // ---- the server's end ----
  send(data: string | Uint8Array): void {
    if (this.state !== 'open') return
    const arrives = this.sendFrame('server', typeof data === 'string' ? frame(Opcode.text, encoder.encode(data)) : frame(Opcode.binary, data))
    const seq = this.lastSeq
    this.at(arrives, () => {
      if (!this.clientGone) this.client.message(data, seq)
    })
  }

  ping(payload = ''): void {
    if (this.state !== 'open') return
    const bytes = encoder.encode(payload)
    const arrives = this.sendFrame('server', frame(Opcode.ping, bytes))
    // the browser answers a ping with a pong by itself (§5.5.2); the learner's code never sees either
    this.at(arrives, () => {
      if (!this.clientGone && (this.state === 'open' || this.state === 'closing'))
        this.sendFrame('client', frame(Opcode.pong, bytes, { maskKey: makeMaskKey(this.ctx.random) }))
    })
  }

  close(code = 1000, reason = ''): void {
    if (this.state !== 'open') return
    this.startClose('server', code, reason)
  }

  onMessage(fn: (data: string | Uint8Array) => void): void {
    this.messageListeners.push(fn)
  }

  onClose(fn: (code: number | null, reason: string) => void): void {
    this.closeListeners.push(fn)
  }

  // ---- the client's end (the learner's WebSocket) ----
  clientSend(data: string | Uint8Array): void {
    if (this.state !== 'open') return
    const maskKey = makeMaskKey(this.ctx.random)
    const arrives = this.sendFrame(
      'client',
      typeof data === 'string' ? frame(Opcode.text, encoder.encode(data), { maskKey }) : frame(Opcode.binary, data, { maskKey }),
    )
    this.at(arrives, () => {
      if (this.state === 'open') for (const fn of this.messageListeners) fn(data)
    })
  }

  /** ws.close(code, reason) in the learner's code; without a code the frame carries none (→ 1005) */
  clientClose(code: number | undefined, reason: string): void {
    if (this.clientGone) return
    // before the 101 reached the browser, close() fails the connection (WebSocket API "close()" steps):
    // no close frame, the TCP connection is dropped, and the page gets error then close 1006
    if (!this.clientOpened) return this.failByClient()
    if (this.state !== 'open') return
    this.startClose('client', code, reason)
  }

  private failByClient(): void {
    const { scheduler, conn } = this.ctx
    // the server had already answered 101 (it is on its way): it learns of the close when it arrives
    const serverAccepted = this.state === 'open'
    this.state = 'closed'
    this.clientGone = true
    if (this.started) {
      const arrives = this.arrival('up')
      this.record({
        kind: 'conn.close',
        t: scheduler.now,
        arrives,
        conn,
        from: 'client',
        to: 'server',
        bytes: 0,
        reason:
          "The learner's code closed the WebSocket before the handshake completed: the browser drops the connection without a close frame (the page gets close code 1006)",
      })
      if (serverAccepted) this.at(arrives, () => this.closeListeners.forEach((fn) => fn(1006, '')))
    }
    const seq = this.started ? this.lastSeq : undefined
    this.at(scheduler.now, () => {
      this.client.error(seq)
      this.client.close(1006, '', false, seq)
    })
  }

  /** the network loses the connection: no close frames; both ends see 1006 */
  lose(reason: string): void {
    if (this.state === 'closed' || !this.started) return
    this.state = 'closed'
    const { scheduler, conn } = this.ctx
    const arrives = this.arrival('down')
    this.record({
      kind: 'conn.close',
      t: scheduler.now,
      arrives,
      conn,
      from: 'network',
      to: 'client',
      bytes: 0,
      reason: `${reason} (close code 1006, abnormal closure: no close frame was sent)`,
    })
    for (const fn of this.closeListeners) fn(1006, '')
    const seq = this.lastSeq
    this.at(arrives, () => this.tellClientFailed(seq))
  }

  /** the browser fails the connection: error, then close 1006; nothing reaches the learner afterwards */
  private tellClientFailed(seq: number): void {
    if (this.clientGone) return
    this.clientGone = true
    this.client.error(seq)
    this.client.close(1006, '', false, seq)
  }

  private startClose(by: 'client' | 'server', code: number | undefined, reason: string): void {
    this.state = 'closing'
    this.closeSentBy = by
    const payload = code === undefined ? new Uint8Array() : closePayload(code, reason)
    const arrives = this.sendFrame(by, frame(Opcode.close, payload, { maskKey: by === 'client' ? makeMaskKey(this.ctx.random) : null }))
    this.at(arrives, () => {
      if (this.state === 'closed') return
      // the other end answers with a close frame of its own, echoing the code (§5.5.1)
      const other = by === 'client' ? 'server' : 'client'
      const answered = this.sendFrame(other, frame(Opcode.close, payload, { maskKey: other === 'client' ? makeMaskKey(this.ctx.random) : null }))
      const seq = this.lastSeq
      if (by === 'client') for (const fn of this.closeListeners) fn(code ?? null, reason)
      this.at(answered, () => this.finish(code ?? 1005, reason, seq))
    })
  }

  private finish(code: number, reason: string, seq: number): void {
    if (this.state === 'closed') return
    this.state = 'closed'
    if (this.closeSentBy === 'server') for (const fn of this.closeListeners) fn(code, reason)
    if (this.clientGone) return
    this.clientGone = true
    this.client.close(code, reason, true, seq)
  }

  private refuse(status: number, headers: ReadonlyArray<readonly [string, string]>): void {
    const own: Header[] = headers.map(([name, value]) => ({ name, value, source: 'modelled' }))
    const arrives = this.respond(status, [...own, { name: 'Content-Length', value: '0', source: 'modelled' }])
    const seq = this.lastSeq
    this.state = 'closed'
    // a handshake answered with anything but 101 fails the connection: error, then close 1006
    this.at(arrives, () => this.tellClientFailed(seq))
  }

  /** the handshake's response leaves the server; returns when it arrives */
  private respond(status: number, headers: Header[]): number {
    const { scheduler, conn } = this.ctx
    const all = [{ name: 'Date', value: httpDate(SIM_EPOCH_MS + scheduler.now), source: 'modelled' as const }, ...headers]
    const wire = formatResponseHead(status, all)
    const arrives = this.arrival('down')
    this.record({
      kind: 'http.response',
      t: scheduler.now,
      arrives,
      conn,
      from: 'server',
      to: 'client',
      bytes: wire.length,
      status,
      reason: reasonPhrase(status),
      headers: all,
      wire,
      streaming: status === 101,
    })
    return arrives
  }

  /** a frame leaves `from`; returns when it arrives at the other end */
  private sendFrame(from: 'client' | 'server', f: Frame): number {
    const { scheduler, conn } = this.ctx
    const bytes = encodeFrame(f)
    const arrives = this.arrival(from === 'client' ? 'up' : 'down')
    const textual = f.opcode === Opcode.text || f.opcode === Opcode.ping || f.opcode === Opcode.pong
    const close = f.opcode === Opcode.close ? readClosePayload(f.payload) : null
    this.record({
      kind: 'ws.frame',
      t: scheduler.now,
      arrives,
      conn,
      from,
      to: from === 'client' ? 'server' : 'client',
      bytes: bytes.length,
      fin: f.fin,
      rsv: [f.rsv1, f.rsv2, f.rsv3],
      opcode: f.opcode,
      opcodeName: opcodeName(f.opcode),
      maskKey: f.maskKey ? toHex(f.maskKey) : null,
      payloadLength: f.payload.length,
      hex: toHex(bytes),
      payloadHex: toHex(f.payload),
      ...(textual ? { text: decoder.decode(f.payload) } : {}),
      ...(close ? { text: close.reason, ...(close.code === null ? {} : { closeCode: close.code }) } : {}),
    })
    return arrives
  }

  /** when a message sent now arrives (latency, jitter, in order); call once per message */
  private arrival(direction: 'up' | 'down'): number {
    return this.ctx.network.arrival(this.ctx.conn, direction, this.ctx.scheduler.now)
  }

  /** puts an event in the trace; the last one's seq is what the client is told it received */
  private record(event: NewTraceEvent): void {
    this.lastSeq = this.ctx.trace.append(event).seq
  }

  private at(t: number, fn: () => void): void {
    this.ctx.scheduler.at(t, fn, { key: this.ctx.key, label: `${this.ctx.conn} websocket` })
  }
}
