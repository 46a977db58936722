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
import { Opcode, isSendableCloseCode, type Frame } from './websocket.ts'
import { closeCodeMeaning } from './websocket-constants.ts'
import { cap, concat, frameName, INVALID_DATA, PROTOCOL, type Failure, type RawFrame } from './websocket-frames.ts'

// the frames' side, where its users have always found it
export { FrameSplitter, frameName, readHeader, type Failure, type FrameHeader, type RawFrame } from './websocket-frames.ts'

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
