// How the browser reads what a server sends on a WebSocket, now that lesson servers can send any bytes:
// the stream is cut into frames (RFC 6455 §5.2), and each frame is taken (a message, a fragment of one,
// a ping, a pong, a close) or fails the connection, checked in the order Chromium's net/websockets
// checks (frame parser, then basic stream, then channel). A failure carries the close code the browser
// sends before it drops the TCP connection (RFC 6455 §7.1.7, §7.4.1), or none when it drops it at once.
//
// Where Chromium and RFC 6455 part, Wirelab follows the RFC for the code on the wire and says so:
// invalid UTF-8 gets 1007 (Chromium sends 1002), and a close frame with any code that may not be sent
// (0–999, 1004, 1005, 1006, 1015, 1016–2999, 5000+) fails the connection (Chromium refuses only 1005,
// 1006 and 1015). The reasons in the browser's close frame are Chromium's own.
import { Opcode, opcodeName, isSendableCloseCode, type Frame } from './websocket.ts'
import { closeCodeMeaning } from './websocket-constants.ts'

/** why the browser fails the connection, and what it sends first */
export interface Failure {
  /** the close code in the close frame the browser sends before it drops the connection; null: no close frame */
  code: number | null
  /** the reason in that close frame (Chromium's words; often empty) */
  reason: string
  /** what is wrong, in plain words, with the rule it breaks */
  why: string
}

/** a frame header, read as far as the bytes go */
export interface FrameHeader {
  fin: boolean
  rsv: [boolean, boolean, boolean]
  opcode: number
  maskKey: Uint8Array | null
  /** the payload length the header announces */
  declared: bigint
  /** bytes before the payload */
  headerSize: number
}

/** one frame cut from the server's byte stream */
export interface RawFrame {
  /** its bytes exactly as on the wire (after a header the browser refuses: every byte that followed in that write) */
  bytes: Uint8Array
  header: FrameHeader
  /** the whole frame, unmasked; null when its header was refused before the payload was complete */
  frame: Frame | null
  /** the header itself fails the connection (a length or control-frame rule) */
  failure?: Failure
}

const PROTOCOL = 1002
const INVALID_DATA = 1007
/** Chromium's reason for every error its frame parser and stream find in a header */
const HEADER_REASON = 'WebSocket Protocol Error'
const INT64_MAX = 2n ** 63n - 1n
/** the largest frame Chromium reads (INT32_MAX bytes); a longer one drops the connection */
const CHROMIUM_MAX_FRAME = 2n ** 31n - 1n

/** "a text frame", "a ping frame", "a frame with the reserved opcode 0x3" */
export function frameName(opcode: number): string {
  const name = opcodeName(opcode)
  return name === 'reserved' ? `a frame with the reserved opcode 0x${opcode.toString(16).toUpperCase()}` : `a ${name} frame`
}

const isControl = (opcode: number) => opcode === Opcode.close || opcode === Opcode.ping || opcode === Opcode.pong

/** the header at the start of `bytes`: null while incomplete; with `failure` when the browser refuses it there */
export function readHeader(bytes: Uint8Array): { header: FrameHeader; failure?: Failure } | null {
  if (bytes.length < 2) return null
  const b0 = bytes[0]!
  const b1 = bytes[1]!
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let offset = 2
  let declared = BigInt(b1 & 0x7f)
  let failure: Failure | undefined
  if (declared === 126n) {
    if (bytes.length < 4) return null
    declared = BigInt(view.getUint16(2))
    offset = 4
    if (declared <= 125n)
      failure = headerFailure(
        `The 16-bit extended length holds ${declared}, which fits the 7-bit length field: the length must be encoded in the fewest bytes (RFC 6455 §5.2).`,
      )
  } else if (declared === 127n) {
    if (bytes.length < 10) return null
    declared = view.getBigUint64(2)
    offset = 10
    if (declared > INT64_MAX) failure = headerFailure('The 64-bit extended length has its most significant bit set, which must be 0 (RFC 6455 §5.2).')
    else if (declared <= 0xffffn)
      failure = headerFailure(
        `The 64-bit extended length holds ${declared}, which fits 16 bits: the length must be encoded in the fewest bytes (RFC 6455 §5.2).`,
      )
    else if (declared > CHROMIUM_MAX_FRAME)
      failure = {
        code: null,
        reason: '',
        why: `The frame announces ${declared} bytes of payload, more than Chromium takes in one frame (2³¹ − 1): it drops the connection without a close frame (no code 1009).`,
      }
  }
  const masked = (b1 & 0x80) !== 0
  const header: FrameHeader = {
    fin: (b0 & 0x80) !== 0,
    rsv: [(b0 & 0x40) !== 0, (b0 & 0x20) !== 0, (b0 & 0x10) !== 0],
    opcode: b0 & 0x0f,
    maskKey: masked && bytes.length >= offset + 4 ? bytes.slice(offset, offset + 4) : null,
    declared,
    headerSize: offset + (masked ? 4 : 0),
  }
  // the frame parser refuses a length as soon as it has read it, before the masking key
  if (failure) return { header, failure }
  if (masked && !header.maskKey) return null
  if (isControl(header.opcode) && !header.fin)
    return { header, failure: headerFailure(`${cap(frameName(header.opcode))} with FIN = 0: control frames must not be fragmented (RFC 6455 §5.5).`) }
  if (isControl(header.opcode) && declared > 125n)
    return {
      header,
      failure: headerFailure(`${cap(frameName(header.opcode))} with ${declared} bytes of payload: control frames carry at most 125 (RFC 6455 §5.5).`),
    }
  return { header }
}

