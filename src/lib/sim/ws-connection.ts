// One WebSocket connection on the simulated wire: the HTTP Upgrade handshake, then frames both ways,
// each put in the trace with its real bytes when it leaves its sender, and handed over when it arrives.
// Browsers never show the handshake or frames to pages, so all of it is modelled from what the
// connection did, exactly as RFC 6455 says it goes on the wire.
//
// Each end has its own state: the browser's (Chromium's CONNECTED, SEND_CLOSED, CLOSE_WAIT) and the
// server's. Every byte the server writes is read by the browser as Chromium reads it
// (websocket-reader.ts): a frame that breaks RFC 6455 fails the connection, the browser sends the
// close code the RFC gives (when it still may send a close frame) and drops the TCP connection without
// waiting (§7.1.7); the learner's WebSocket gets error, then close with 1006 and wasClean false (WHATWG
// WebSockets "fail the WebSocket connection": no close frame was received, so the code is 1006).
import { formatRequestHead, formatResponseHead, httpDate, reasonPhrase, type Header } from './http1.ts'
import { acceptFor, closePayload, encodeFrame, frame, makeKey, makeMaskKey, Opcode, opcodeName, readClosePayload, toHex, type Frame } from './websocket.ts'
import { FrameReader, FrameSplitter, readHeader, type Failure, type RawFrame, type ReaderState } from './websocket-reader.ts'
import type { SimScheduler } from './scheduler.ts'
import type { NewTraceEvent, Trace } from './trace.ts'
import { SIM_EPOCH_MS } from './clock.ts'
import { travel, type Arrival, type Network } from './network.ts'
import { closeCodeMeaning } from './websocket-constants.ts'

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
  /**
   * Puts `bytes` on the wire exactly as given, in one write (after the handshake, until the server has
   * closed it). The browser reads them as it reads every server frame: a frame split over several writes
   * is read (and traced) once its last byte is written; one that breaks RFC 6455 fails the connection.
   */
  sendRaw(bytes: Uint8Array): void
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

/** Chromium's closing handshake timeout: after close(), how long the browser waits for the server's close frame */
export const CLIENT_CLOSE_TIMEOUT_MS = 60_000
/** after answering the server's close frame, how long Chromium waits for the server to end the TCP connection */
export const CLIENT_CLOSE_WAIT_MS = 2_000
/** after its close frame, how long the simulated server waits for the browser's (the `ws` library's default) */
export const SERVER_CLOSE_TIMEOUT_MS = 30_000

const encoder = new TextEncoder()
const decoder = new TextDecoder()
type ClientState = 'connecting' | ReaderState | 'closed'
type ServerState = 'connecting' | 'open' | 'closing' | 'closed'

export class WsConnection implements ServerSocket {
  private clientState: ClientState = 'connecting'
  private serverState: ServerState = 'connecting'
  /** the seq of the last event this connection put in the trace */
  private lastSeq = 0
  private messageListeners: Array<(data: string | Uint8Array) => void> = []
  private closeListeners: Array<(code: number | null, reason: string) => void> = []
  /** the handshake has left the client (a connection exists to lose) */
  private started = false
  private readonly splitter = new FrameSplitter()
  /** reads the server's frames as they are sent, to mark in the trace the ones that break RFC 6455 */
  private readonly annotator = new FrameReader()
  private annotatorState: ReaderState = 'open'
  /** the browser's own reading, as frames arrive */
  private readonly reader = new FrameReader()
  private clientTimer: number | null = null
  private serverTimer: number | null = null
  /** the network lost the connection: what either end writes from now on goes nowhere (and is not traced) */
  private cut = false

  constructor(
    private readonly ctx: Context,
    private readonly client: WsClientListener,
  ) {}

  get conn(): string {
    return this.ctx.conn
  }

  /** the server's view: it may send */
  get open(): boolean {
    return this.serverState === 'open'
  }

  /** the learner's WebSocket has had its close event (or never started and failed) */
  get clientDone(): boolean {
    return this.clientState === 'closed'
  }

  /** either end still holds the connection open: there is something to drop, or to silence */
  get alive(): boolean {
    return this.started && (this.clientState !== 'closed' || this.serverState === 'open' || this.serverState === 'closing')
  }