function headerFailure(why: string): Failure {
  return { code: PROTOCOL, reason: HEADER_REASON, why }
}

/** cuts the bytes a server writes into frames; a frame split over several writes is whole once its last byte is written */
export class FrameSplitter {
  private pending = new Uint8Array(0)

  /** the frames these bytes complete (an incomplete one waits for the next write) */
  push(bytes: Uint8Array): RawFrame[] {
    let buffer = concat(this.pending, bytes)
    const frames: RawFrame[] = []
    while (buffer.length > 0) {
      const read = readHeader(buffer)
      if (!read) break
      const { header, failure } = read
      const complete = buffer.length >= header.headerSize && header.declared <= BigInt(buffer.length - header.headerSize)
      if (!complete && failure) {
        // the browser stops reading at this header: whatever follows is never parsed
        frames.push({ bytes: buffer, header, frame: null, failure })
        buffer = new Uint8Array(0)
        break
      }
      if (!complete) break
      const size = header.headerSize + Number(header.declared)
      const bytesOfFrame = buffer.slice(0, size)
      const raw = bytesOfFrame.slice(header.headerSize)
      const frame: Frame = {
        fin: header.fin,
        rsv1: header.rsv[0],
        rsv2: header.rsv[1],
        rsv3: header.rsv[2],
        opcode: header.opcode,
        maskKey: header.maskKey,
        payload: header.maskKey ? raw.map((b, i) => b ^ header.maskKey![i % 4]!) : raw,
      }
      frames.push({ bytes: bytesOfFrame, header, frame, ...(failure ? { failure } : {}) })
      buffer = buffer.slice(size)
    }
    this.pending = buffer
    return frames
  }
}

/** where the browser's end is when a frame arrives (Chromium's CONNECTED, SEND_CLOSED, CLOSE_WAIT) */
export type ReaderState = 'open' | 'closing' | 'closeWait'

export type ReadOutcome =
  | { kind: 'message'; data: string | Uint8Array }
  /** part of a fragmented message: nothing for the page until its final fragment */
  | { kind: 'fragment' }
  /** a data frame after the browser sent its own close frame: dropped (the page gets no message) */
  | { kind: 'ignored' }
  | { kind: 'ping'; payload: Uint8Array }
  | { kind: 'pong' }
  /** `code` null: the close frame had no body (the page will see 1005) */
  | { kind: 'close'; code: number | null; reason: string }
  | { kind: 'fail'; failure: Failure }

interface Message {
  text: boolean
  /** text so far (text messages are checked as UTF-8 fragment by fragment, as Chromium does) */
  decoder: TextDecoder | null
  decoded: string
  parts: Uint8Array[]
  /** a fragment was refused (invalid UTF-8): the rest of this message is not checked again */
  broken: boolean
}

/** the browser's reading of one connection's frames: fragments are put back together, each frame is checked */
export class FrameReader {
  private message: Message | null = null