  /** the client's opening handshake (§4.1); `accept` decides at the server, one latency later */
  handshake(
    request: { host: string; target: string; origin: string; protocols: string[]; route?: string; cookie?: string },
    accept: (socket: ServerSocket) => HandshakeAnswer,
    serverDelayMs = 0,
  ): void {
    const { scheduler, conn } = this.ctx
    // the learner's code closed it before the handshake could even leave
    if (this.clientState !== 'connecting') return
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
    // the browser's cookies for the server's site (RFC 6265 §5.4), SameSite applied (cookie-jar.ts)
    if (request.cookie) headers.push(m('Cookie', request.cookie))
    if (request.protocols.length) headers.push(m('Sec-WebSocket-Protocol', request.protocols.join(', ')))
    const wire = formatRequestHead('GET', request.target, headers)
    const arrival = this.leave('up')
    this.record({
      kind: 'http.request',
      t: scheduler.now,
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
      ...travel(arrival),
    })
    if (arrival.lost) return
    this.at(arrival.at + serverDelayMs, () => {
      // failed or lost before the server answered: nothing more happens on this connection
      if (this.serverState !== 'connecting') return
      if (this.clientState === 'closed') {
        this.serverState = 'closed'
        return
      }
      const accepted = accept(this)
      if (!accepted) return this.refuse(404, [])
      if ('refuse' in accepted) return this.refuse(accepted.refuse, accepted.headers ?? [])
      const response = [m('Upgrade', 'websocket'), m('Connection', 'Upgrade'), m('Sec-WebSocket-Accept', acceptFor(key))]
      if (accepted.protocol) response.push(m('Sec-WebSocket-Protocol', accepted.protocol))
      const opened = this.respond(101, response)
      const seq = this.lastSeq
      this.serverState = 'open'
      if (opened.lost) return
      this.at(opened.at, () => {
        if (this.clientState !== 'connecting') return
        this.clientState = 'open'
        this.client.open(accepted.protocol, seq)
      })
    })
  }

  /** no server could be reached (offline, unknown host, refused): nothing is sent; the client learns at `arrives` */
  failToConnect(reason: string, arrives = this.ctx.scheduler.now): void {
    const { scheduler, conn } = this.ctx
    this.clientState = 'closed'
    this.serverState = 'closed'
    const refused = arrives > scheduler.now
    const { seq } = this.ctx.trace.append({
      kind: 'conn.error',
      t: scheduler.now,
      arrives,
      conn,
      from: 'client',
      to: refused ? 'server' : 'client',
      bytes: 0,
      reason,
    })
    this.at(arrives, () => {
      this.client.error(seq)
      this.client.close(1006, '', false, seq)
    })
  }

  // ---- the server's end ----
  send(data: string | Uint8Array): void {
    if (this.serverState !== 'open') return
    this.serverWrite(encodeFrame(typeof data === 'string' ? frame(Opcode.text, encoder.encode(data)) : frame(Opcode.binary, data)))
  }

  ping(payload = ''): void {
    if (this.serverState !== 'open') return
    this.serverWrite(encodeFrame(frame(Opcode.ping, encoder.encode(payload))))
  }

  close(code = 1000, reason = ''): void {
    if (this.serverState !== 'open') return
    this.serverWrite(encodeFrame(frame(Opcode.close, closePayload(code, reason))))
  }

  sendRaw(bytes: Uint8Array): void {
    if (this.serverState !== 'open' && this.serverState !== 'closing') return
    this.serverWrite(bytes)
  }

  onMessage(fn: (data: string | Uint8Array) => void): void {
    this.messageListeners.push(fn)
  }

  onClose(fn: (code: number | null, reason: string) => void): void {
    this.closeListeners.push(fn)
  }

  // ---- the client's end (the learner's WebSocket) ----
  clientSend(data: string | Uint8Array): void {
    if (this.clientState !== 'open' || this.cut) return
    const maskKey = makeMaskKey(this.ctx.random)
    const arrival = this.clientWrite(typeof data === 'string' ? frame(Opcode.text, encoder.encode(data), { maskKey }) : frame(Opcode.binary, data, { maskKey }))
    if (arrival.lost) return
    this.at(arrival.at, () => {
      if (this.serverState === 'open') for (const fn of this.messageListeners) fn(data)
    })
  }

  /** ws.close(code, reason) in the learner's code; without a code the frame carries none (→ 1005) */
  clientClose(code: number | undefined, reason: string): void {
    if (this.clientState === 'closed') return
    // before the 101 reached the browser, close() fails the connection (WebSocket API "close()" steps):
    // no close frame, the TCP connection is dropped, and the page gets error then close 1006
    if (this.clientState === 'connecting') return this.failByClient()
    if (this.clientState !== 'open' || this.cut) return
    this.clientState = 'closing'
    const payload = code === undefined ? new Uint8Array() : closePayload(code, reason)
    const arrival = this.clientWrite(frame(Opcode.close, payload, { maskKey: makeMaskKey(this.ctx.random) }))
    this.clientTimer = this.ctx.scheduler.after(CLIENT_CLOSE_TIMEOUT_MS, () => this.clientGivesUp(), {
      key: this.ctx.key,
      label: `${this.ctx.conn} closing handshake timeout`,
    })
    if (!arrival.lost) this.at(arrival.at, () => this.serverGetsClose(code ?? null, reason, payload))
  }

  private failByClient(): void {
    const { scheduler, conn } = this.ctx
    this.clientState = 'closed'
    if (this.started) {
      const arrival = this.leave('up')
      this.record({
        kind: 'conn.close',
        t: scheduler.now,
        conn,
        from: 'client',
        to: 'server',
        bytes: 0,
        reason:
          "The learner's code closed the WebSocket before the handshake completed: the browser drops the connection without a close frame (the page gets close code 1006)",
        ...travel(arrival),
      })
      // the server had already answered 101 (it is on its way): it learns of the close when it arrives
      if (!arrival.lost) this.at(arrival.at, () => this.serverLoses(1006, ''))
    }
    const seq = this.started ? this.lastSeq : undefined
    this.at(scheduler.now, () => {
      this.client.error(seq)
      this.client.close(1006, '', false, seq)
    })
  }

  /** the network loses the connection: no close frames; both ends see 1006 */
  lose(reason: string): void {
    if (!this.alive) return
    this.cut = true
    const { scheduler, conn } = this.ctx
    const arrival = this.leave('down')
    this.record({
      kind: 'conn.close',
      t: scheduler.now,
      conn,
      from: 'network',
      to: 'client',
      bytes: 0,
      reason: `${reason} (close code 1006, abnormal closure: no close frame was sent)`,
      ...travel(arrival),
    })
    this.serverLoses(1006, '')
    const seq = this.lastSeq
    if (this.clientState === 'closed') return
    this.at(arrival.at, () => this.tellClientFailed(seq))
  }

  /** the browser fails the connection: error, then close 1006; nothing reaches the learner afterwards */
  private tellClientFailed(seq: number): void {
    if (this.clientState === 'closed') return
    this.endClient()
    this.client.error(seq)
    this.client.close(1006, '', false, seq)
  }

  // ---- the server writes, the browser reads ----

  /** bytes leave the server: each frame they complete is traced, and read by the browser when it arrives */
  private serverWrite(bytes: Uint8Array): void {
    for (const raw of this.splitter.push(bytes)) {
      const judged = this.annotator.read(raw, this.annotatorState)
      if (raw.frame?.opcode === Opcode.close) this.annotatorState = 'closeWait'
      const arrival = this.recordFrame('server', raw, judged.kind === 'fail' ? judged.failure.why : undefined)
      const seq = this.lastSeq
      if (raw.header.opcode === Opcode.close && this.serverState === 'open') {
        this.serverState = 'closing'
        this.serverTimer = this.ctx.scheduler.after(SERVER_CLOSE_TIMEOUT_MS, () => this.serverGivesUp(), {
          key: this.ctx.key,
          label: `${this.ctx.conn} server closing timeout`,
        })
      }
      if (!arrival.lost) this.at(arrival.at, () => this.browserReads(raw, seq))
    }
  }

  /** a server frame reaches the browser */
  private browserReads(raw: RawFrame, seq: number): void {
    const state = this.clientState
    if (state === 'connecting' || state === 'closed') return
    const outcome = this.reader.read(raw, state)
    switch (outcome.kind) {
      case 'fail':
        return this.browserFails(outcome.failure, seq)
      case 'message':
        return this.client.message(outcome.data, seq)
      case 'ping':
        // the browser answers by itself (§5.5.2), only while open: Chromium ignores pings once it has sent its close frame
        if (state === 'open') this.clientWrite(frame(Opcode.pong, outcome.payload, { maskKey: makeMaskKey(this.ctx.random) }))
        return
      case 'close':
        return this.browserGetsClose(outcome.code, outcome.reason, seq)
      case 'fragment':
      case 'ignored':
      case 'pong':
        return
    }
  }