  read(raw: RawFrame, state: ReaderState): ReadOutcome {
    if (raw.failure) return fail(raw.failure)
    const f = raw.frame!
    if (f.maskKey)
      return fail({
        code: PROTOCOL,
        reason: 'Masked frame from server',
        why: 'The frame is masked: a server must not mask its frames, and a client that receives a masked frame must close the connection (RFC 6455 §5.1).',
      })
    if (f.rsv1 || f.rsv2 || f.rsv3) {
      const set = ['RSV1', 'RSV2', 'RSV3'].filter((_, i) => [f.rsv1, f.rsv2, f.rsv3][i])
      return fail({
        code: PROTOCOL,
        reason: 'Invalid reserved bit',
        why: `${set.join(' and ')} ${set.length === 1 ? 'is' : 'are'} set, but the handshake agreed on no extension that gives ${set.length === 1 ? 'it' : 'them'} a meaning (RFC 6455 §5.2).`,
      })
    }
    if (state === 'closeWait')
      return fail({
        code: null,
        reason: '',
        why: `${cap(frameName(f.opcode))} after the server's close frame: once a close frame has crossed, nothing may follow it, and Chromium drops the connection (it has already answered the close).`,
      })
    switch (f.opcode) {
      case Opcode.continuation:
      case Opcode.text:
      case Opcode.binary:
        return state === 'open' ? this.data(f) : { kind: 'ignored' }
      case Opcode.ping:
        return { kind: 'ping', payload: f.payload }
      case Opcode.pong:
        return { kind: 'pong' }
      case Opcode.close:
        return readServerClose(f.payload)
      default:
        return fail({
          code: PROTOCOL,
          reason: 'Unknown opcode',
          why: `Opcode 0x${f.opcode.toString(16).toUpperCase()} is reserved: RFC 6455 §5.2 defines 0x0–0x2 and 0x8–0xA, and a receiver must fail the connection on any other.`,
        })
    }
  }

  private data(f: Frame): ReadOutcome {
    const continuation = f.opcode === Opcode.continuation
    if (continuation && !this.message)
      return fail({
        code: PROTOCOL,
        reason: 'Unexpected continuation',
        why: 'A continuation frame, but no fragmented message is in progress: a message starts with a text or binary frame (RFC 6455 §5.4).',
      })
    if (!continuation && this.message)
      return fail({
        code: PROTOCOL,
        reason: 'Previous data frame unfinished',
        why: `${cap(frameName(f.opcode))} while the previous message still waits for its final fragment: the fragments of two messages must not interleave (RFC 6455 §5.4).`,
      })
    const text = f.opcode === Opcode.text
    const m: Message = this.message ?? {
      text,
      decoder: text ? new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }) : null,
      decoded: '',
      parts: [],
      broken: false,
    }
    this.message = f.fin ? null : m
    if (m.text && !m.broken) {
      try {
        m.decoded += m.decoder!.decode(f.payload, { stream: !f.fin })
      } catch {
        m.broken = true
        return fail({
          code: INVALID_DATA,
          reason: 'Invalid UTF-8 in text frame',
          why: `The text ${f.fin && !continuation ? 'message' : 'message (this fragment of it)'} is not valid UTF-8: a text message must be (RFC 6455 §5.6, §8.1).`,
        })
      }
    }
    if (!m.text) m.parts.push(f.payload)
    if (!f.fin) return { kind: 'fragment' }
    if (m.broken) return { kind: 'fragment' }
    return { kind: 'message', data: m.text ? m.decoded : concat(...m.parts) }
  }
}

/** a close frame's body as the browser reads it (RFC 6455 §5.5.1, §7.4): a code the browser may report, or a failure */
export function readServerClose(payload: Uint8Array): Extract<ReadOutcome, { kind: 'close' | 'fail' }> {
  if (payload.length === 0) return { kind: 'close', code: null, reason: '' }
  if (payload.length === 1)
    return fail({
      code: PROTOCOL,
      reason: '',
      why: 'A close frame with a 1-byte body: the body is either empty or starts with a 2-byte status code (RFC 6455 §5.5.1).',
    })
  const code = new DataView(payload.buffer, payload.byteOffset, payload.byteLength).getUint16(0)
  if (!isSendableCloseCode(code))
    return fail({
      code: PROTOCOL,
      reason: '',
      why: `A close frame with code ${code}, which may not be sent in a close frame: ${unsendableBecause(code)} (RFC 6455 §7.4).`,
    })
  try {
    const reason = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(payload.subarray(2))
    return { kind: 'close', code, reason }
  } catch {
    return fail({
      code: INVALID_DATA,
      reason: 'Invalid UTF-8 in Close frame',
      why: "The close frame's reason is not valid UTF-8: it must be (RFC 6455 §5.5.1, §8.1).",
    })
  }
}

function unsendableBecause(code: number): string {
  if (code === 1005 || code === 1006 || code === 1015)
    return `${code} only reports a close to the application (${closeCodeMeaning(code).replace(/ \(never sent in a frame\)$/, '')}) and is never sent`
  if (code < 1000) return 'codes 0–999 are not used'
  if (code === 1004) return '1004 is reserved'
  if (code < 3000) return `${code} is reserved for the protocol and not assigned`
  return 'codes end at 4999'
}

function fail(failure: Failure): { kind: 'fail'; failure: Failure } {
  return { kind: 'fail', failure }
}

function cap(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1)
}

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}