  /** Chromium's FailChannel: a close frame with the code (while it still may send one), then the TCP connection is dropped */
  private browserFails(failure: Failure, seq: number): void {
    const { scheduler, conn } = this.ctx
    const sendsClose = this.clientState === 'open' && failure.code !== null
    this.endClient()
    let closeFrame: Arrival | null = null
    if (sendsClose) {
      const payload = closePayload(failure.code!, failure.reason)
      closeFrame = this.clientWrite(frame(Opcode.close, payload, { maskKey: makeMaskKey(this.ctx.random) }))
    }
    const arrival = this.leave('up')
    const sent = sendsClose
      ? `It sent a close frame with ${failure.code} (${closeCodeMeaning(failure.code!).replace(/ \(.*\)$/, '')}) and dropped the TCP connection without waiting for an answer`
      : failure.code === null
        ? 'It dropped the TCP connection without a close frame'
        : 'It had already sent its close frame, so it dropped the TCP connection'
    this.record({
      kind: 'conn.close',
      t: scheduler.now,
      conn,
      from: 'client',
      to: 'server',
      bytes: 0,
      reason: `The browser failed the WebSocket connection: ${failure.why} ${sent} (RFC 6455 §7.1.7). The page gets error, then close with code 1006 (abnormal closure, wasClean false).`,
      ...travel(arrival),
    })
    // the server gets the close frame with the end of the connection right behind it: it has no one to answer
    const told = closeFrame && !closeFrame.lost ? closeFrame : arrival.lost ? null : arrival
    if (told) this.at(told.at, () => (told === closeFrame ? this.serverLoses(failure.code, failure.reason) : this.serverLoses(1006, '')))
    this.client.error(seq)
    this.client.close(1006, '', false, seq)
  }

  /** a valid close frame from the server reaches the browser */
  private browserGetsClose(code: number | null, reason: string, seq: number): void {
    if (this.clientState === 'closing') {
      // the answer to the learner's close (or a close that crossed it): the handshake is complete
      return this.finishClient(code ?? 1005, reason, seq)
    }
    // the browser answers with a close frame of its own, echoing the code and reason (§5.5.1)
    this.clientState = 'closeWait'
    const payload = code === null ? new Uint8Array() : closePayload(code, reason)
    const answer = this.clientWrite(frame(Opcode.close, payload, { maskKey: makeMaskKey(this.ctx.random) }))
    const finish = () => this.finishClient(code ?? 1005, reason, seq)
    // the server ends the TCP connection when the answer reaches it; Chromium stops waiting for that after 2 s
    this.clientTimer = this.ctx.scheduler.after(CLIENT_CLOSE_WAIT_MS, finish, { key: this.ctx.key, label: `${this.ctx.conn} close wait` })
    if (!answer.lost)
      this.at(answer.at, () => {
        this.serverGetsClose(code, reason, payload)
        finish()
      })
  }

  /** the browser's close frame reaches the server */
  private serverGetsClose(code: number | null, reason: string, payload: Uint8Array): void {
    if (this.serverState === 'open') {
      // the server answers with a close frame of its own, echoing the code (§5.5.1)
      this.serverWrite(encodeFrame(frame(Opcode.close, payload)))
    }
    this.serverLoses(code, reason)
  }

  /** the server's end is done: its close listeners learn the code (1006: no close frame) */
  private serverLoses(code: number | null, reason: string): void {
    if (this.serverState === 'closed') return
    this.serverState = 'closed'
    if (this.serverTimer !== null) this.ctx.scheduler.cancel(this.serverTimer)
    for (const fn of this.closeListeners) fn(code, reason)
  }

  /** the learner's WebSocket closes cleanly */
  private finishClient(code: number, reason: string, seq: number): void {
    if (this.clientState === 'closed') return
    this.endClient()
    this.client.close(code, reason, true, seq)
  }

  private endClient(): void {
    this.clientState = 'closed'
    if (this.clientTimer !== null) this.ctx.scheduler.cancel(this.clientTimer)
    this.clientTimer = null
  }

  /** no answer to the learner's close frame within Chromium's timeout: the browser drops the connection */
  private clientGivesUp(): void {
    this.clientTimer = null
    if (this.clientState !== 'closing') return
    const { scheduler, conn } = this.ctx
    this.endClient()
    const arrival = this.leave('up')
    this.record({
      kind: 'conn.close',
      t: scheduler.now,
      conn,
      from: 'client',
      to: 'server',
      bytes: 0,
      reason: `No close frame came back within ${CLIENT_CLOSE_TIMEOUT_MS / 1000} s (Chromium's closing handshake timeout): the browser drops the TCP connection, and the page gets close with code 1006 (wasClean false).`,
      ...travel(arrival),
    })
    if (!arrival.lost) this.at(arrival.at, () => this.serverLoses(1006, ''))
    this.client.close(1006, '', false, this.lastSeq)
  }

  /** no answer to the server's close frame: it ends the TCP connection itself */
  private serverGivesUp(): void {
    this.serverTimer = null
    if (this.serverState !== 'closing') return
    const { scheduler, conn } = this.ctx
    const arrival = this.leave('down')
    this.record({
      kind: 'conn.close',
      t: scheduler.now,
      conn,
      from: 'server',
      to: 'client',
      bytes: 0,
      reason: `No close frame came back within ${SERVER_CLOSE_TIMEOUT_MS / 1000} s: the server ends the TCP connection itself.`,
      ...travel(arrival),
    })
    this.serverLoses(1006, '')
    const seq = this.lastSeq
    if (!arrival.lost) this.at(arrival.at, () => this.clientLosesConnection(seq))
  }

  /** the TCP connection ends under the browser: a close frame already received makes it clean (Chromium's OnDropChannel) */
  private clientLosesConnection(seq: number): void {
    if (this.clientState === 'closed') return
    this.endClient()
    this.client.close(1006, '', false, seq)
  }

  private refuse(status: number, headers: ReadonlyArray<readonly [string, string]>): void {
    const own: Header[] = headers.map(([name, value]) => ({ name, value, source: 'modelled' }))
    const arrival = this.respond(status, [...own, { name: 'Content-Length', value: '0', source: 'modelled' }])
    const seq = this.lastSeq
    this.serverState = 'closed'
    // a handshake answered with anything but 101 fails the connection: error, then close 1006
    if (!arrival.lost) this.at(arrival.at, () => this.tellClientFailed(seq))
  }

  /** the handshake's response leaves the server */
  private respond(status: number, headers: Header[]): Arrival {
    const { scheduler, conn } = this.ctx
    const all = [{ name: 'Date', value: httpDate(SIM_EPOCH_MS + scheduler.now), source: 'modelled' as const }, ...headers]
    const wire = formatResponseHead(status, all)
    const arrival = this.leave('down')
    this.record({
      kind: 'http.response',
      t: scheduler.now,
      conn,
      from: 'server',
      to: 'client',
      bytes: wire.length,
      status,
      reason: reasonPhrase(status),
      headers: all,
      wire,
      streaming: status === 101,
      ...travel(arrival),
    })
    return arrival
  }

  /** a frame leaves the browser (always valid, always masked) */
  private clientWrite(f: Frame): Arrival {
    const bytes = encodeFrame(f)
    return this.recordFrame('client', { bytes, header: readHeader(bytes)!.header, frame: f })
  }

  /** a frame leaves `from`: traced with its bytes, decoded as far as they go */
  private recordFrame(from: 'client' | 'server', raw: RawFrame, invalid?: string): Arrival {
    const { scheduler, conn } = this.ctx
    const { header } = raw
    const payload = raw.frame?.payload ?? raw.bytes.slice(Math.min(header.headerSize, raw.bytes.length))
    const textual = header.opcode === Opcode.text || header.opcode === Opcode.ping || header.opcode === Opcode.pong
    const close = header.opcode === Opcode.close && raw.frame ? readClosePayload(payload) : null
    const arrival = this.leave(from === 'client' ? 'up' : 'down')
    this.record({
      kind: 'ws.frame',
      t: scheduler.now,
      conn,
      from,
      to: from === 'client' ? 'server' : 'client',
      bytes: raw.bytes.length,
      fin: header.fin,
      rsv: header.rsv,
      opcode: header.opcode,
      opcodeName: opcodeName(header.opcode),
      maskKey: header.maskKey ? toHex(header.maskKey) : null,
      payloadLength: payload.length,
      hex: toHex(raw.bytes),
      payloadHex: toHex(payload),
      ...(textual && raw.frame ? { text: decoder.decode(payload) } : {}),
      ...(close ? { text: close.reason, ...(close.code === null ? {} : { closeCode: close.code }) } : {}),
      ...(invalid ? { invalid } : {}),
      ...travel(arrival),
    })
    return arrival
  }

  /** a message leaves now in `direction`: when it arrives, if it does (call once per message) */
  private leave(direction: 'up' | 'down'): Arrival {
    return this.ctx.network.send(this.ctx.conn, direction, this.ctx.scheduler.now)
  }

  /** puts an event in the trace; the last one's seq is what the client is told it received */
  private record(event: NewTraceEvent): void {
    this.lastSeq = this.ctx.trace.append(event).seq
  }

  private at(t: number, fn: () => void): void {
    this.ctx.scheduler.at(t, fn, { key: this.ctx.key, label: `${this.ctx.conn} websocket` })
  }
}
